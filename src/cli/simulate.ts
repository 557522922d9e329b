// Headless `simulate`: runs a flow file to the end and prints the report (DESIGN.md, "Headless
// CLI") as one JSON document on stdout. Everything else goes to stderr with a non-zero exit.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createSimulation } from '../engine/simulation';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatProblem, parseFlowText } from '../model/validate';
import { parseArgs } from './args';

function fail(message: string, code = 2): never {
  process.stderr.write(`simulate: ${message}\n`);
  process.exit(code);
}

function main(argv: readonly string[]): void {
  const parsed = parseArgs(argv);
  if (!parsed.ok) fail(parsed.error);
  const { file, seed, duration, warmup } = parsed.args;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const flow = parseFlowText(text);
  if (!flow.ok) fail(`${file} is not a valid flow:\n${flow.problems.map(formatProblem).join('\n')}`, 1);
  const settings = flow.flow.settings;
  const d = duration ?? settings?.duration ?? DEFAULT_SETTINGS.duration;
  const w = warmup ?? settings?.warmup ?? DEFAULT_SETTINGS.warmup;
  if (w >= d) fail(`warm-up (${w} s) must be shorter than the duration (${d} s)`);
  const created = createSimulation(flow.flow, {
    seed: seed ?? settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: d,
    warmup: w,
  });
  if (!created.ok) fail(`${file} cannot run:\n${created.problems.map(formatProblem).join('\n')}`, 1);
  const start = performance.now();
  created.sim.advanceTo(d);
  const report = created.sim.report();
  report.wallMs = Math.round((performance.now() - start) * 1000) / 1000;
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
}

main(process.argv.slice(2));
