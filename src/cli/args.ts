// Command-line arguments of `simulate` (docs/cli.md): FLOW.json and its options, each checked
// against the same bounds as the file's own fields. What can be checked without the flow is
// checked here; what needs it (an --assert's node ids) once it is read.
import { formatCount } from '../model/format';
import { MAX_SECONDS, MIN_SECONDS } from '../model/limits';
import { parseAssert, type Slo } from '../model/slo';

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
}

export const USAGE = 'usage: npm run -s simulate -- FLOW.json [options]   (--help for more)';

/** The most messages a run may be allowed to hold (the engine numbers them in 27 bits; ~40 bytes each). */
export const MAX_MESSAGES_LIMIT = 100_000_000;

/** Exit codes (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The flow file is not a valid flow, or cannot run. */
  badFlow: 1,
  /** Bad usage, or a file cannot be read. */
  usage: 2,
  /** A single run finished but an SLO failed. */
  slo: 3,
  /** A limit stopped the run; the figures up to there are on stdout. */
  stopped: 4,
  /** A bug in this program. */
  internal: 5,
} as const;

export type Parsed =
  { ok: true; args: SimulateArgs } | { ok: true; help: true } | { ok: false; error: string };

type Draft = Partial<SimulateArgs> & { asserts: SimulateArgs['asserts'] };

/** An option that takes a value: sets it on the draft, or says why the text will not do. */
interface Flag {
  /** What the value must be, for "needs a value (…)". */
  want: string;
  apply: (out: Draft, text: string) => string | null;
}

type NumberKey = 'duration' | 'seed' | 'warmup' | 'maxWall' | 'maxEvents' | 'maxMessages';

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
  '--assert': {
    want: '"METRIC OP VALUE", e.g. "endToEnd.p99 < 0.1"',
    apply: (out, text) => {
      const r = parseAssert(text);
      if (!r.ok) return r.message;
      out.asserts.push({ text, slo: r.slo });
      return null;
    },
  },
};
const flagOf = (name: string): Flag | undefined => (Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined);

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Draft = { asserts: [] };
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
      // An --assert may be anything the user typed: it is quoted in full.
      if (why !== null) return { ok: false, error: `${name}${quoted(name, text)}: ${why}` };
    } else if (raw.startsWith('-') && raw !== '-') {
      return { ok: false, error: `unknown option "${raw}"\n${USAGE}` };
    } else if (out.file !== undefined) {
      return { ok: false, error: `only one flow file, got "${out.file}" and "${raw}"\n${USAGE}` };
    } else out.file = raw;
  }
  if (out.file === undefined) return { ok: false, error: `missing FLOW.json\n${USAGE}` };
  if (out.warmup !== undefined && out.duration !== undefined && out.warmup >= out.duration) {
    return { ok: false, error: '--warmup: must be shorter than --duration' };
  }
  return { ok: true, args: { ...out, file: out.file } };
}

const quoted = (name: string, text: string) => (name === '--assert' ? ` "${text}"` : '');
