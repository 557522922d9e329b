// The `simulate` command as a function of its arguments and of what it needs from the machine
// (io.ts), so that tests run it in-process; main.ts wires it to the real process. This file
// dispatches (one run, a sweep, merge) and makes one run. Everything a file says is escaped
// before it reaches stderr, lists are capped, and nothing throws out of here except bugs
// (main.ts catches those).
import type { Halt, Simulation, SimulationOptions, SimulationReport } from '../engine/api';
import { createSimulation } from '../engine/simulation';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatCount } from '../model/format';
import { checkSlos, describeSlo, type SloResult } from '../model/slo';
import { EXIT, parseArgs, USAGE } from './args';
import { problemList } from './flowFile';
import { HELP } from './help';
import { type CliIo, type CliResult, failure, formatSeconds, line, PROGRESS_MS } from './io';
import { runMerge } from './merge';
import { type Prepared, prepare, runTimes } from './prepare';
import { runSweep } from './sweep';
import { safeJson, safeText } from './terminal';

export type { CliIo, CliResult } from './io';

/** Where a run stopped before its end, as the report's `stopped` field says it. */
export interface Stopped {
  reason: 'max-wall' | 'max-events' | Halt['kind'];
  message: string;
  /** Simulated time reached. */
  time: number;
  path?: string;
  nodeId?: string;
}

/** Events per slice of the run between checks of the wall clock and progress. */
const SLICE = 200_000;

export async function runCli(argv: readonly string[], io: CliIo): Promise<CliResult> {
  if (argv[0] === 'merge') return runMerge(argv.slice(1), io);
  const parsed = parseArgs(argv);
  // The error may quote what was typed, so it is escaped; the usage line after it is ours.
  if (!parsed.ok)
    return failure(`${safeText(parsed.error, 2000)}${parsed.usage ? `\n${USAGE}` : ''}`, EXIT.usage);
  if ('help' in parsed) return { code: EXIT.ok, stdout: HELP, stderr: '' };
  const prepared = prepare(parsed.args, io);
  if ('code' in prepared) return prepared;
  const { sweep } = prepared.args;
  return sweep ? runSweep(prepared, sweep, io) : runOne(prepared, io);
}

type Report = SimulationReport & { stopped?: Stopped; slos?: SloResult[] };

function runOne(p: Prepared, io: CliIo): CliResult {
  const { seed, maxWall, maxEvents, maxMessages } = p.args;
  const settings = p.flow.settings;
  const times = runTimes(p.args, settings);
  if (!times.ok) return failure(times.message, EXIT.usage);
  const d = times.duration;
  const options: Partial<SimulationOptions> = {
    seed: seed ?? settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: d,
    warmup: times.warmup,
    ...(maxMessages !== undefined ? { limits: { maxMessages } } : {}),
  };
  const created = createSimulation(p.flow, options);
  if (!created.ok) return failure(`${p.name} cannot run:\n${problemList(created.problems)}`, EXIT.badFlow);

  const sim = created.sim;
  const start = io.now();
  let stopped: Stopped | null = null;
  let lastProgress = start;
  while (!sim.done) {
    const left = maxEvents === undefined ? SLICE : Math.min(SLICE, maxEvents - sim.events);
    const ran = sim.advanceTo(d, left);
    const halt = sim.halted;
    if (halt) {
      stopped = {
        reason: halt.kind,
        message: `run stopped: ${halt.message}`,
        time: halt.time,
        ...where(halt),
      };
      break;
    }
    const now = io.now();
    if (maxEvents !== undefined && sim.events >= maxEvents && !sim.done) {
      stopped = {
        reason: 'max-events',
        message: `stopped by --max-events ${formatCount(maxEvents)}`,
        time: sim.now,
      };
      break;
    }
    if (maxWall !== undefined && now - start >= maxWall * 1000 && !sim.done) {
      stopped = { reason: 'max-wall', message: `stopped by --max-wall ${maxWall} s`, time: sim.now };
      break;
    }
    if (io.progress && now - lastProgress >= PROGRESS_MS) {
      lastProgress = now;
      io.progress(progressLine(sim, d, now - start));
    }
    if (ran === 0 && !sim.done) break; // nothing more can happen before the end (defensive)
  }
  if (io.progress && lastProgress !== start) io.progress('');

  const report: Report = sim.report();
  report.wallMs = Math.round((io.now() - start) * 1000) / 1000;
  const doc = stopped ? withStopped(report, stopped) : report;
  // Checked on a stopped run too, so the document says what its figures meet; the exit code
  // then says the run stopped (4), which a failed objective (3) does not hide.
  if (p.slos.length > 0) doc.slos = checkSlos(report, p.slos);
  const stdout = `${safeJson(JSON.stringify(doc, null, 2))}\n`;
  let stderr = p.notes;
  if (stopped) {
    stderr += line(
      `${safeText(stopped.message, 2000)} — at t = ${formatSeconds(stopped.time)} of ${formatSeconds(d)}` +
        ` (${formatCount(sim.events)} events); the figures on stdout cover the run up to there`,
    );
    return { code: EXIT.stopped, stdout, stderr };
  }
  const failed = (doc.slos ?? []).filter((s) => !s.pass);
  if (failed.length === 0) return { code: EXIT.ok, stdout, stderr };
  stderr += failed
    .map((s) => line(safeText(`objective failed: ${describeSlo(s)} (${actualText(s)})`)))
    .join('');
  return { code: EXIT.slo, stdout, stderr };
}

/** "actual 0.2241", or why there is none. */
const actualText = (s: SloResult): string =>
  s.actual === null ? 'the run has no such figure' : `actual ${s.actual}`;

const where = (h: Halt) => ({
  ...(h.path !== undefined ? { path: h.path } : {}),
  ...(h.nodeId !== undefined ? { nodeId: h.nodeId } : {}),
});

/** The report with `stopped` after `events`, where a reader of the document meets it first. */
function withStopped(report: Report, stopped: Stopped): Report {
  const { seed, duration, wallMs, events, ...rest } = report;
  return { seed, duration, wallMs, events, stopped, ...rest };
}

function progressLine(sim: Simulation, duration: number, wallMs: number): string {
  const share = Math.min(100, (sim.now / duration) * 100);
  return (
    `simulate: t = ${formatSeconds(sim.now)} of ${formatSeconds(duration)} (${share.toFixed(1)}%)` +
    ` · ${formatCount(sim.events)} events · ${(wallMs / 1000).toFixed(1)} s`
  );
}
