// Command-line arguments of `simulate` (docs/cli.md): FLOW.json and its options, each checked
// against the same bounds as the file's own fields.
import { formatCount } from '../model/format';
import { MAX_FILE_BYTES, MAX_SECONDS, MIN_SECONDS } from '../model/limits';
import { formatBytes } from './terminal';

export interface SimulateArgs {
  file: string;
  duration?: number;
  seed?: number;
  warmup?: number;
  /** Stop after this many seconds of wall time. */
  maxWall?: number;
  /** Stop after this many kernel events. */
  maxEvents?: number;
  /** Messages the run may hold at once (the engine's limit; its default otherwise). */
  maxMessages?: number;
}

/** The most messages a run may be allowed to hold (the engine numbers them in 27 bits; ~40 bytes each). */
export const MAX_MESSAGES_LIMIT = 100_000_000;

/** Exit codes (docs/cli.md). */
export const EXIT = {
  ok: 0,
  /** The flow file is not a valid flow, or cannot run. */
  badFlow: 1,
  /** Bad usage, or the file cannot be read. */
  usage: 2,
  /** Reserved: an SLO failed (a later issue). */
  slo: 3,
  /** A limit stopped the run; the figures up to there are on stdout. */
  stopped: 4,
  /** A bug in this program. */
  internal: 5,
} as const;

export const USAGE = 'usage: npm run -s simulate -- FLOW.json [options]   (--help for more)';

export const HELP = `Runs a flow file headless and prints its figures as one JSON document on stdout.

usage: npm run -s simulate -- FLOW.json [options]

options (options not given come from the flow's "settings", then the defaults):
  --duration S       simulated seconds to run (default 60; at most ${formatCount(MAX_SECONDS)})
  --seed N           random seed, a whole number ≥ 0 (default 1)
  --warmup S         simulated seconds left out of the figures (default 0; shorter than the duration)
  --max-wall S       stop after S seconds of wall time; the figures so far are printed (exit 4)
  --max-events N     stop after N events; the figures so far are printed (exit 4)
  --max-messages N   messages the run may hold at once (default 5,000,000; at most ${formatCount(MAX_MESSAGES_LIMIT)});
                     a run that needs more stops there, names the node that grows, and prints the
                     figures so far (exit 4)
  -h, --help         this text

Progress goes to stderr while it is a terminal. The file must be a regular file of at most
${formatBytes(MAX_FILE_BYTES)}.

exit codes:
  0  the run finished; its figures are on stdout
  1  the file is not a valid flow, or the flow cannot run (each problem on stderr as "path: reason")
  2  bad usage, or the file cannot be read
  3  reserved: an SLO failed
  4  a limit stopped the run (--max-wall, --max-events, the message limit, time that does not
     advance, a deadlock); the figures up to there are on stdout, the reason on stderr
  5  internal error: a bug in Eventflow Studio (one line on stderr; please report it with the file)

Reference: docs/cli.md, docs/flow-json.md, docs/limits.md.
`;

export type Parsed =
  { ok: true; args: SimulateArgs } | { ok: true; help: true } | { ok: false; error: string };

interface Flag {
  key: Exclude<keyof SimulateArgs, 'file'>;
  check: (v: number) => boolean;
  want: string;
}

const whole = (min: number, max: number) => (v: number) => Number.isSafeInteger(v) && v >= min && v <= max;
const FLAGS: Record<string, Flag> = {
  '--duration': {
    key: 'duration',
    check: (v) => v >= MIN_SECONDS && v <= MAX_SECONDS,
    want: `a number of seconds > 0, at most ${formatCount(MAX_SECONDS)}`,
  },
  '--warmup': {
    key: 'warmup',
    check: (v) => v === 0 || (v >= MIN_SECONDS && v <= MAX_SECONDS),
    want: `a number of seconds ≥ 0, at most ${formatCount(MAX_SECONDS)}`,
  },
  '--seed': { key: 'seed', check: whole(0, Number.MAX_SAFE_INTEGER), want: 'a whole number ≥ 0' },
  '--max-wall': {
    key: 'maxWall',
    check: (v) => v > 0 && v <= MAX_SECONDS,
    want: 'a number of seconds > 0',
  },
  '--max-events': {
    key: 'maxEvents',
    check: whole(1, Number.MAX_SAFE_INTEGER),
    want: 'a whole number ≥ 1',
  },
  '--max-messages': {
    key: 'maxMessages',
    check: whole(1, MAX_MESSAGES_LIMIT),
    want: `a whole number from 1 to ${formatCount(MAX_MESSAGES_LIMIT)}`,
  },
};
const flagOf = (name: string): Flag | undefined => (Object.hasOwn(FLAGS, name) ? FLAGS[name] : undefined);

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Partial<SimulateArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    if (raw === '--help' || raw === '-h') return { ok: true, help: true };
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    const spec = flagOf(name);
    if (spec) {
      const text = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : argv[++i];
      if (text === undefined) return { ok: false, error: `${name}: needs a value (${spec.want})` };
      const v = Number(text);
      if (text.trim() === '' || !Number.isFinite(v) || !spec.check(v)) {
        return { ok: false, error: `${name}: must be ${spec.want} (got "${text}")` };
      }
      out[spec.key] = v;
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
