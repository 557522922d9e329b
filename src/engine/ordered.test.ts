// Ordered queues (orderBy: 'key'), checked from the outside of the mechanism: after every event of
// random flows, the messages of one key that are out — in transit, waiting at a handler, in
// service, with an acknowledgement on its way, failed and waiting to be retried, or given back to
// the queue — number at most one. (No leases here: a lease that runs out redelivers the same
// message while its first delivery goes on, which is two deliveries of one message by design.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dist } from '../model/dist';
import type { FlowEdge, FlowNode } from '../model/flow';
import { runnableProblems } from '../model/runnable';
import { DEFAULT_LIMITS } from './api';
import { Engine } from './engine';
import { EV, eventArg, eventKind } from './kernel/events';
import { SOURCE } from './kinds/codes';
import { constant, exp, flowOf, handler, producer, queue } from './testing/flows';
import { compileTopology } from './topology';

/**
 * Keys of queue q's messages that are out, with the messages of each (told apart by their time of
 * origin: one producer, exponential gaps).
 */
function keysOut(eng: Engine, q: number): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>();
  const add = (key: number, origin: number) => out.set(key, (out.get(key) ?? new Set()).add(origin));
  const topo = eng.topo;
  const pool = eng.pool;
  const fromQ = (s: number) => s >= 0 && topo.srcNode[s] === q && topo.srcKind[s] === SOURCE.queue;
  for (let w = 0; w < eng.nWorkers; w++) {
    const slot = eng.wSlot[w]!;
    if (slot >= 0 && fromQ(eng.wSource[w]!)) add(pool.key[slot]!, pool.origin[slot]!);
  }
  for (let s = 0; s < topo.srcKind.length; s++) {
    if (!fromQ(s)) continue;
    const local = eng.local[s]!;
    for (let i = 0; i < local.length; i++) add(pool.key[local.at(i)]!, pool.origin[local.at(i)]!);
  }
  for (let i = 0; i < eng.heap.size; i++) {
    const code = eng.heap.codeAt(i);
    const arg = eventArg(code);
    switch (eventKind(code)) {
      case EV.deliver:
      case EV.redeliver:
        if (fromQ(pool.src[arg]!)) add(pool.key[arg]!, pool.origin[arg]!);
        break;
      case EV.ack: {
        // A completion's acknowledgement; a failure's says nothing more about the message, which
        // is back in the queue, waiting to be retried, dead-lettered or expired.
        const d = eng.deliveries;
        if (fromQ(d.src[arg]!) && d.completed[arg]) add(d.key[arg]!, d.origin[arg]!);
        break;
      }
    }
  }
  // Given back after a failure: still the key's message until it is acknowledged or dead-lettered.
  const fifo = eng.queueFifo[q]!;
  for (let i = 0; i < fifo.length; i++) {
    const slot = fifo.at(i);
    if (pool.deliveries[slot]! > 0) add(pool.key[slot]!, pool.origin[slot]!);
  }
  return out;
}

const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const timeArb: fc.Arbitrary<Dist> = fc.oneof(
  fc.double({ min: 0.001, max: 0.3, noNaN: true }).map(constant),
  fc.double({ min: 0.001, max: 0.3, noNaN: true }).map(exp),
);
const strip = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

const orderedFlowArb = fc
  .record({
    keys: fc.integer({ min: 1, max: 4 }),
    keySkew: maybe(fc.double({ min: 0, max: 2, noNaN: true })),
    rate: fc.double({ min: 2, max: 40, noNaN: true }),
    queue: fc.record({
      capacity: maybe(fc.integer({ min: 1, max: 20 })),
      maxDeliveries: maybe(fc.integer({ min: 1, max: 4 })),
      ttl: maybe(timeArb),
      retry: maybe(
        fc.record({
          position: fc.constantFrom('tail' as const, 'head' as const),
          delay: timeArb,
        }),
      ),
      deadLetter: maybe(fc.constant('dlq')),
    }),
    handlers: fc.array(
      fc.record({
        concurrency: fc.integer({ min: 1, max: 4 }),
        service: timeArb,
        failureRate: fc.constantFrom(0, 0.2, 0.5),
        prefetch: maybe(fc.integer({ min: 1, max: 4 })),
        latency: maybe(timeArb),
        ackLatency: maybe(timeArb),
      }),
      { minLength: 1, maxLength: 2 },
    ),
  })
  .map((r) => {
    const nodes: FlowNode[] = [
      producer(
        'p',
        strip({ eventType: 'e', interarrival: exp(1 / r.rate), keys: r.keys, keySkew: r.keySkew }),
      ),
      queue('q', strip({ ...r.queue, orderBy: 'key' as const })),
      queue('dlq'),
    ];
    const edges: (string | FlowEdge)[] = ['p->q'];
    r.handlers.forEach((h, i) => {
      nodes.push(
        handler(`h${i}`, { concurrency: h.concurrency, service: h.service, failureRate: h.failureRate }),
      );
      edges.push(
        strip({
          id: `q->h${i}`,
          source: 'q',
          target: `h${i}`,
          prefetch: h.prefetch,
          latency: h.latency,
          ackLatency: h.ackLatency,
        }),
      );
    });
    return flowOf(nodes, edges);
  });

describe('ordered queues', () => {
  it('never have two messages of one key out at once, on random flows, after every event', () => {
    let checked = 0;
    fc.assert(
      fc.property(orderedFlowArb, fc.nat(1000), (flow, seed) => {
        fc.pre(runnableProblems(flow).length === 0);
        const topo = compileTopology(flow);
        const eng = new Engine(topo, {
          seed,
          duration: 20,
          warmup: 0,
          seriesInterval: 1,
          lanes: true,
          limits: DEFAULT_LIMITS,
        });
        const q = topo.nodeIds.indexOf('q');
        while (!eng.done && eng.now < 20) {
          eng.run(20, 1);
          for (const [key, messages] of keysOut(eng, q)) {
            if (messages.size > 1)
              throw new Error(`key ${key}: ${messages.size} messages out at t = ${eng.now}`);
          }
          checked++;
        }
      }),
      { numRuns: 400, seed: 21 },
    );
    expect(checked).toBeGreaterThan(200_000);
  });
});
