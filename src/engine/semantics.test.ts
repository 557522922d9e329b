// Node semantics (docs/engine.md) beyond the classic queues: fan-out, partitions, failures,
// backpressure, determinism and live updates.
import { describe, expect, it } from 'vitest';
import { NODE_ROW } from './snapshot';
import { createEngineSimulation } from './simulation';
import {
  constant,
  exp,
  figure,
  flowOf,
  handler,
  producer,
  queue,
  run,
  store,
  stream,
  topic,
} from './testing/flows';
import { failingQueue } from './testing/models';

describe('topic', () => {
  it('gives every subscription its own copy of every event', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(0.1), count: 1000 }),
        topic('t'),
        handler('a', { concurrency: 1, service: exp(0.05) }),
        handler('b', { concurrency: 2, service: exp(0.3) }),
        store('s'),
      ],
      ['p->t', 't->a', 't->b', 't->s'],
    );
    const { report } = run(flow, 1, 1e6);
    expect(report.nodes.t!.in).toBe(1000);
    expect(report.nodes.a!.in).toBe(1000);
    expect(report.nodes.b!.in).toBe(1000);
    expect(report.nodes.s!.in).toBe(1000);
    expect(report.totals.completed).toBe(3000);
  });

  it('each subscriber sees the full rate', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(0.01) }),
        topic('t'),
        handler('a', { concurrency: 1, service: exp(0.005) }),
        handler('b', { concurrency: 1, service: exp(0.005) }),
      ],
      ['p->t', 't->a', 't->b'],
    );
    const { report } = run(flow, 3, 1000, 10);
    // 99,000 expected arrivals: Poisson SE ≈ 0.3%, so 2% is > 6 SE.
    expect(report.nodes.a!.throughput).toBeGreaterThan(98);
    expect(report.nodes.a!.throughput).toBeLessThan(102);
    expect(report.nodes.b!.throughput).toBeGreaterThan(98);
    expect(report.nodes.b!.throughput).toBeLessThan(102);
  });
});

describe('stream', () => {
  const streamFlow = (keys: number) =>
    flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(0.1), keys }),
        stream('s', { partitions: 4 }),
        handler('g', { concurrency: 8, service: constant(1) }),
      ],
      ['p->s', 's->g'],
    );

  it('a consumer group with more workers than partitions leaves the extra workers idle', () => {
    const sim = createEngineSimulation(streamFlow(1000), { seed: 5, duration: 2000, warmup: 100 });
    const snap = sim.snapshot();
    let maxBusy = 0;
    for (let t = 1; t <= 2000; t += 1) {
      sim.advanceTo(t);
      sim.snapshot(snap);
      maxBusy = Math.max(maxBusy, figure(sim, snap, 'g', 'busy'));
    }
    const g = sim.report().nodes.g!;
    expect(maxBusy).toBe(4);
    // Arrivals (10/s) exceed what 4 partitions × 1/s can serve: throughput is capped at 4/s.
    expect(g.throughput).toBeGreaterThan(3.99);
    // At most 4 services started before warm-up may finish inside the 1,900 s window.
    expect(g.throughput).toBeLessThanOrEqual(4 + 4 / 1900);
    expect(g.utilization).toBeLessThanOrEqual(0.5 + 1e-9);
  });

  it('one key means one partition: one message at a time, in order', () => {
    const { report } = run(streamFlow(1), 5, 1000, 100);
    expect(report.nodes.g!.throughput).toBeCloseTo(1, 2);
  });

  it('retention drops messages a group has not reached in time', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(0.1) }),
        stream('s', { partitions: 1, retention: 5 }),
        handler('g', { concurrency: 1, service: constant(1) }),
      ],
      ['p->s', 's->g'],
    );
    const { report } = run(flow, 1, 200);
    expect(report.nodes.s!.dropped).toBeGreaterThan(1000);
    expect(report.nodes.g!.wait.max).toBeLessThanOrEqual(5);
  });
});

describe('failures', () => {
  it('at-least-once: redelivered f + f² per message, dead-lettered f^maxDeliveries', () => {
    const { report } = run(failingQueue('at-least-once'), 11, 40_000, 100);
    const n = report.nodes.p!.out;
    const q = report.nodes.q!;
    // Binomial shares over ~40,000 messages: SE ≤ 0.0025; tolerance 0.01 is 4 SE.
    expect(q.deadLettered / n).toBeGreaterThan(0.125 - 0.01);
    expect(q.deadLettered / n).toBeLessThan(0.125 + 0.01);
    expect(q.redelivered / n).toBeGreaterThan(0.75 - 0.02);
    expect(q.redelivered / n).toBeLessThan(0.75 + 0.02);
    expect(report.nodes.dlq!.in).toBe(q.deadLettered);
    expect(report.nodes.h!.lost).toBe(0);
  });

  it('at-most-once: a failure loses the message', () => {
    const { report } = run(failingQueue('at-most-once'), 11, 40_000, 100);
    const h = report.nodes.h!;
    expect(h.lost / h.in).toBeGreaterThan(0.49);
    expect(h.lost / h.in).toBeLessThan(0.51);
    expect(report.nodes.q!.redelivered).toBe(0);
    expect(report.nodes.q!.deadLettered).toBe(0);
  });

  it('without a dead-letter bus, dead letters are counted and end there', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(1), count: 100 }),
        queue('q', { maxDeliveries: 2 }),
        handler('h', { concurrency: 1, service: constant(0.01), failureRate: 1 }),
      ],
      ['p->q', 'q->h'],
    );
    const { report } = run(flow, 1, 1e5);
    expect(report.totals.deadLettered).toBe(100);
    expect(report.nodes.h!.failed).toBe(200);
    expect(report.nodes.q!.redelivered).toBe(100);
  });
});

describe('overflow', () => {
  const bounded = (overflow: 'drop-newest' | 'drop-oldest' | 'block') =>
    flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(0.1) }),
        queue('q', { capacity: 5, overflow }),
        handler('h', { concurrency: 1, service: constant(1) }),
      ],
      ['p->q', 'q->h'],
    );

  it('block holds the producer back: its rate falls to what the handler takes, nothing is dropped', () => {
    const sim = createEngineSimulation(bounded('block'), { seed: 1, duration: 1000, warmup: 100 });
    sim.advanceTo(500.05);
    const snap = sim.snapshot();
    expect(figure(sim, snap, 'p', 'blocked')).toBe(1);
    expect(figure(sim, snap, 'q', 'depth')).toBe(5);
    sim.advanceTo(1000);
    const r = sim.report();
    expect(r.nodes.q!.dropped).toBe(0);
    expect(r.nodes.q!.queueDepth.max).toBeLessThanOrEqual(5);
    expect(r.nodes.p!.throughput).toBeCloseTo(1, 1);
    expect(r.nodes.h!.utilization).toBeCloseTo(1, 6);
  });

  it('block holds an upstream handler worker: it stays occupied until there is room', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(0.1) }),
        handler('fast', { concurrency: 1, service: constant(0.01) }),
        queue('q', { capacity: 2, overflow: 'block' }),
        handler('slow', { concurrency: 1, service: constant(1) }),
      ],
      ['p->fast', 'fast->q', 'q->slow'],
    );
    const { report } = run(flow, 1, 1000, 100);
    expect(report.nodes.fast!.utilization).toBeGreaterThan(0.95);
    expect(report.nodes.fast!.throughput).toBeCloseTo(1, 1);
    expect(report.nodes.q!.dropped).toBe(0);
  });

  it('drop-newest refuses arrivals; drop-oldest discards the head; both keep at most K waiting', () => {
    for (const ov of ['drop-newest', 'drop-oldest'] as const) {
      const { report } = run(bounded(ov), 1, 1000, 100);
      expect(report.nodes.q!.queueDepth.max).toBe(5);
      expect(report.nodes.q!.dropped / report.nodes.q!.in).toBeCloseTo(0.9, 2);
    }
    // Drop-oldest serves the freshest messages: waits stay near K × service.
    const newest = run(bounded('drop-newest'), 1, 1000, 100).report.nodes.h!.wait.mean;
    const oldest = run(bounded('drop-oldest'), 1, 1000, 100).report.nodes.h!.wait.mean;
    expect(oldest).toBeLessThan(newest);
  });
});

describe('edges and latency', () => {
  it('filters pass only listed types; latency adds network time to end-to-end', () => {
    const flow = flowOf(
      [
        producer('a', { eventType: 'x', interarrival: constant(1), count: 10 }),
        producer('b', { eventType: 'y', interarrival: constant(1), count: 10 }),
        topic('t'),
        store('onlyX'),
      ],
      ['a->t', 'b->t', { id: 'f', source: 't', target: 'onlyX', filter: ['x'], latency: constant(0.5) }],
    );
    const { report, sim } = run(flow, 1, 100);
    expect(report.nodes.onlyX!.in).toBe(10);
    expect(report.endToEnd.mean).toBeCloseTo((10 * 0.5 + 10 * 0) / 20, 9);
    const snap = sim.snapshot();
    const f = sim.layout.edgeIds.indexOf('f');
    expect(snap.edgeTransits[f * sim.layout.eventTypes.length + sim.layout.eventTypes.indexOf('x')]).toBe(10);
    expect(snap.edgeTransits[f * sim.layout.eventTypes.length + sim.layout.eventTypes.indexOf('y')]).toBe(0);
  });

  it('a handler emits its type on each outgoing edge and keeps the origin time', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'order', interarrival: constant(1), count: 5 }),
        handler('h', { concurrency: 1, service: constant(0.25), emits: 'billed' }),
        store('s1'),
        store('s2'),
      ],
      ['p->h', 'h->s1', { id: 'h->s2', source: 'h', target: 's2', latency: constant(0.5) }],
    );
    const { report, sim } = run(flow, 1, 100);
    expect(sim.layout.eventTypes).toEqual(['order', 'billed']);
    expect(report.totals).toEqual({
      emitted: 10,
      completed: 10,
      dropped: 0,
      lost: 0,
      deadLettered: 0,
      inFlight: 0,
      expired: 0,
    });
    expect(report.endToEnd.mean).toBeCloseTo((0.25 + 0.75) / 2, 9);
  });
});

describe('determinism and control', () => {
  const flow = flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(0.1), keys: 7 }),
      stream('s', { partitions: 3 }),
      handler('h', {
        concurrency: 2,
        service: { dist: 'lognormal', mean: 0.1, stddev: 0.2 },
        failureRate: 0.1,
      }),
      queue('q', { capacity: 3, overflow: 'drop-oldest' }),
      handler('k', { concurrency: 1, service: { dist: 'normal', mean: 0.2, stddev: 0.1 } }),
    ],
    ['p->s', 's->h', 'h->q', 'q->k'],
  );
  const strip = (r: ReturnType<typeof run>['report']) => JSON.stringify({ ...r, wallMs: 0 });

  it('the same flow and seed give bit-identical reports; another seed differs', () => {
    expect(strip(run(flow, 9, 2000).report)).toBe(strip(run(flow, 9, 2000).report));
    expect(strip(run(flow, 9, 2000).report)).not.toBe(strip(run(flow, 10, 2000).report));
  });

  it('reset(seed) replays exactly; stepping in pieces equals one run', () => {
    const sim = createEngineSimulation(flow, { seed: 9, duration: 2000, warmup: 0 });
    while (!sim.done) sim.step(997);
    const once = strip(sim.report());
    sim.reset(9);
    for (let t = 0; t <= 2000; t += 33.3) sim.advanceTo(t);
    sim.advanceTo(2000);
    expect(strip(sim.report())).toBe(once);
    expect(strip(run(flow, 9, 2000).report)).toBe(once);
  });

  it('update() applies live changes and lists those that need a reset', () => {
    const sim = createEngineSimulation(flow, { seed: 1, duration: 1000, warmup: 0 });
    sim.advanceTo(100);
    const next = structuredClone(flow);
    const h = next.nodes[2]!;
    const q = next.nodes[3]!;
    if (h.kind !== 'handler' || q.kind !== 'queue') throw new Error('fixture');
    h.config.concurrency = 3;
    q.config.capacity = 10;
    expect(sim.update(next)).toEqual(['nodes[3].config.capacity']);
    sim.advanceTo(200);
    expect(figure(sim, sim.snapshot(), 'h', 'concurrency')).toBe(3);
    sim.reset();
    expect(figure(sim, sim.snapshot(), 'q', 'capacity')).toBe(10);
  });

  it('update() retires workers as they finish, refuses an invalid flow, and reset rebuilds the layout', () => {
    const sim = createEngineSimulation(flow, { seed: 1, duration: 1000, warmup: 0 });
    const snap = sim.snapshot();
    sim.advanceTo(50);
    const fewer = structuredClone(flow);
    (fewer.nodes[2]!.config as { concurrency: number }).concurrency = 1;
    expect(sim.update(fewer)).toEqual([]);
    sim.advanceTo(100);
    expect(figure(sim, sim.snapshot(snap), 'h', 'busy')).toBeLessThanOrEqual(1);
    const invalid = structuredClone(fewer);
    (invalid.nodes[2]!.config as { concurrency: number }).concurrency = 0;
    expect(sim.update(invalid)).toEqual(['nodes[2].config.concurrency']);
    const grown = structuredClone(fewer);
    grown.nodes.push({ id: 'extra', kind: 'store', position: { x: 0, y: 0 }, config: {} });
    grown.edges.push({ id: 'k->extra', source: 'k', target: 'extra' });
    expect(sim.update(grown)).toEqual(['nodes[5]', `edges[${grown.edges.length - 1}]`]);
    sim.reset();
    expect(sim.layout.nodeIds).toContain('extra');
    sim.advanceTo(100);
    const after = sim.snapshot(snap);
    expect(after).not.toBe(snap);
    expect(after.nodes.length).toBe(6 * NODE_ROW.size);
    expect(sim.snapshot(after)).toBe(after);
  });
});
