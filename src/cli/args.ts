// Command-line arguments of `simulate` (docs/cli.md): FLOW.json and its options, each checked
// against the same bounds as the file's own fields. What can be checked without the flow is
// checked here; what needs it (an --assert's node ids, each sweep point's flow) once it is read.
import { availableParallelism } from 'node:os';
import { MAX_SWEEP_RUNS, parseSweep, type SweepSpec } from '../engine/experiment';
import { formatCount } from '../model/format';
import { MAX_SECONDS, MIN_SECONDS } from '../model/limits';
import { parseAssert, type Slo } from '../model/slo';
import type { CliResult, Voice } from './io';
import { safeText } from './terminal';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface SimulateArgs {
  file: string;
  duration?: number;
  seed?: number;
  warmup?: number;
  /** Stop after this many seconds of wall time. */
  maxWall?: number;
  /** Stop after this many kernel events. */
  maxEvents?: number;
  /** Messages a run may hold at once (the engine's limit; its default otherwise). */
  maxMessages?: number;
  /** Objectives from --assert, in the order given, with the text each was written as (for messages). */
  asserts: { text: string; slo: Slo }[];
  sweep?: SweepSpec;
  /** Runs of each sweep point (seeds seed, seed + 1, …). */
  replications: number;
  /** Worker threads for a sweep's runs. */
  jobs: number;
  shard?: Shard;
}

export const USAGE = 'usage: npm run -s simulate -- FLOW.json [options]   (--help for more)';

/** The most messages a run may be allowed to hold (the engine numbers them in 27 bits; ~40 bytes each). */
export const MAX_MESSAGES_LIMIT = 100_000_000;
/** Replications of each sweep point when --replications is not given: enough for a t-interval. */
export const DEFAULT_REPLICATIONS = 5;
/** More threads than this is a typo, not a machine. */
export const MAX_JOBS = 1024;

/** Exit codes (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The flow file is not a valid flow, or cannot run; for merge, the parts are not one sweep's shards. */
  badFlow: 1,
  /** Bad usage, or a file cannot be read. */
  usage: 2,
  /** A single run finished but an SLO failed. */
  slo: 3,
  /** A limit stopped a run; for a single run the figures up to there are on stdout. */
  stopped: 4,
  /** A bug in this program. */
  internal: 5,
} as const;

/**
 * A command line refused: why, which may quote what was typed; `usage` when the error is about the
 * command line as a whole, and the usage line should follow it. Every command's parser says it so.
 */
export interface ArgError {
  ok: false;
  error: string;
  usage?: true;
}

export type Parsed = { ok: true; args: SimulateArgs } | { ok: true; help: true } | ArgError;

/**
 * A refused command line on stderr (exit 2): the reason escaped, then, when it asks for it, the
 * command's usage line, which is ours. Escaping the two as one text once printed the newline
 * between them as "\u000a".
 */
export const argumentFailure = (voice: Voice, refused: ArgError, usageLine: string): CliResult =>
  voice.failure(`${safeText(refused.error, 2000)}${refused.usage ? `\n${usageLine}` : ''}`, EXIT.usage);

type Draft = Partial<SimulateArgs> & { asserts: SimulateArgs['asserts'] };

/** An option that takes a value: sets it on the draft, or says why the text will not do. */
interface Flag {
  /** What the value must be, for "needs a value (…)". */
  want: string;
  apply: (out: Draft, text: string) => string | null;
}

type NumberKey = 'duration' | 'seed' | 'warmup' | 'maxWall' | 'maxEvents' | 'maxMessages' | 'replications';

const whole = (min: number, max: number) => (v: number) => Number.isSafeInteger(v) && v >= min && v <= max;
const number = (key: NumberKey, check: (v: number) => boolean, want: string): Flag => ({
  want,
  apply: (out, text) => {
    const v = Number(text);
    if (text.trim() === '' || !Number.isFinite(v) || !check(v)) return `must be ${want} (got "${text}")`;
    out[key] = v;
    return null;
  },
});

const FLAGS: Record<string, Flag> = {
  '--duration': number(
    'duration',
    (v) => v >= MIN_SECONDS && v <= MAX_SECONDS,
    `a number of seconds > 0, at most ${formatCount(MAX_SECONDS)}`,
  ),
  '--warmup': number(
    'warmup',
    (v) => v === 0 || (v >= MIN_SECONDS && v <= MAX_SECONDS),
    `a number of seconds ≥ 0, at most ${formatCount(MAX_SECONDS)}`,
  ),
  '--seed': number('seed', whole(0, Number.MAX_SAFE_INTEGER), 'a whole number ≥ 0'),
  '--max-wall': number('maxWall', (v) => v > 0 && v <= MAX_SECONDS, 'a number of seconds > 0'),
  '--max-events': number('maxEvents', whole(1, Number.MAX_SAFE_INTEGER), 'a whole number ≥ 1'),
  '--max-messages': number(
    'maxMessages',
    whole(1, MAX_MESSAGES_LIMIT),
    `a whole number from 1 to ${formatCount(MAX_MESSAGES_LIMIT)}`,
  ),
  '--replications': number(
    'replications',
    whole(1, MAX_SWEEP_RUNS),
    `a whole number from 1 to ${formatCount(MAX_SWEEP_RUNS)}`,
  ),
  '--assert': {
    want: '"METRIC OP VALUE", e.g. "endToEnd.p99 < 0.1"',
    apply: (out, text) => {
      const r = parseAssert(text);
      if (!r.ok) return r.message;
      out.asserts.push({ text, slo: r.slo });
      return null;
    },
  },
  '--sweep': {
    want: 'PATH=V1,V2,… or PATH=FROM:TO:STEP',
    apply: (out, text) => {
      if (out.sweep) return `only one --sweep (already "${out.sweep.path}")`;
      const r = parseSweep(text);
      if (!r.ok) return r.message;
      out.sweep = r.value;
      return null;
    },
  },
  '--jobs': {
    want: `a whole number from 0 to ${MAX_JOBS}, or auto (0 and auto: one per core)`,
    apply: (out, text) => {
      const v = text === 'auto' ? 0 : Number(text);
      if (text.trim() === '' || !whole(0, MAX_JOBS)(v))
        return `must be a whole number from 0 to ${MAX_JOBS}, or auto (got "${text}")`;
      out.jobs = v === 0 ? availableParallelism() : v;
      return null;
    },
  },
  '--shard': {
    want: 'I/N, e.g. 2/4: the I-th of N shards',
    apply: (out, text) => {
      const m = /^(\d+)\/(\d+)$/.exec(text.trim());
      const index = Number(m?.[1]);
      const count = Number(m?.[2]);
      if (!m || !whole(1, MAX_SWEEP_RUNS)(count) || !whole(1, count)(index))
        return `must be I/N with 1 ≤ I ≤ N ≤ ${formatCount(MAX_SWEEP_RUNS)}, e.g. 2/4 (got "${text}")`;
      out.shard = { index, count };
      return null;
    },
  },
};
const flagOf = (name: string): Flag | undefined => (Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined);

/** Options that mean something for one run only, or for a sweep only. */
const SINGLE_ONLY = ['--max-wall', '--max-events'];
const SWEEP_ONLY = ['--replications', '--jobs', '--shard'];

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Draft = { asserts: [] };
  const seen = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '--help' || raw === '-h') return { ok: true, help: true };
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const spec = flagOf(name);
    if (spec) {
      const text = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : argv[++i];
      if (text === undefined) return { ok: false, error: `${name}: needs a value (${spec.want})` };
      const why = spec.apply(out, text);
      // Values that may be anything the user typed (an --assert, a sweep) are quoted in full.
      if (why !== null) return { ok: false, error: `${name}${quoted(name, text)}: ${why}` };
      seen.add(name);
    } else if (raw.startsWith('-') && raw !== '-') {
      return { ok: false, error: `unknown option "${raw}"`, usage: true };
    } else if (out.file !== undefined) {
      return { ok: false, error: `only one flow file, got "${out.file}" and "${raw}"`, usage: true };
    } else out.file = raw;
  }
  if (out.file === undefined) return { ok: false, error: 'missing FLOW.json', usage: true };
  if (out.warmup !== undefined && out.duration !== undefined && out.warmup >= out.duration) {
    return { ok: false, error: '--warmup: must be shorter than --duration' };
  }
  const misplaced = out.sweep ? SINGLE_ONLY.find((f) => seen.has(f)) : SWEEP_ONLY.find((f) => seen.has(f));
  if (misplaced !== undefined)
    return {
      ok: false,
      error: out.sweep
        ? `${misplaced}: limits a single run, not a sweep (a sweep's runs are bounded by --duration and --max-messages)`
        : `${misplaced}: only with --sweep`,
    };
  const replications = out.replications ?? DEFAULT_REPLICATIONS;
  if (out.sweep && out.sweep.values.length * replications > MAX_SWEEP_RUNS)
    return {
      ok: false,
      error:
        `--sweep with --replications ${replications}: ${formatCount(out.sweep.values.length)} values × ` +
        `${formatCount(replications)} replications is more than the ${formatCount(MAX_SWEEP_RUNS)} runs a sweep takes`,
    };
  return { ok: true, args: { ...out, file: out.file, replications, jobs: out.jobs ?? 1 } };
}

const quoted = (name: string, text: string) =>
  name === '--assert' || name === '--sweep' ? ` "${text}"` : '';
