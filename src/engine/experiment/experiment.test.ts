// Sweeps against closed forms (Erlang C over concurrency), the 1/√R law of confidence intervals,
// bisection against a brute-force sweep, and shards merging to the unsharded document bit for bit.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../model/flow';
import { erlangC } from '../../model/theory';
import { parseAssert, checkSlos, metricPathProblem } from '../../model/slo';
import { bucketHalfWidth, bucketOf, bucketValue } from '../histogram';
import { constant, exp, flowOf, handler, producer, queue } from '../testing/flows';
import { ranUnit, withTimes } from '../testing/sweeps';
import { sha256Hex } from './sha256';
import {
  Bisection,
  meetsWithConfidence,
  mergeShards,
  parseSweep,
  pointFlows,
  runUnit,
  runTimesOf,
  shardDocument,
  sweepDocument,
  SweepFold,
  sweepFingerprint,
  unitsOf,
  type ShardOf,
  type SweepShard,
  type SweepSpec,
  applySweepValue,
} from '.';

const mmc = (lambda: number, mean: number, c: number): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1 / lambda) }),
      queue('q'),
      handler('h', { concurrency: c, service: exp(mean) }),
    ],
    ['p->q', 'q->h'],
  );

function sweep(
  flow: Flow,
  spec: SweepSpec,
  replications: number,
  seed: number,
  duration: number,
  warmup: number,
) {
  const flows = pointFlows(flow, spec);
  if (!flows.ok) throw new Error(flows.message);
  const units = unitsOf(spec.values.length, replications, seed);
  const results = units.map((unit) => ranUnit(flows.flows[unit.point]!, unit, { duration, warmup }));
  return { units, results, flows: flows.flows };
}

describe('sweep paths and values', () => {
  it('reads lists and ranges, and says what is wrong', () => {
    expect(parseSweep('nodes.h.config.concurrency=2,4,8')).toEqual({
      ok: true,
      value: { path: 'nodes.h.config.concurrency', values: [2, 4, 8] },
    });
    expect(parseSweep('load=0.5:1.5:0.25')).toEqual({
      ok: true,
      value: { path: 'load', values: [0.5, 0.75, 1, 1.25, 1.5] },
    });
    expect(parseSweep('load=0.1:0.3:0.1')).toMatchObject({ value: { values: [0.1, 0.2, 0.3] } });
    expect(parseSweep('load')).toMatchObject({ ok: false });
    expect(parseSweep('load=1,x')).toEqual({ ok: false, message: '"x" is not a number' });
    expect(parseSweep('load=2:1:1')).toMatchObject({ ok: false, message: 'TO (1) is less than FROM (2)' });
    expect(parseSweep('load=0:1:0')).toMatchObject({ ok: false });
  });

  it('sets node, edge, settings and load values, validated as any flow', () => {
    const f = mmc(1, 0.5, 1);
    const c = applySweepValue(f, 'nodes.h.config.concurrency', 3);
    expect(c.ok && c.value.nodes[2]!.config).toMatchObject({ concurrency: 3 });
    const mean = applySweepValue(f, 'nodes.h.config.service.mean', 0.25);
    expect(mean.ok && mean.value.nodes[2]!.config).toMatchObject({ service: { mean: 0.25 } });
    const load = applySweepValue(f, 'load', 2);
    expect(load.ok && load.value.nodes[0]!.config).toMatchObject({ interarrival: { mean: 0.5 } });
    const lat = applySweepValue(f, 'edges.q->h.latency.value', 0.01);
    expect(lat.ok).toBe(false);
    expect(applySweepValue(f, 'settings.duration', 50)).toMatchObject({ ok: true });
    expect(applySweepValue(f, 'nodes.h.config.concurrency', 0)).toMatchObject({
      ok: false,
      message: expect.stringContaining('nodes.h.config.concurrency = 0: nodes[2].config.concurrency'),
    });
    expect(applySweepValue(f, 'nodes.nope.config.concurrency', 2)).toMatchObject({
      ok: false,
      message: expect.stringContaining('no node'),
    });
    expect(applySweepValue(f, 'nodes.p.config.eventType', 2)).toMatchObject({
      ok: false,
      message: expect.stringContaining('not a number'),
    });
  });
});

describe('a unit: each point its own run length, and a run a guard stops said so', () => {
  it("sweeps of settings.duration and settings.warmup change each point's runs", () => {
    // Poisson arrivals at λ = 2: the end-to-end count over d − w seconds is λ(d − w) ± a few √.
    const lambda = 2;
    const base = { ...mmc(lambda, 0.1, 1), settings: { duration: 100, warmup: 0 } };
    const figures = (path: string, values: number[]) => {
      const flows = pointFlows(base, { path, values });
      if (!flows.ok) throw new Error(flows.message);
      return unitsOf(values.length, 1, 1).map((unit) => {
        const run = runUnit(flows.flows[unit.point]!, unit);
        if (!run.ok) throw new Error(run.halt.message);
        return run.report;
      });
    };
    const near = (count: number, expected: number) =>
      expect(Math.abs(count - expected)).toBeLessThan(4 * Math.sqrt(expected));
    const byDuration = figures('settings.duration', [100, 400]);
    expect(byDuration.map((r) => r.duration)).toEqual([100, 400]);
    near(byDuration[0]!.endToEnd.count, lambda * 100);
    near(byDuration[1]!.endToEnd.count, lambda * 400);
    const byWarmup = figures('settings.warmup', [0, 60]);
    near(byWarmup[0]!.endToEnd.count, lambda * 100);
    near(byWarmup[1]!.endToEnd.count, lambda * 40);
  });

  it('a run a guard stops is not a report: the halt, with the run length it had', () => {
    // ρ = 4: the queue grows by about 30 messages a second and passes a limit of 1,000 within a
    // minute (the engine looks every 4,096 events).
    const flow = { ...mmc(40, 0.1, 1), settings: { duration: 600, warmup: 0 } };
    const unit = { point: 0, replication: 0, seed: 3 };
    const run = runUnit(flow, unit, { maxMessages: 1000 });
    expect(run).toMatchObject({ ok: false, unit, duration: 600, halt: { kind: 'messages', nodeId: 'q' } });
    expect(!run.ok && run.halt.time).toBeLessThan(600);
    // Within the engine's default limit the same run finishes.
    expect(runUnit(flow, unit)).toMatchObject({ ok: true, report: { duration: 600, wallMs: 0 } });
  });
});

describe('sweeps against queueing theory', () => {
  it('M/M/c over concurrency: the mean wait at each c is Erlang C within its interval', () => {
    const lambda = 3;
    const spec = { path: 'nodes.h.config.concurrency', values: [4, 5, 6] };
    const { results } = sweep(mmc(lambda, 1, 4), spec, 10, 1, 3000, 300);
    const doc = sweepDocument(spec, 10, 1, results);
    doc.points.forEach((p) => {
      const c = p.value;
      const wq = erlangC(c, lambda) / (c - lambda);
      const wait = p.mean.nodes.h!.wait.mean!;
      const half = p.ci95.nodes.h!.wait.mean!;
      // Within the 95 % interval, widened a little: three points may miss at 5 % each.
      expect(Math.abs(wait - wq)).toBeLessThan(1.5 * half);
      expect(half).toBeGreaterThan(0);
    });
  });

  it('interval half-widths shrink as 1/√R', () => {
    const spec = { path: 'load', values: [1] };
    // A half-width is itself a random figure: averaged over six independent blocks of seeds.
    const half = (r: number) => {
      let sum = 0;
      for (let block = 0; block < 6; block++) {
        const seed = 1 + block * 1000;
        const { results } = sweep(mmc(0.7, 1, 1), spec, r, seed, 500, 50);
        sum += sweepDocument(spec, r, seed, results).points[0]!.ci95.nodes.h!.wait.mean!;
      }
      return sum / 6;
    };
    // 4× the replications: half the width, times the t quantiles' ratio t(5)/t(23) = 2.571/2.069.
    const expected = 2 * (2.571 / 2.069);
    const ratio = half(6) / half(24);
    expect(Math.abs(ratio / expected - 1)).toBeLessThan(0.3);
  });
});

describe('folding runs as they come', () => {
  const spec = { path: 'nodes.h.config.concurrency', values: [1, 2, 3] };
  const { results } = sweep(mmc(0.8, 1, 1), spec, 6, 11, 150, 10);
  const slos = [{ metric: 'endToEnd.p99', lt: 6 }];
  const folded = (order: readonly (typeof results)[number][]) => {
    const fold = new SweepFold(spec, 6, 11, slos);
    for (const { unit, report } of order) fold.add(unit, report);
    return JSON.stringify(fold.document());
  };

  it('gives the same document, to the bit, whatever order the runs arrive in', () => {
    const inOrder = folded(results);
    expect(folded([...results].reverse())).toBe(inOrder);
    // Shuffles from a fixed seed (a linear congruential generator: the test needs no quality).
    let x = 7;
    for (let k = 0; k < 5; k++) {
      const shuffled = [...results];
      for (let i = shuffled.length - 1; i > 0; i--) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        const j = x % (i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      expect(folded(shuffled)).toBe(inOrder);
    }
  });

  it('means are the plain sums over replications; intervals the t-interval of their spread', () => {
    const doc = sweepDocument(spec, 6, 11, results, slos);
    doc.points.forEach((p, i) => {
      const xs = results.filter((r) => r.unit.point === i).map((r) => r.report.nodes.h!.wait.mean);
      let sum = 0;
      for (const x of xs) sum += x;
      expect(p.mean.nodes.h!.wait.mean).toBe(sum / 6);
      const mean = sum / 6;
      const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / 5);
      expect(p.ci95.nodes.h!.wait.mean).toBeCloseTo((2.571 * sd) / Math.sqrt(6), 12);
      expect(p.seeds).toEqual([11, 12, 13, 14, 15, 16]);
    });
  });

  it('lets each report go once folded, and says what is missing or twice', () => {
    const fold = new SweepFold(spec, 6, 11, slos);
    const copies = results.map(({ unit, report }) => ({ unit, report: structuredClone(report) }));
    for (const { unit, report } of copies) {
      fold.add(unit, report);
      // Whatever happens to a report after it was folded cannot reach the document.
      report.endToEnd.p99 = -1;
      report.nodes.h!.wait.mean = -1;
    }
    expect(JSON.stringify(fold.document())).toBe(folded(results));

    const partial = new SweepFold(spec, 6, 11);
    for (const r of results.slice(1)) partial.add(r.unit, r.report);
    expect(() => partial.document()).toThrow('point 0 (1) has 5 of 6 replications');
    expect(() => partial.add(results[1]!.unit, results[1]!.report)).toThrow('unit 0/1 is given twice');
    expect(() => partial.add({ point: 0, replication: 6, seed: 17 }, results[0]!.report)).toThrow(
      'no unit 0/6',
    );
  });
});

describe('percentiles from histogram buckets', () => {
  it('replications that all land in one bucket straddling the target are not a certain pass', () => {
    // One request a second into a handler of uniform service on [a, b]: end to end is the service
    // alone, and its exact p99 is a + 0.99 (b − a). [a, b] is the upper part of one histogram
    // bucket, so every run reports that bucket's midpoint, below both a and the target.
    const mid = bucketValue(bucketOf(0.0101));
    const half = bucketHalfWidth(mid);
    const [a, b] = [mid + 0.2 * half, mid + 0.9 * half];
    const target = mid + 0.1 * half;
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(1) }),
        handler('h', { concurrency: 1, service: { dist: 'uniform', min: a, max: b } }),
      ],
      ['p->h'],
    );
    const spec = { path: 'load', values: [1] };
    const { results } = sweep(flow, spec, 5, 1, 300, 0);
    expect(new Set(results.map((r) => r.report.endToEnd.p99))).toEqual(new Set([mid]));
    const slos = [{ metric: 'endToEnd.p99', lt: target }];
    const point = sweepDocument(spec, 5, 1, results, slos).points[0]!;
    // The truth fails: every run's exact p99 is above the target.
    expect(a + 0.99 * (b - a)).toBeGreaterThan(target);
    // The runs agree to the bit, so the t-interval alone is ±0 and said "certain"; the bucket's
    // half-width keeps the decision honest.
    expect(point.mean.endToEnd.p99).toBe(mid);
    expect(point.ci95.endToEnd.p99).toBe(half);
    expect(point.slos![0]!.pass).toBe(true);
    expect(meetsWithConfidence(point, slos)).toBe(false);
    // A target past the bucket is met with confidence.
    expect(meetsWithConfidence(point, [{ metric: 'endToEnd.p99', lt: mid + 1.01 * half }])).toBe(true);
    // Figures that are not read from buckets keep their plain t-interval: the mean is exact.
    expect(point.ci95.endToEnd.mean).toBeLessThan(half / 10);
  });
});

describe('shards and merge', () => {
  const spec = { path: 'nodes.h.config.concurrency', values: [1, 2] };
  const flow = withTimes(mmc(0.8, 1, 1), { duration: 200, warmup: 0 });
  const slos = [{ metric: 'endToEnd.p99', lt: 8 }];
  const of = { spec, replications: 3, seed: 5, fingerprint: sweepFingerprint(flow), slos };
  const shardsOf = (o: ShardOf, count: number) => {
    const flows = pointFlows(flow, o.spec);
    if (!flows.ok) throw new Error(flows.message);
    return Array.from({ length: count }, (_, i) =>
      shardDocument(
        o,
        { index: i + 1, count },
        unitsOf(o.spec.values.length, o.replications, o.seed, { index: i + 1, count }).map((unit) =>
          ranUnit(flows.flows[unit.point]!, unit, runTimesOf(flow)),
        ),
      ),
    );
  };
  // Through JSON, as shards travel between machines.
  const travelled = (shards: SweepShard[]) => shards.map((s) => JSON.parse(JSON.stringify(s)) as SweepShard);
  const refusal = (parts: SweepShard[], names?: string[]) => {
    const r = mergeShards(parts, names);
    return r.ok ? 'merged' : r.message;
  };

  it('three shards merge to the unsharded document, bit for bit, in any order', () => {
    const { results } = sweep(flow, spec, 3, 5, 200, 0);
    const whole = sweepDocument(spec, 3, 5, results, slos);
    const parts = travelled(shardsOf(of, 3)).reverse();
    expect(Object.keys(parts[0]!)).toEqual([
      'sweep',
      'replications',
      'seed',
      'shard',
      'fingerprint',
      'slos',
      'units',
    ]);
    const merged = mergeShards(parts);
    expect(merged.ok && JSON.stringify(merged.document)).toBe(JSON.stringify(whole));
  });

  it('refuses parts that do not belong together, naming the part and what differs', () => {
    const [a1, a2, a3] = travelled(shardsOf(of, 3)) as [SweepShard, SweepShard, SweepShard];
    const other = (o: Partial<ShardOf>, count = 3) => travelled(shardsOf({ ...of, ...o }, count))[1]!;
    const differ = (what: string) =>
      `part 2 and part 1 are shards of different sweeps: they differ in ${what}`;
    expect(refusal([a1, other({ seed: 6 }), a3])).toBe(differ('the seed'));
    expect(refusal([a1, other({ replications: 4 }), a3])).toBe(differ('the replications'));
    expect(refusal([a1, other({ spec: { ...spec, values: [1, 3] } }), a3])).toBe(
      differ('the swept path or values'),
    );
    expect(refusal([a1, other({ slos: [] }), a3])).toBe(differ('the objectives'));
    expect(refusal([a1, other({}, 2), a3])).toBe(differ('the number of shards'));
    // Another flow, another run length, another message limit: each its own fingerprint.
    for (const fingerprint of [
      sweepFingerprint(mmc(0.9, 1, 1)),
      sweepFingerprint(withTimes(flow, { duration: 201, warmup: 0 })),
      sweepFingerprint(flow, { maxMessages: 1000 }),
    ]) {
      expect(fingerprint).not.toBe(of.fingerprint);
      expect(refusal([a1, other({ fingerprint }), a3])).toBe(
        differ('the flow or how its runs are made (duration, warm-up, message limit)'),
      );
    }
    // A default written out is the same run: the same fingerprint.
    expect(sweepFingerprint(withTimes(flow, { duration: 200, warmup: 0 }), { maxMessages: 5_000_000 })).toBe(
      of.fingerprint,
    );

    expect(refusal([a1, a1, a2, a3], ['a.json', 'b.json', 'c.json', 'd.json'])).toBe(
      'a.json and b.json are both shard 1/3',
    );
    expect(refusal([a3, a1])).toBe('shard 2/3 missing (every shard of the sweep is needed)');
    expect(refusal([a3])).toBe('shards 1/3, 2/3 missing (every shard of the sweep is needed)');
    expect(refusal([a1, { ...a2, shard: { index: 4, count: 3 } }, a3])).toBe(
      'part 2 says it is shard 4/3: a sweep in 3 shards has 1/3 to 3/3',
    );
    expect(refusal([])).toBe('no shards to merge');
    // A gap, a duplicate, a run of another shard or seed: not exactly the shard's runs.
    const held = (units: SweepShard['units']) => refusal([a1, { ...a2, units }, a3]);
    const should = (n: number) =>
      `part 2 does not hold the runs shard 2/3 should (2 in unit order; it holds ${n}): cut short or edited?`;
    expect(held(a2.units.slice(1))).toBe(should(1));
    expect(held([a2.units[0]!, a2.units[0]!])).toBe(should(2));
    expect(held([a2.units[0]!, a1.units[1]!])).toBe(should(2));
    expect(held([a2.units[0]!, { ...a2.units[1]!, seed: 99 }])).toBe(should(2));
    expect(refusal([a1, a2, a3])).toBe('merged');
  });

  it('fingerprints with SHA-256', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
    expect(of.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

describe('objectives', () => {
  it('--assert reads seconds without units and refuses anything else plainly', () => {
    expect(parseAssert('endToEnd.p99 < 0.1')).toEqual({ ok: true, slo: { metric: 'endToEnd.p99', lt: 0.1 } });
    expect(parseAssert('nodes.h.utilization<=0.8')).toEqual({
      ok: true,
      slo: { metric: 'nodes.h.utilization', lte: 0.8 },
    });
    expect(parseAssert('endToEnd.p99 < 100ms')).toMatchObject({
      ok: false,
      message: expect.stringContaining('seconds without units'),
    });
    expect(parseAssert('endToEnd.p99 ~ 1')).toMatchObject({ ok: false });
    expect(metricPathProblem('endToEnd.p100', ['h'])).toContain('endToEnd needs one of');
    expect(metricPathProblem('nodes.x.utilization', ['h'])).toContain('no node of the flow matches');
    expect(metricPathProblem('nodes.h.utilisation', ['h'])).toContain('"utilisation" is not a node figure');
    expect(metricPathProblem('nodes.a.b.wait.p99', ['a', 'a.b'])).toBeNull();
    expect(metricPathProblem('latency', ['h'])).toContain('starts with endToEnd, nodes.<id> or totals');
  });

  it('the smallest concurrency meeting p99 < target: bisection finds what a brute-force sweep finds', () => {
    const lambda = 5;
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const spec = { path: 'nodes.h.config.concurrency', values };
    // Service alone has p99 = ln 100 ≈ 4.6 s: the queue's wait must stay small on top of it.
    const slo = [{ metric: 'endToEnd.p99', lt: 5.5 }];
    const { results } = sweep(
      mmc(lambda, 1, 1),
      { ...spec, values: values.filter((c) => c > lambda) },
      5,
      3,
      1500,
      150,
    );
    const doc = sweepDocument({ ...spec, values: values.filter((c) => c > lambda) }, 5, 3, results, slo);
    const brute = doc.points.find((p) => meetsWithConfidence(p, slo))?.value;
    expect(brute).toBeDefined();
    // Bisection over the same values, running only the points it asks for (unstable ones fail).
    const stable = values.filter((c) => c > lambda);
    const b = new Bisection(values.length);
    for (let i = b.next(); i !== null; i = b.next()) {
      const c = values[i]!;
      b.record(i, c > lambda && meetsWithConfidence(doc.points[stable.indexOf(c)]!, slo));
    }
    expect(values[b.answer!]).toBe(brute);
    expect(b.tried.length).toBeLessThan(values.length);
    expect(checkSlos(doc.points[0]!.mean, slo)[0]).toMatchObject({
      metric: 'endToEnd.p99',
      op: 'lt',
      target: 5.5,
    });
  });
});
