// Command-line arguments of `simulate`: FLOW.json [--duration S] [--seed N] [--warmup S].

export interface SimulateArgs {
  file: string;
  duration?: number;
  seed?: number;
  warmup?: number;
}

export const USAGE = 'usage: npm run -s simulate -- FLOW.json [--duration S] [--seed N] [--warmup S]';

type Parsed = { ok: true; args: SimulateArgs } | { ok: false; error: string };

const FLAGS = {
  '--duration': { key: 'duration', check: (v: number) => Number.isFinite(v) && v > 0, want: 'a number > 0' },
  '--warmup': { key: 'warmup', check: (v: number) => Number.isFinite(v) && v >= 0, want: 'a number ≥ 0' },
  '--seed': {
    key: 'seed',
    check: (v: number) => Number.isSafeInteger(v) && v >= 0,
    want: 'a whole number ≥ 0',
  },
} as const;

const isFlag = (a: string): a is keyof typeof FLAGS => a in FLAGS;

export function parseArgs(argv: readonly string[]): Parsed {
  const out: Partial<SimulateArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const name = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (isFlag(name)) {
      const text = eq > 0 && raw.startsWith('--') ? raw.slice(eq + 1) : argv[++i];
      const spec = FLAGS[name];
      if (text === undefined) return { ok: false, error: `${name}: needs a value (${spec.want})` };
      const v = Number(text);
      if (text.trim() === '' || !spec.check(v)) {
        return { ok: false, error: `${name}: must be ${spec.want} (got "${text}")` };
      }
      out[spec.key] = v;
    } else if (raw.startsWith('-')) {
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
