// Random flows biased toward the shapes the fast lanes take (producers → queue → its sole
// consumer), with the features that must close a lane mixed in now and then: latency, filters,
// failures and redelivery, dead-letter queues feeding lane consumers, block overflow, a second
// consumer, a handler that forwards, keys and counts. Most flows run some of their events in a
// lane and some on the general path, which is what a differential test needs.
import fc from 'fast-check';
import type { Dist } from '../../model/dist';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { distArb, seconds } from './arbitrary';

const at = { x: 0, y: 0 };
const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const arrivals: fc.Arbitrary<Dist> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .double({ min: 0.05, max: 1, noNaN: true })
      .map((mean) => ({ dist: 'exponential', mean }) as Dist),
  },
  fc.double({ min: 0.05, max: 1, noNaN: true }).map((value) => ({ dist: 'constant', value }) as Dist),
);
const service: fc.Arbitrary<Dist> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .double({ min: 0.02, max: 1.5, noNaN: true })
      .map((mean) => ({ dist: 'exponential', mean }) as Dist),
  },
  { weight: 1, arbitrary: distArb },
);

/** One lane: producers into a queue consumed by one handler, with optional complications. */
const laneArb = fc.record({
  producers: fc.integer({ min: 1, max: 3 }),
  arrivals: fc.array(arrivals, { minLength: 3, maxLength: 3 }),
  counts: fc.array(opt(fc.integer({ min: 1, max: 80 })), { minLength: 3, maxLength: 3 }),
  keys: opt(fc.integer({ min: 1, max: 4 })),
  start: opt(seconds(2)),
  queue: fc.record({
    capacity: opt(fc.integer({ min: 0, max: 6 })),
    overflow: opt(fc.constantFrom('drop-newest' as const, 'drop-oldest' as const, 'block' as const)),
    delivery: opt(fc.constantFrom('at-least-once' as const, 'at-most-once' as const)),
    maxDeliveries: opt(fc.integer({ min: 1, max: 3 })),
  }),
  handler: fc.record({
    concurrency: fc.integer({ min: 1, max: 4 }),
    service,
    failureRate: opt(fc.constantFrom(0.3, 0.5, 1)),
    retryDelay: opt(distArb),
  }),
});

export const laneFlowArb: fc.Arbitrary<Flow> = fc
  .tuple(
    fc.array(laneArb, { minLength: 1, maxLength: 3 }),
    // Per lane, dice for the complications (each at 1 in 10, dead letters at 4 in 10): latency on
    // a producer's edge, a filter on it, a second consumer, a handler that forwards, a dead-letter
    // queue that is the next lane's queue.
    fc.array(fc.array(fc.nat(9), { minLength: 5, maxLength: 5 }), { minLength: 3, maxLength: 3 }),
    fc.array(distArb, { minLength: 3, maxLength: 3 }),
  )
  .map(([lanes, dice, latencies]) => {
    const nodes: FlowNode[] = [];
    const edges: FlowEdge[] = [];
    const edge = (source: string, target: string, extra: Partial<FlowEdge> = {}) =>
      edges.push({ id: `${source}->${target}`, source, target, ...extra });
    lanes.forEach((lane, l) => {
      const [latency, filter, second, forwards, dlq] = dice[l]!;
      const q = `q${l}`;
      const h = `h${l}`;
      nodes.push({ id: q, kind: 'queue', position: at, config: strip({ ...lane.queue }) });
      nodes.push({ id: h, kind: 'handler', position: at, config: strip({ ...lane.handler }) });
      edge(q, h);
      for (let i = 0; i < lane.producers; i++) {
        const p = `p${l}_${i}`;
        nodes.push({
          id: p,
          kind: 'producer',
          position: at,
          config: strip({
            eventType: i === 2 ? 'b' : 'a',
            interarrival: lane.arrivals[i]!,
            count: lane.counts[i],
            keys: lane.keys,
            start: lane.start,
          }),
        });
        if (i === 0 && latency === 0) edge(p, q, { latency: latencies[l]! });
        else if (i === 0 && filter === 0) edge(p, q, { filter: ['a'] });
        else edge(p, q);
      }
      if (second === 0) {
        nodes.push({
          id: `h${l}b`,
          kind: 'handler',
          position: at,
          config: { concurrency: 1, service: lane.handler.service },
        });
        edge(q, `h${l}b`);
      }
      if (forwards === 0) {
        nodes.push({ id: `s${l}`, kind: 'store', position: at, config: {} });
        edge(h, `s${l}`);
      }
      // Dead letters into the next lane's queue: copies flagged as dead letters reach a lane consumer.
      if (dlq !== undefined && dlq < 4 && l + 1 < lanes.length) {
        const queue = nodes.find((n) => n.id === q)!;
        if (queue.kind === 'queue') queue.config.deadLetter = `q${l + 1}`;
      }
    });
    return { format: 'eventflow', version: 2, name: 'lanes', nodes, edges } satisfies Flow;
  });
