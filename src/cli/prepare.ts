// What a run and a sweep both do before running: read the file and validate the flow
// (flowFile.ts), check that it can run, gather its objectives, and check each --assert against
// the flow's node ids, so that an objective naming no figure is refused before any run (never a
// check that silently passes).
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Flow } from '../model/flow';
import { MAX_FILE_BYTES } from '../model/limits';
import { runnableProblems } from '../model/runnable';
import { metricPathProblem, type Slo } from '../model/slo';
import { EXIT, type SimulateArgs } from './args';
import { cannotRead, flowFromText, problemList } from './flowFile';
import { type CliIo, type CliResult, failure, SIMULATE } from './io';
import { safeText } from './terminal';

export interface Prepared {
  args: SimulateArgs;
  flow: Flow;
  /** The file's name as given, escaped for the terminal. */
  name: string;
  /** Notes for stderr, one per line: what reading an older Flow JSON version changed. */
  notes: string;
  /** The flow's objectives, then --assert's. */
  slos: Slo[];
}

export function prepare(args: SimulateArgs, io: CliIo): Prepared | CliResult {
  const name = safeText(args.file, 200);
  let text: string;
  try {
    text = io.readFile(args.file, MAX_FILE_BYTES);
  } catch (err) {
    return cannotRead(SIMULATE, name, err);
  }
  const read = flowFromText(SIMULATE, name, text);
  if ('code' in read) return read;
  const { flow, notes } = read;
  const problems = runnableProblems(flow);
  if (problems.length > 0) return failure(`${name} cannot run:\n${problemList(problems)}`, EXIT.badFlow);
  const ids = flow.nodes.map((n) => n.id);
  for (const a of args.asserts) {
    const why = metricPathProblem(a.slo.metric, ids);
    if (why !== null) return failure(safeText(`--assert "${a.text}": ${why}`, 2000), EXIT.usage);
  }
  return {
    args,
    flow,
    name,
    notes,
    slos: [...(flow.slos ?? []), ...args.asserts.map((a) => a.slo)],
  };
}

/**
 * A run's duration and warm-up: the flags, else the flow's settings (`settings`, which for a
 * sweep point may hold the swept value: then `swept` says so), else the defaults. The warm-up
 * must be shorter; the message says where each came from and how to fix it.
 */
export function runTimes(
  args: Pick<SimulateArgs, 'duration' | 'warmup'>,
  settings: Flow['settings'],
  swept?: string,
): { ok: true; duration: number; warmup: number } | { ok: false; message: string } {
  const duration = args.duration ?? settings?.duration ?? DEFAULT_SETTINGS.duration;
  const warmup = args.warmup ?? settings?.warmup ?? DEFAULT_SETTINGS.warmup;
  if (warmup < duration) return { ok: true, duration, warmup };
  const from = (flag: number | undefined, setting: number | undefined, field: string) =>
    flag !== undefined
      ? `from --${field}`
      : setting === undefined
        ? 'the default'
        : swept === `settings.${field}`
          ? 'from the sweep'
          : "from the file's settings";
  const dFrom = from(args.duration, settings?.duration, 'duration');
  const wFrom = from(args.warmup, settings?.warmup, 'warmup');
  return {
    ok: false,
    message:
      `warm-up (${warmup} s, ${wFrom}) must be shorter than the duration (${duration} s, ${dFrom}): ` +
      `pass a shorter --warmup (e.g. --warmup ${Math.floor(duration / 10)}) or a longer --duration`,
  };
}
