// Sweeps at the command line: the document of DESIGN.md, each point the mean of its seeds'
// runs, the same document whatever --jobs is, shards that merge to the unsharded document bit
// for bit through real processes, and merge refusing what does not belong together.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSweep, pointFlows, SweepFold, unitsOf } from '../engine/experiment';
import { sha256Hex } from '../engine/experiment/sha256';
import { withTimes } from '../engine/testing/sweeps';
import { parseFlowText } from '../model/validate';
import { HELP } from './help';
import { runUnits } from './pool';
import { readRegularFile } from './readFile';
import { runCli } from './run';
import { inProcess, root, simulate } from './testing/cli';

const files = new Map<string, string>();
const cli = inProcess(files);
const SWEEP = 'nodes.billing.config.concurrency=1,2,3';
const sweep = [
  'examples/mm1.json',
  '--duration',
  '40',
  '--warmup',
  '4',
  '--sweep',
  SWEEP,
  '--replications',
  '3',
];
const mm1 = readFileSync(join(root, 'examples/mm1.json'), 'utf8');

describe('--sweep (in-process)', () => {
  it('prints the sweep document; objectives are checked per point and do not fail the command', async () => {
    const r = await cli(...sweep, '--seed', '7', '--assert', 'endToEnd.p99 < 0.1');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['sweep', 'replications', 'seed', 'points']);
    expect(doc.sweep).toEqual({ path: 'nodes.billing.config.concurrency', values: [1, 2, 3] });
    expect([doc.replications, doc.seed]).toEqual([3, 7]);
    const single = JSON.parse((await cli('examples/mm1.json', '--duration', '40', '--warmup', '4')).stdout);
    for (const p of doc.points) {
      expect(Object.keys(p)).toEqual(['value', 'seeds', 'mean', 'ci95', 'slos']);
      expect(p.seeds).toEqual([7, 8, 9]);
      // mean and ci95 have the report's shape; wall time is left out (0) so that any thread may run any unit.
      expect(Object.keys(p.mean)).toEqual(Object.keys(single));
      expect(Object.keys(p.ci95.nodes.billing)).toEqual(Object.keys(single.nodes.billing));
      expect(p.mean.wallMs).toBe(0);
    }
    expect(doc.points.map((p: { slos: { pass: boolean }[] }) => p.slos[0]!.pass)).toEqual([
      false,
      true,
      true,
    ]);
    expect(r.stderr).toMatch(
      /^simulate: first value of nodes\.billing\.config\.concurrency meeting every objective: 2 on the mean of 3 replications; [23] with 95 % confidence\n$/,
    );
    // Without objectives, no slos and nothing on stderr; --replications defaults to 5.
    const plain = await cli(
      'examples/mm1.json',
      '--duration',
      '20',
      '--warmup',
      '2',
      '--sweep',
      'load=1,1.1',
    );
    expect(plain.stderr).toBe('');
    const doc5 = JSON.parse(plain.stdout);
    expect(doc5.replications).toBe(5);
    expect(Object.keys(doc5.points[0])).toEqual(['value', 'seeds', 'mean', 'ci95']);
  });

  it("each point is the mean of that value's single runs, seeds N to N + R − 1 (common random numbers)", async () => {
    const doc = JSON.parse((await cli(...sweep, '--seed', '7')).stdout);
    files.set('mm1-c2.json', mm1.replace('"concurrency": 1', '"concurrency": 2'));
    const p99s = await Promise.all(
      [7, 8, 9].map(async (seed) => {
        const r = await cli('mm1-c2.json', '--duration', '40', '--warmup', '4', '--seed', String(seed));
        return JSON.parse(r.stdout).endToEnd.p99 as number;
      }),
    );
    expect(doc.points[1].mean.endToEnd.p99).toBeCloseTo((p99s[0]! + p99s[1]! + p99s[2]!) / 3, 12);
  });

  it('sweeps settings.duration: each point runs for its value', async () => {
    const r = await cli(
      'examples/mm1.json',
      '--warmup',
      '2',
      '--sweep',
      'settings.duration=20,40',
      '--replications',
      '2',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).points.map((p: { mean: { duration: number } }) => p.mean.duration)).toEqual([
      20, 40,
    ]);
  });

  it('refuses what cannot be swept and misplaced options, before any run (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--sweep', 'nodes.nope.config.concurrency=1,2'], /no node of the flow matches/],
      [
        ['--sweep', 'nodes.billing.config.concurrency=0,1'],
        /^simulate: --sweep "nodes\.billing\.config\.concurrency": nodes\.billing\.config\.concurrency = 0: nodes\[2\]\.config\.concurrency: /,
      ],
      [
        ['--sweep', 'settings.seed=1,2'],
        /only settings\.duration and settings\.warmup change a sweep's runs/,
      ],
      [['--sweep', 'settings.duration=50,100', '--duration', '10'], /--duration would override every value/],
      [['--sweep', 'load=x'], /^simulate: --sweep "load=x": "x" is not a number\n$/],
      [['--sweep', 'load=1', '--sweep', 'load=2'], /only one --sweep \(already "load"\)/],
      [['--jobs', '2'], /^simulate: --jobs: only with --sweep\n$/],
      [['--shard', '1/2'], /--shard: only with --sweep/],
      [['--sweep', 'load=1', '--max-wall', '1'], /--max-wall: limits a single run, not a sweep/],
      [
        ['--sweep', 'load=1', '--shard', '3/2'],
        /--shard: must be I\/N with 1 ≤ I ≤ N ≤ 100,000, e\.g\. 2\/4 \(got "3\/2"\)/,
      ],
      [
        ['--sweep', 'load=1', '--jobs', '-1'],
        /--jobs: must be a whole number from 0 to 1024, or auto \(got "-1"\)/,
      ],
      [
        ['--sweep', 'load=1', '--replications', '0'],
        /--replications: must be a whole number from 1 to 100,000/,
      ],
      [
        ['--sweep', 'load=1:1000:1', '--replications', '200'],
        /1,000 values × 200 replications is more than the 100,000 runs a sweep takes/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await cli('examples/mm1.json', '--duration', '10', '--warmup', '1', ...args);
      expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
      expect(r.stderr).toMatch(message);
    }
  });

  it('a run a guard stops ends the sweep: exit 4, no document, the value and seed named', async () => {
    const r = await cli(
      'examples/mm1.json',
      ...['--duration', '100', '--warmup', '0', '--sweep', 'load=1,20', '--replications', '2'],
      ...['--max-messages', '1000', '--seed', '3'],
    );
    expect(r.code).toBe(4);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^simulate: the run of load = 20 with seed 3 stopped at t = [\d.,]+ s of 100 s: .* — the sweep prints no document \(raise --max-messages, or run shorter with --duration\)\n$/,
    );
  });

  it('shows progress on a terminal only, and clears it', async () => {
    let clock = 0;
    const progress: string[] = [];
    const r = await runCli(sweep, {
      readFile: (p, max) => readRegularFile(join(root, p), max),
      now: () => (clock += 300), // every look at the clock, 0.3 s more
      progress: (text) => progress.push(text),
    });
    expect(r.code).toBe(0);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0]).toMatch(/^simulate: sweep: 1 of 9 runs \(11%\) · 1 thread · 0\.3 s$/);
    expect(progress.at(-1)).toBe('');
    expect((await cli(...sweep)).stderr).toBe('');
  });

  it('--help covers sweeps, shards, merge and every exit code', async () => {
    const r = await cli('--help');
    expect(r.stdout).toBe(HELP);
    for (const text of [
      '--assert "M OP V"',
      '--sweep PATH=V1,V2,…',
      '--replications R',
      '--jobs N',
      '--shard I/N',
      'merge PART.json…',
      '3  a single run finished but an objective failed',
      'npx eventflow simulate',
    ])
      expect(HELP).toContain(text);
    expect((await cli('merge', '--help')).stdout).toBe(HELP);
  });
});

describe('worker threads', () => {
  it('share the work and give the document one thread gives', async () => {
    const flow = parseFlowText(mm1);
    if (!flow.ok) throw new Error('examples/mm1.json');
    const spec = parseSweep('nodes.billing.config.concurrency=1,2,3');
    if (!spec.ok) throw new Error(spec.message);
    // Runs long enough (about 0.1 s each) that the worker is up well before this thread is done.
    const flows = pointFlows(withTimes(flow.flow, { duration: 3000, warmup: 0 }), spec.value);
    if (!flows.ok) throw new Error(flows.message);
    const plan = { flows: flows.flows, limits: {} };
    const units = unitsOf(3, 8, 1);
    // Each report folded as it comes, in whatever order the threads finish.
    const folded = async (jobs: number) => {
      const fold = new SweepFold(spec.value, 8, 1);
      const pool = await runUnits(plan, units, jobs, (unit, report) => fold.add(unit, report));
      if (!pool.ok) throw new Error('a run stopped');
      return { perThread: pool.perThread, doc: JSON.stringify(fold.document()) };
    };
    const one = await folded(1);
    const two = await folded(2);
    expect(one.perThread).toEqual([24]);
    expect(two.perThread[0]! + two.perThread[1]!).toBe(24);
    expect(two.perThread[1]).toBeGreaterThan(0);
    expect(two.doc).toBe(one.doc);
  });
});

describe('shards and merge (real processes)', () => {
  const dir = join(root, 'test-results/cli-sweep');
  const part = (name: string) => join('test-results/cli-sweep', name);
  const base = [...sweep, '--assert', 'endToEnd.p99 < 0.1'];
  let whole: ReturnType<typeof simulate>;
  beforeAll(() => {
    mkdirSync(dir, { recursive: true });
    whole = simulate(...base);
  });

  it('--jobs 2 prints exactly what --jobs 1 prints', () => {
    const two = simulate(...base, '--jobs', '2');
    expect(whole.code).toBe(0);
    expect(two.code).toBe(0);
    expect(two.stdout).toBe(whole.stdout);
    expect(two.stderr).toBe(whole.stderr);
  });

  it('shards 1/2 and 2/2 merge, in any order, to the unsharded document bit for bit', () => {
    const s1 = simulate(...base, '--shard', '1/2');
    const s2 = simulate(...base, '--shard', '2/2', '--jobs', '2');
    expect([s1.code, s2.code, s1.stderr, s2.stderr]).toEqual([0, 0, '', '']);
    const doc1 = JSON.parse(s1.stdout);
    expect(Object.keys(doc1)).toEqual([
      'sweep',
      'replications',
      'seed',
      'shard',
      'fingerprint',
      'slos',
      'units',
    ]);
    expect(doc1.shard).toEqual({ index: 1, count: 2 });
    expect(doc1.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Every second run of the sweep, in unit order: shards take alike.
    expect(doc1.units.map((u: { point: number; replication: number }) => [u.point, u.replication])).toEqual([
      [0, 0],
      [0, 2],
      [1, 1],
      [2, 0],
      [2, 2],
    ]);
    writeFileSync(join(root, part('part-1.json')), s1.stdout);
    writeFileSync(join(root, part('part-2.json')), s2.stdout);
    const merged = simulate('merge', part('part-2.json'), part('part-1.json'));
    expect(merged.code).toBe(0);
    expect(merged.stderr).toBe('');
    expect(merged.stdout).toBe(whole.stdout);
  });
});

describe('merge refuses parts that are not every shard of one sweep', () => {
  it('says which file differs in what, and which shards are twice or missing', async () => {
    const shard = async (name: string, ...args: string[]) => {
      const r = await cli(...sweep, ...args);
      expect(r.code).toBe(0);
      files.set(name, r.stdout);
    };
    await shard('a1.json', '--shard', '1/2');
    await shard('a2.json', '--shard', '2/2');
    await shard('seed.json', '--shard', '2/2', '--seed', '2');
    await shard('long.json', '--shard', '2/2', '--duration', '41');
    await shard('slo.json', '--shard', '2/2', '--assert', 'endToEnd.p99 < 1');
    await shard('of3.json', '--shard', '2/3');
    await shard('limit.json', '--shard', '2/2', '--max-messages', '1000000');
    const cut = JSON.parse(files.get('a2.json')!);
    cut.units.pop();
    files.set('cut.json', JSON.stringify(cut));
    files.set('text.json', '{ "sweep": ');
    files.set('report.json', (await cli('examples/mm1.json', '--duration', '5', '--warmup', '1')).stdout);

    const cases: [string[], number, string][] = [
      [['a1.json'], 1, 'shard 2/2 missing (every shard of the sweep is needed)'],
      [['a1.json', 'a1.json', 'a2.json'], 1, 'a1.json and a1.json are both shard 1/2'],
      [
        ['a1.json', 'seed.json'],
        1,
        'seed.json and a1.json are shards of different sweeps: they differ in the seed',
      ],
      [
        ['a1.json', 'long.json'],
        1,
        'long.json and a1.json are shards of different sweeps: they differ in the flow or how its runs are made (duration, warm-up, message limit)',
      ],
      [
        ['a1.json', 'slo.json'],
        1,
        'slo.json and a1.json are shards of different sweeps: they differ in the objectives',
      ],
      [
        ['a1.json', 'limit.json'],
        1,
        'limit.json and a1.json are shards of different sweeps: they differ in the flow or how its runs are made',
      ],
      [
        ['a1.json', 'of3.json'],
        1,
        'of3.json and a1.json are shards of different sweeps: they differ in the number of shards',
      ],
      [
        ['a1.json', 'cut.json'],
        1,
        'cut.json does not hold the runs shard 2/2 should (4 in unit order; it holds 3): cut short or edited?',
      ],
      [['text.json'], 1, 'text.json is not JSON'],
      [['report.json'], 1, 'report.json is not a shard document of simulate --shard (sweep: '],
      [[], 2, 'merge: no shard files'],
      [['--frob'], 2, 'merge: unknown option "--frob"'],
      [['missing.json'], 2, 'merge: cannot read missing.json: no such file'],
    ];
    for (const [args, code, message] of cases) {
      const r = await cli('merge', ...args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code, stdout: '' });
      expect(r.stderr).toContain(message);
    }
    const ok = await cli('merge', 'a2.json', 'a1.json');
    expect(ok.stdout).toBe((await cli(...sweep)).stdout);
  });
});

describe('the fingerprint', () => {
  it("is SHA-256 of the text's UTF-8 bytes, as node:crypto computes it", () => {
    for (const text of ['', 'Billing → Ledger', 'é€😀', 'lone \ud800 surrogate', 'x'.repeat(119)])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
  });
});
