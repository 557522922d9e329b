// The `simulate` command as a function of its arguments and file reader, so that tests can run it
// in-process; simulate.ts wires it to the real process.
import { createSimulation } from '../engine/simulation';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatProblem, parseFlowText } from '../model/validate';
import { parseArgs } from './args';

export interface CliIo {
  readFile(path: string): string;
  /** Wall-clock milliseconds (the engine never reads the clock itself). */
  now(): number;
}

export interface CliResult {
  /** 0 ok, 1 bad flow, 2 bad usage or unreadable file. */
  code: number;
  stdout: string;
  stderr: string;
}

const failure = (message: string, code: number): CliResult => ({
  code,
  stdout: '',
  stderr: `simulate: ${message}\n`,
});

export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return failure(parsed.error, 2);
  const { file, seed, duration, warmup } = parsed.args;
  let text: string;
  try {
    text = io.readFile(file);
  } catch (err) {
    return failure(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`, 2);
  }
  const flow = parseFlowText(text);
  if (!flow.ok)
    return failure(`${file} is not a valid flow:\n${flow.problems.map(formatProblem).join('\n')}`, 1);
  const settings = flow.flow.settings;
  const d = duration ?? settings?.duration ?? DEFAULT_SETTINGS.duration;
  const w = warmup ?? settings?.warmup ?? DEFAULT_SETTINGS.warmup;
  if (w >= d) return failure(`warm-up (${w} s) must be shorter than the duration (${d} s)`, 2);
  const created = createSimulation(flow.flow, {
    seed: seed ?? settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: d,
    warmup: w,
  });
  if (!created.ok)
    return failure(`${file} cannot run:\n${created.problems.map(formatProblem).join('\n')}`, 1);
  const start = io.now();
  created.sim.advanceTo(d);
  const report = created.sim.report();
  report.wallMs = Math.round((io.now() - start) * 1000) / 1000;
  return { code: 0, stdout: `${JSON.stringify(report, null, 2)}\n`, stderr: '' };
}
