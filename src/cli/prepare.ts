// What a run and a sweep both do before running: read the file and validate the flow
// (flowFile.ts), check that it can run, gather its objectives, and check each --assert against
// the flow's node ids, so that an objective naming no figure is refused before any run (never a
// check that silently passes). `render --badges` prepares its flow here too, before it runs it.
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Flow } from '../model/flow';
import { runnableProblems } from '../model/runnable';
import { metricPathProblem, type Slo } from '../model/slo';
import { EXIT, type SimulateArgs } from './args';
import { type FlowFile, problemList, readFlow } from './flowFile';
import type { CliIo, CliResult, Voice } from './io';
import { safeText } from './terminal';

export interface Prepared extends FlowFile {
  args: SimulateArgs;
  /** Whose messages these are ("simulate: …", "render: …"). */
  voice: Voice;
  /** The flow's objectives, then --assert's. */
  slos: Slo[];
}

/** A flow file ready to run: read, valid, runnable, and every --assert naming a figure it has. */
export function prepare(voice: Voice, args: SimulateArgs, io: CliIo): Prepared | CliResult {
  const read = readFlow(voice, args.file, io);
  if ('code' in read) return read;
  const { flow, name } = read;
  const problems = runnableProblems(flow);
  if (problems.length > 0)
    return voice.failure(`${name} cannot run:\n${problemList(problems)}`, EXIT.badFlow);
  const ids = flow.nodes.map((n) => n.id);
  for (const a of args.asserts) {
    const why = metricPathProblem(a.slo.metric, ids);
    if (why !== null) return voice.failure(safeText(`--assert "${a.text}": ${why}`, 2000), EXIT.usage);
  }
  return { ...read, args, voice, slos: [...(flow.slos ?? []), ...args.asserts.map((a) => a.slo)] };
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
