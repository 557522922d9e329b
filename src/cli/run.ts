// The `simulate` command as a function of its arguments and of what it needs from the machine
// (reading a file, the clock, a terminal for progress), so that tests run it in-process;
// simulate.ts wires it to the real process. Everything a file says is escaped before it reaches
// stderr, lists are capped, and nothing throws out of here except bugs (simulate.ts catches those).
import type { Halt, Simulation, SimulationOptions, SimulationReport } from '../engine/api';
import { createSimulation } from '../engine/simulation';
import { DEFAULT_SETTINGS } from '../model/defaults';
import { formatCount } from '../model/format';
import { MAX_FILE_BYTES } from '../model/limits';
import { formatNotice } from '../model/migrate';
import { type FlowProblem, formatProblem, parseFlowText } from '../model/validate';
import { EXIT, HELP, parseArgs } from './args';
import { firstLines, safeJson, safeText } from './terminal';

export interface CliIo {
  /**
   * The text of a regular file of at most `maxBytes`; throws with the reason (not a regular file,
   * too big, missing) otherwise, without blocking.
   */
  readFile(path: string, maxBytes: number): string;
  /** Wall-clock milliseconds (the engine never reads the clock itself). */
  now(): number;
  /** Writes a progress line over the previous one; absent when stderr is not a terminal. */
  progress?: (line: string) => void;
}

export interface CliResult {
  /** See EXIT in args.ts: 0 ok, 1 bad flow, 2 usage or unreadable file, 4 stopped by a limit, 5 internal. */
  code: number;
  stdout: string;
  stderr: string;
}

/** Where a run stopped before its end, as the report's `stopped` field says it. */
export interface Stopped {
  reason: 'max-wall' | 'max-events' | Halt['kind'];
  message: string;
  /** Simulated time reached. */
  time: number;
  path?: string;
  nodeId?: string;
}

const seconds = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
/** Simulated time in seconds, exactly enough to find it again: "12,484.213 s". */
const formatSeconds = (t: number) => `${seconds.format(t)} s`;

/** Events per slice of the run between checks of the wall clock and progress. */
const SLICE = 200_000;
/** Milliseconds between progress lines. */
const PROGRESS_MS = 250;

const line = (message: string) => `simulate: ${message}\n`;
const failure = (message: string, code: number): CliResult => ({ code, stdout: '', stderr: line(message) });

const problemList = (problems: readonly FlowProblem[]): string =>
  firstLines(problems, (p) => safeText(formatProblem(p)), 'problem').join('\n');

export function runCli(argv: readonly string[], io: CliIo): CliResult {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return failure(safeText(parsed.error, 2000), EXIT.usage);
  if ('help' in parsed) return { code: EXIT.ok, stdout: HELP, stderr: '' };
  const { file, seed, duration, warmup, maxWall, maxEvents, maxMessages } = parsed.args;
  const name = safeText(file, 200);
  let text: string;
  try {
    text = io.readFile(file, MAX_FILE_BYTES);
  } catch (err) {
    return failure(
      `cannot read ${name}: ${safeText(err instanceof Error ? err.message : String(err))}`,
      EXIT.usage,
    );
  }
  const flow = parseFlowText(text);
  if (!flow.ok) return failure(`${name} is not a valid flow:\n${problemList(flow.problems)}`, EXIT.badFlow);
  const notes = firstLines(flow.notices, (n) => `note: ${safeText(formatNotice(n))}`, 'note');
  let stderr = notes.map(line).join('');

  const settings = flow.flow.settings;
  const d = duration ?? settings?.duration ?? DEFAULT_SETTINGS.duration;
  const w = warmup ?? settings?.warmup ?? DEFAULT_SETTINGS.warmup;
  if (w >= d) {
    const from = (flag: number | undefined, setting: number | undefined) =>
      flag !== undefined ? 'from --' : setting !== undefined ? "from the file's settings" : 'the default';
    const dFrom = from(duration, settings?.duration).replace('from --', 'from --duration');
    const wFrom = from(warmup, settings?.warmup).replace('from --', 'from --warmup');
    return failure(
      `warm-up (${w} s, ${wFrom}) must be shorter than the duration (${d} s, ${dFrom}): ` +
        `pass a shorter --warmup (e.g. --warmup ${Math.floor(d / 10)}) or a longer --duration`,
      EXIT.usage,
    );
  }
  const options: Partial<SimulationOptions> = {
    seed: seed ?? settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: d,
    warmup: w,
    ...(maxMessages !== undefined ? { limits: { maxMessages } } : {}),
  };
  const created = createSimulation(flow.flow, options);
  if (!created.ok) return failure(`${name} cannot run:\n${problemList(created.problems)}`, EXIT.badFlow);

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

  const report: SimulationReport & { stopped?: Stopped } = sim.report();
  report.wallMs = Math.round((io.now() - start) * 1000) / 1000;
  const doc = stopped ? withStopped(report, stopped) : report;
  const stdout = `${safeJson(JSON.stringify(doc, null, 2))}\n`;
  if (!stopped) return { code: EXIT.ok, stdout, stderr };
  stderr += line(
    `${safeText(stopped.message, 2000)} — at t = ${formatSeconds(stopped.time)} of ${formatSeconds(d)}` +
      ` (${formatCount(sim.events)} events); the figures on stdout cover the run up to there`,
  );
  return { code: EXIT.stopped, stdout, stderr };
}

const where = (h: Halt) => ({
  ...(h.path !== undefined ? { path: h.path } : {}),
  ...(h.nodeId !== undefined ? { nodeId: h.nodeId } : {}),
});

/** The report with `stopped` after `events`, where a reader of the document meets it first. */
function withStopped(report: SimulationReport, stopped: Stopped): SimulationReport & { stopped: Stopped } {
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
