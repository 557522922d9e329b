// What a run and a sweep both do before running: read the file, validate the flow, gather its
// notes and objectives, and check each --assert against the flow's node ids, so that an
// objective naming no figure is refused before any run (never a check that silently passes).
// `render` reads its file the same way (readFlow), and prepares it so when it runs the flow.
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Flow } from '../model/flow';
import { MAX_FILE_BYTES } from '../model/limits';
import { formatNotice } from '../model/migrate';
import { runnableProblems } from '../model/runnable';
import { metricPathProblem, type Slo } from '../model/slo';
import { type FlowProblem, formatProblem, parseFlowText } from '../model/validate';
import { EXIT, type SimulateArgs } from './args';
import { type CliIo, type CliResult, type Command, failure, line } from './io';
import { firstLines, safeText } from './terminal';

/** A flow file read and validated, as every command that takes one needs it. */
export interface FlowFile {
  flow: Flow;
  /** The file's name as given, escaped for the terminal. */
  name: string;
  /** Notes for stderr, one per line: what reading an older Flow JSON version changed. */
  notes: string;
}

export interface Prepared extends FlowFile {
  args: SimulateArgs;
  /** Whose messages these are ("simulate: …", "render: …"). */
  command: Command;
  /** The flow's objectives, then --assert's. */
  slos: Slo[];
}

export const problemList = (problems: readonly FlowProblem[]): string =>
  firstLines(problems, (p) => safeText(formatProblem(p)), 'problem').join('\n');

/** The flow in `file`, valid; or why not: unreadable (exit 2), not a valid flow (exit 1). */
export function readFlow(file: string, io: Pick<CliIo, 'readFile'>, command: Command): FlowFile | CliResult {
  const name = safeText(file, 200);
  let text: string;
  try {
    text = io.readFile(file, MAX_FILE_BYTES);
  } catch (err) {
    return failure(
      `cannot read ${name}: ${safeText(err instanceof Error ? err.message : String(err))}`,
      EXIT.usage,
      command,
    );
  }
  const parsed = parseFlowText(text);
  if (!parsed.ok)
    return failure(`${name} is not a valid flow:\n${problemList(parsed.problems)}`, EXIT.badFlow, command);
  const notes = firstLines(parsed.notices, (n) => `note: ${safeText(formatNotice(n))}`, 'note');
  return { flow: parsed.flow, name, notes: notes.map((n) => line(n, command)).join('') };
}

/** A flow file ready to run: read, valid, runnable, and every --assert naming a figure it has. */
export function prepare(args: SimulateArgs, io: CliIo, command: Command = 'simulate'): Prepared | CliResult {
  const read = readFlow(args.file, io, command);
  if ('code' in read) return read;
  const { flow, name } = read;
  const problems = runnableProblems(flow);
  if (problems.length > 0)
    return failure(`${name} cannot run:\n${problemList(problems)}`, EXIT.badFlow, command);
  const ids = flow.nodes.map((n) => n.id);
  for (const a of args.asserts) {
    const why = metricPathProblem(a.slo.metric, ids);
    if (why !== null) return failure(safeText(`--assert "${a.text}": ${why}`, 2000), EXIT.usage, command);
  }
  return { ...read, args, command, slos: [...(flow.slos ?? []), ...args.asserts.map((a) => a.slo)] };
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
