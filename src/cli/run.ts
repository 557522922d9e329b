// The `simulate` command as a function of its arguments and of what it needs from the machine
// (io.ts), so that tests run it in-process; main.ts wires it to the real process. This file
// dispatches (one run, a sweep, merge) and makes one run. Everything a file says is escaped
// before it reaches stderr, lists are capped, and nothing throws out of here except bugs
// (host.ts catches those).
import type { Halt, Simulation, SimulationOptions, SimulationReport } from '../engine/api';
import { createSimulation } from '../engine/simulation';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatCount } from '../model/format';
import { checkSlos, describeSlo, type SloResult } from '../model/slo';
import { argumentFailure, EXIT, parseArgs, USAGE } from './args';
import { problemList } from './flowFile';
import { HELP } from './help';
import { type CliIo, type CliResult, formatSeconds, PROGRESS_MS, SIMULATE, type Voice } from './io';
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
  if (!parsed.ok) return argumentFailure(SIMULATE, parsed, USAGE);
  if ('help' in parsed) return { code: EXIT.ok, stdout: HELP, stderr: '' };
  const prepared = prepare(SIMULATE, parsed.args, io);
  if ('code' in prepared) return prepared;
  const { sweep } = prepared.args;
  return sweep ? runSweep(prepared, sweep, io) : runOne(prepared, io);
}

type Report = SimulationReport & { stopped?: Stopped; slos?: SloResult[] };

/** One run of a prepared flow, to its end or to a limit. */
export interface FlowRun {
  /** The report, with `stopped` (after `events`) when a limit stopped the run. */
  doc: Report;
  /** The report without `stopped`, as objectives read it. */
  report: SimulationReport;
  stopped: Stopped | null;
  /** For stderr when the run stopped: "run stopped: … — at t = 8,123.4 s of 1e9 s (80,123,456 events)". */
  stoppedAt: string;
}

/**
 * Runs the flow as `simulate` runs one: its settings and the flags, the limits, progress on a
 * terminal. `render --badges` runs its flow here too, so an image shows the figures simulate prints.
 */
export function runFlow(p: Prepared, io: CliIo): FlowRun | CliResult {
  const { seed, maxWall, maxEvents, maxMessages } = p.args;
  const settings = p.flow.settings;
  const times = runTimes(p.args, settings);
  if (!times.ok) return p.voice.failure(times.message, EXIT.usage);
  const d = times.duration;
  const options: Partial<SimulationOptions> = {
    seed: seed ?? settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: d,
    warmup: times.warmup,
    ...(maxMessages !== undefined ? { limits: { maxMessages } } : {}),
  };
  const created = createSimulation(p.flow, options);
  if (!created.ok)
    return p.voice.failure(`${p.name} cannot run:\n${problemList(created.problems)}`, EXIT.badFlow);

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
      io.progress(progressLine(sim, d, now - start, p.voice));
    }
    if (ran === 0 && !sim.done) break; // nothing more can happen before the end (defensive)
  }
  if (io.progress && lastProgress !== start) io.progress('');

  const report: Report = sim.report();
  report.wallMs = Math.round((io.now() - start) * 1000) / 1000;
  const stoppedAt = stopped
    ? `${safeText(stopped.message, 2000)} — at t = ${formatSeconds(stopped.time)} of ${formatSeconds(d)}` +
      ` (${formatCount(sim.events)} events)`
    : '';
  return { doc: stopped ? withStopped(report, stopped) : report, report, stopped, stoppedAt };
}

function runOne(p: Prepared, io: CliIo): CliResult {
  const run = runFlow(p, io);
  if ('code' in run) return run;
  const { doc, stopped } = run;
  // Checked on a stopped run too, so the document says what its figures meet; the exit code
  // then says the run stopped (4), which a failed objective (3) does not hide.
  if (p.slos.length > 0) doc.slos = checkSlos(run.report, p.slos);
  const stdout = `${safeJson(JSON.stringify(doc, null, 2))}\n`;
  let stderr = p.notes;
  if (stopped) {
    stderr += p.voice.line(`${run.stoppedAt}; the figures on stdout cover the run up to there`);
    return { code: EXIT.stopped, stdout, stderr };
  }
  const failed = (doc.slos ?? []).filter((s) => !s.pass);
  if (failed.length === 0) return { code: EXIT.ok, stdout, stderr };
  stderr += failed
    .map((s) => p.voice.line(safeText(`objective failed: ${describeSlo(s)} (${actualText(s)})`)))
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

function progressLine(sim: Simulation, duration: number, wallMs: number, voice: Voice): string {
  const share = Math.min(100, (sim.now / duration) * 100);
  return (
    `${voice.command}: t = ${formatSeconds(sim.now)} of ${formatSeconds(duration)} (${share.toFixed(1)}%)` +
    ` · ${formatCount(sim.events)} events · ${(wallMs / 1000).toFixed(1)} s`
  );
}
