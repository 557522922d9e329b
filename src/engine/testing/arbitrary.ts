// fast-check arbitrary for random valid, runnable flows: every node kind and option (version 2's
// broker fields included), edges only
// where the connection rules allow them, handlers always reachable from a producer.
import fc from 'fast-check';
import type { Dist } from '../../model/dist';
import type { Backoff, Retry } from '../../model/delivery';
import type { Fault } from '../../model/faults';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import type { ProfilePoint } from '../../model/profile';

const TYPES = ['a', 'b', 'c'];
/** A time from 0 to max: 0 or at least 1 ns, as Flow JSON requires (model/limits.ts). */
export const seconds = (max: number) =>
  fc.double({ min: 0, max, noNaN: true }).map((v) => (v < 1e-9 ? 0 : v));
const pos = { x: 0, y: 0 };

export const distArb: fc.Arbitrary<Dist> = fc.oneof(
  fc.record({ dist: fc.constant('constant' as const), value: seconds(2) }),
  fc.record({
    dist: fc.constant('exponential' as const),
    mean: fc.double({ min: 0.05, max: 2, noNaN: true }),
  }),
  fc
    .tuple(seconds(1), seconds(1))
    .map(([a, b]): Dist => ({ dist: 'uniform', min: Math.min(a, b), max: Math.max(a, b) })),
  fc.record({
    dist: fc.constant('normal' as const),
    mean: seconds(1),
    stddev: seconds(1),
  }),
  fc.record({
    dist: fc.constant('lognormal' as const),
    mean: fc.double({ min: 0.05, max: 1, noNaN: true }),
    stddev: seconds(1),
  }),
);
/** Interarrival times bounded away from 0 so that runs stay short. */
const interarrivalArb: fc.Arbitrary<Dist> = fc.oneof(
  fc.record({
    dist: fc.constant('exponential' as const),
    mean: fc.double({ min: 0.05, max: 1, noNaN: true }),
  }),
  fc.record({ dist: fc.constant('constant' as const), value: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
);
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Present about a third of the time: version 2's broker fields, so v1-shaped flows stay common. */
const some = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: arb, weight: 1 });
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const backoffArb: fc.Arbitrary<Backoff> = fc
  .record({
    initial: fc.double({ min: 0.01, max: 0.5, noNaN: true }),
    multiplier: opt(fc.double({ min: 1, max: 3, noNaN: true })),
    max: opt(fc.double({ min: 0.5, max: 2, noNaN: true })),
    jitter: opt(fc.constantFrom('none' as const, 'full' as const, 'equal' as const)),
  })
  .map(strip);
const retryArb: fc.Arbitrary<Retry> = fc
  .record({
    position: opt(fc.constantFrom('tail' as const, 'head' as const)),
    wait: opt(
      fc.oneof(
        distArb.map((delay) => ({ delay })),
        backoffArb.map((backoff) => ({ backoff })),
      ),
    ),
  })
  .map(({ position, wait }) => strip({ position, ...wait }));
/** Fields queues and topic subscriptions share (delivery, expiry, leases, retries). */
const deliveryArb = {
  delivery: opt(fc.constantFrom('at-least-once' as const, 'at-most-once' as const)),
  maxDeliveries: opt(fc.integer({ min: 1, max: 4 })),
  ttl: some(distArb),
  lease: some(fc.double({ min: 0.05, max: 3, noNaN: true })),
  retry: some(retryArb),
};

/** Steps and ramps, a factor of 0 (the producer paused) among them. */
const profileArb: fc.Arbitrary<ProfilePoint[]> = fc
  .array(
    fc.record({
      gap: fc.double({ min: 0.1, max: 10, noNaN: true }),
      factor: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 5, noNaN: true })),
      ramp: fc.boolean(),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((points) => {
    let at = 0;
    return points.map(({ gap, factor, ramp }) => ({ at: (at += gap), factor, ...(ramp ? { ramp } : {}) }));
  });

/** Faults the engine simulates, aimed later at a drawn handler or edge (`pick`). */
const faultArb = fc.record({
  at: seconds(20),
  duration: fc.double({ min: 0.1, max: 10, noNaN: true }),
  kind: fc.constantFrom(
    'pause' as const,
    'crash' as const,
    'slow' as const,
    'fail' as const,
    'outage' as const,
    'partition' as const,
  ),
  factor: fc.double({ min: 0, max: 5, noNaN: true }),
  rate: fc.double({ min: 0, max: 1, noNaN: true }),
  pick: fc.nat(),
});

/** A dependency and the handlers (drawn later by `pick`) that call it, with their call settings. */
const dependencyArb = fc.record({
  pool: fc.integer({ min: 1, max: 3 }),
  service: distArb,
  failureRate: opt(fc.oneof(fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }))),
  callers: fc.array(
    fc.record({
      pick: fc.nat(),
      calls: opt(fc.integer({ min: 1, max: 2 })),
      timeout: opt(fc.double({ min: 0.05, max: 2, noNaN: true })),
      attempts: opt(fc.integer({ min: 1, max: 3 })),
      backoff: some(backoffArb),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

const nodeArb = (i: number): fc.Arbitrary<FlowNode> => {
  const id = `n${i}`;
  // Queues and handlers weigh more: redelivery and dead-lettering need a queue feeding a failing handler.
  const w = (weight: number, arbitrary: fc.Arbitrary<FlowNode>) => ({ weight, arbitrary });
  return fc.oneof(
    w(
      1,
      fc
        .record({
          eventType: fc.constantFrom(...TYPES),
          interarrival: interarrivalArb,
          count: opt(fc.integer({ min: 1, max: 50 })),
          start: opt(seconds(2)),
          keys: opt(fc.integer({ min: 1, max: 5 })),
          keySkew: some(fc.double({ min: 0, max: 3, noNaN: true })),
          profile: some(profileArb),
        })
        .map(({ keySkew, ...c }) => strip({ ...c, keySkew: c.keys === undefined ? undefined : keySkew }))
        .map((c): FlowNode => ({ id, kind: 'producer', position: pos, config: c })),
    ),
    w(
      3,
      fc
        .record({
          capacity: opt(fc.integer({ min: 0, max: 5 })),
          overflow: opt(fc.constantFrom('drop-newest' as const, 'drop-oldest' as const, 'block' as const)),
          orderBy: some(fc.constant('key' as const)),
          ...deliveryArb,
        })
        .map((c): FlowNode => ({ id, kind: 'queue', position: pos, config: strip(c) })),
    ),
    w(
      1,
      fc
        .record({ capacity: opt(fc.integer({ min: 0, max: 5 })), ...deliveryArb })
        .map((c): FlowNode => ({ id, kind: 'topic', position: pos, config: strip(c) })),
    ),
    w(
      1,
      fc
        .record({
          partitions: fc.integer({ min: 1, max: 4 }),
          retention: opt(fc.double({ min: 0.1, max: 5, noNaN: true })),
          onFailure: some(fc.constantFrom('block' as const, 'dead-letter' as const, 'drop' as const)),
          maxDeliveries: opt(fc.integer({ min: 1, max: 4 })),
          retry: some(retryArb),
        })
        .map((c): FlowNode => ({ id, kind: 'stream', position: pos, config: strip(c) })),
    ),
    w(
      3,
      fc
        .record({
          concurrency: fc.integer({ min: 1, max: 3 }),
          service: distArb,
          failureRate: opt(
            fc.oneof(fc.constantFrom(0.5, 0.9, 1), fc.double({ min: 0, max: 1, noNaN: true })),
          ),
          retryDelay: opt(distArb),
          emits: opt(fc.constantFrom(...TYPES)),
          failsOn: some(fc.subarray(TYPES, { minLength: 1, maxLength: 1 })),
        })
        .map((c): FlowNode => ({ id, kind: 'handler', position: pos, config: strip(c) })),
    ),
    w(1, fc.constant<FlowNode>({ id, kind: 'store', position: pos, config: {} })),
  );
};

/**
 * Random runnable flows: node 0 is a producer; every later node gets at least one incoming edge
 * from an earlier non-store node (so everything is reachable), plus random extra edges — forward
 * or backward, so handler cycles occur — avoiding bus-only loops, which the runnable check refuses.
 */
export const flowArb: fc.Arbitrary<Flow> = fc
  .integer({ min: 2, max: 7 })
  .chain((n) =>
    fc.tuple(
      fc.tuple(
        nodeArb(0).filter((x) => x.kind === 'producer'),
        ...Array.from({ length: n - 1 }, (_, i) => nodeArb(i + 1)),
      ),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: n }),
      fc.array(fc.nat(), { minLength: n, maxLength: n }),
      fc.array(fc.option(fc.subarray(TYPES, { minLength: 1 }), { nil: undefined }), {
        minLength: 20,
        maxLength: 20,
      }),
      fc.array(opt(distArb), { minLength: 20, maxLength: 20 }),
      fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
      fc.array(fc.record({ prefetch: some(fc.integer({ min: 1, max: 4 })), ackLatency: some(distArb) }), {
        minLength: 20,
        maxLength: 20,
      }),
      fc.array(faultArb, { maxLength: 3 }),
      fc.array(dependencyArb, { maxLength: 2 }),
    ),
  )
  .map(([nodes, extra, parents, filters, latencies, dl, windows, faultDraws, dependencyDraws]) => {
    const edges: FlowEdge[] = [];
    const has = (s: number, t: number) => edges.some((e) => e.source === `n${s}` && e.target === `n${t}`);
    const add = (s: number, t: number) => {
      const src = nodes[s]!;
      const dst = nodes[t]!;
      if (s === t || src.kind === 'store' || dst.kind === 'producer' || has(s, t)) return;
      // Back edges only into handlers: a loop then always passes a handler (never buses only).
      if (t < s && dst.kind !== 'handler') return;
      const k = edges.length;
      const edge: FlowEdge = { id: `e${k}`, source: src.id, target: dst.id };
      // Filters only on edges that are not a node's only way in, so reachability stays simple.
      if (t < s && filters[k % 20]) edge.filter = filters[k % 20];
      const latency = latencies[k % 20];
      if (latency) edge.latency = latency;
      if ((src.kind === 'queue' || src.kind === 'topic') && dst.kind === 'handler')
        Object.assign(edge, strip(windows[k % 20]!));
      edges.push(edge);
    };
    for (let t = 1; t < nodes.length; t++) {
      const candidates = Array.from({ length: t }, (_, s) => s).filter((s) => nodes[s]!.kind !== 'store');
      add(candidates[parents[t]! % candidates.length]!, t);
    }
    for (const [a, b] of extra) add(a % nodes.length, b % nodes.length);
    const buses = nodes.filter((x) => x.kind === 'queue' || x.kind === 'topic' || x.kind === 'stream');
    nodes.forEach((node, i) => {
      if (buses.length < 2 || !(node.kind === 'queue' || node.kind === 'topic' || node.kind === 'stream'))
        return;
      const target = buses[dl[i % 6]! % buses.length]!;
      if (target.id !== node.id && dl[i % 6]! % 2 === 0) node.config.deadLetter = target.id;
    });
    const handlers = nodes.filter((x) => x.kind === 'handler');
    const eventEdges = [...edges];
    const dependencies: FlowNode[] = [];
    if (handlers.length > 0)
      dependencyDraws.forEach(({ callers, pool, service, failureRate }, i) => {
        const d: FlowNode = {
          id: `d${i}`,
          kind: 'dependency',
          position: pos,
          config: strip({ pool, service, failureRate }),
        };
        dependencies.push(d);
        for (const { pick, ...call } of callers) {
          const h = handlers[pick % handlers.length]!;
          if (edges.some((e) => e.source === h.id && e.target === d.id)) continue;
          edges.push(strip({ id: `c${edges.length}`, source: h.id, target: d.id, ...call }));
        }
      });
    const faults: Fault[] = [];
    for (const { pick, ...f } of faultDraws) {
      const targets =
        f.kind === 'slow'
          ? [...handlers, ...dependencies, ...eventEdges]
          : f.kind === 'outage'
            ? buses
            : f.kind === 'partition'
              ? eventEdges
              : f.kind === 'pause'
                ? handlers
                : [...handlers, ...dependencies];
      if (targets.length === 0) continue;
      const target = targets[pick % targets.length]!.id;
      const { at, duration } = f;
      if (f.kind === 'slow') faults.push({ at, duration, target, kind: 'slow', factor: f.factor });
      else if (f.kind === 'fail') faults.push({ at, duration, target, kind: 'fail', rate: f.rate });
      else if (f.kind === 'outage' || f.kind === 'partition')
        faults.push({ at, duration, target, kind: f.kind });
      else {
        // A handler cannot be paused and crashed at once (validation refuses it).
        const clash = faults.some(
          (g) =>
            g.target === target &&
            (g.kind === 'pause' || g.kind === 'crash') &&
            g.kind !== f.kind &&
            g.at < at + duration &&
            at < g.at + g.duration,
        );
        if (!clash) faults.push({ at, duration, target, kind: f.kind });
      }
    }
    const flow: Flow = {
      format: 'eventflow',
      version: 2,
      name: 'random',
      nodes: [...nodes, ...dependencies],
      edges,
    };
    return faults.length > 0 ? { ...flow, faults } : flow;
  });
