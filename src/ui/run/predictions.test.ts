import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import { TEMPLATES } from '../../io/templates';
import type { Dist } from '../../model/dist';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { orderFlow } from '../../runtime/testing/flows';
import { predictAll, type PredictionOutcome } from './predictions';

const ok = (p: PredictionOutcome | undefined) => {
  if (!p?.ok) throw new Error(`expected a prediction, got ${p ? p.reason : 'nothing'}`);
  return p;
};
const reason = (p: PredictionOutcome | undefined) => {
  if (!p || p.ok) throw new Error('expected no prediction');
  return p.reason;
};

/** producer (rate/s) → queue → handler (service, workers), the queue → handler edge with `latency`. */
function flow(rate: number, service: Dist, workers: number, latency?: Dist, extra: Partial<Flow> = {}): Flow {
  const nodes: FlowNode[] = [
    {
      id: 'p',
      kind: 'producer',
      position: { x: 0, y: 0 },
      config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 1 / rate } },
    },
    { id: 'q', kind: 'queue', position: { x: 300, y: 0 }, config: {} },
    { id: 'h', kind: 'handler', position: { x: 600, y: 0 }, config: { concurrency: workers, service } },
  ];
  const edges: FlowEdge[] = [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'q', target: 'h', ...(latency ? { latency } : {}) },
  ];
  return { format: 'eventflow', version: 2, name: 't', nodes, edges, ...extra };
}

describe('queueing-theory predictions beside handlers', () => {
  it('M/M/c for exponential service; the queue → handler latency holds a delivery slot', () => {
    const mmc = ok(predictAll(flow(100, { dist: 'exponential', mean: 0.012 }, 2)).get('h'));
    expect(mmc.prediction.model).toBe('M/M/c');
    expect(mmc.prediction.exact).toBe(true);
    expect(mmc.prediction.rho).toBeCloseTo(0.6);
    expect(mmc.unbounded).toBe(true);
    // The same handler behind a 2 ms edge holds each delivery slot 14 ms: no longer exponential.
    const slow = flow(100, { dist: 'exponential', mean: 0.012 }, 2, { dist: 'constant', value: 0.002 });
    const p = ok(predictAll(slow).get('h'));
    expect(p.prediction.rho).toBeCloseTo(0.7);
    expect(p.prediction.model).toBe('M/G/c');
    // Behind a queue of 1,000 the backlog at ρ 0.7 never reaches the bound: the open model, marked.
    const bounded = ok(predictAll(orderFlow()).get('billing'));
    expect(bounded.prediction.exact).toBe(false);
    expect(bounded.note).toMatch(/capacity of 1,000 as unbounded/);
  });

  it('lognormal, normal and uniform service: M/G/c marked as an approximation, M/G/1 exact', () => {
    for (const service of [
      { dist: 'lognormal', mean: 0.02, stddev: 0.01 },
      { dist: 'normal', mean: 0.02, stddev: 0.005 },
      { dist: 'uniform', min: 0.01, max: 0.03 },
    ] as Dist[]) {
      const many = ok(predictAll(flow(150, service, 4)).get('h'));
      expect(many.prediction.model).toBe('M/G/c');
      expect(many.prediction.exact).toBe(false);
      expect(many.prediction.meanWait).toBeGreaterThan(0);
      const one = ok(predictAll(flow(30, service, 1)).get('h'));
      expect(one.prediction.model).toBe('M/G/1');
      expect(one.prediction.exact).toBe(true);
    }
  });

  it('flags an overloaded unbounded queue', () => {
    const p = ok(predictAll(flow(100, { dist: 'exponential', mean: 0.012 }, 1)).get('h'));
    expect(p.prediction.rho).toBeGreaterThanOrEqual(1);
    expect(p.prediction.stable).toBe(false);
  });

  it('says why when there is no prediction', () => {
    const f = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
    const producer = f.nodes[0] as Extract<FlowNode, { kind: 'producer' }>;
    producer.config.interarrival = { dist: 'uniform', min: 0.01, max: 0.03 };
    expect(reason(predictAll(f).get('h'))).toMatch(/uniform intervals, not Poisson/);

    const failing = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
    (failing.nodes[2] as Extract<FlowNode, { kind: 'handler' }>).config.failureRate = 0.1;
    expect(reason(predictAll(failing).get('h'))).toMatch(/failed messages go back/);

    const bounded = flow(50, { dist: 'lognormal', mean: 0.01, stddev: 0.005 }, 1);
    (bounded.nodes[1] as Extract<FlowNode, { kind: 'queue' }>).config.capacity = 10;
    expect(reason(predictAll(bounded).get('h'))).toMatch(/bounded queue/);

    const poisoned = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
    (poisoned.nodes[2] as Extract<FlowNode, { kind: 'handler' }>).config.failsOn = ['bad'];
    expect(reason(predictAll(poisoned).get('h'))).toMatch(/cannot process some event types/);

    const templates = new Map(TEMPLATES.map((t) => [t.id, predictAll(ok2(t.json))]));
    expect(reason(templates.get('kafka-stream')!.get('handler-1'))).toMatch(/stream/);
    expect(reason(templates.get('cqrs-orders')!.get('handler-1'))).toMatch(/go back into “Command queue”/);
    // Every handler of every template has either a figure or a reason.
    for (const m of templates.values())
      for (const p of m.values()) expect(p.ok || p.reason.length > 0).toBe(true);
    const signup = templates.get('signup-topic')!;
    // Topic subscriptions are at least once (Flow JSON v2): a failing subscriber's retries add arrivals.
    expect(reason(signup.get('handler-1'))).toMatch(/failed messages go back into “user.signed-up”/);
    expect(ok(signup.get('handler-2')).prediction.model).toBe('M/G/1');
  });

  it('M/G/1 with network time on the queue → handler edge agrees with the simulation', () => {
    const f = flow(50, { dist: 'exponential', mean: 0.01 }, 1, { dist: 'constant', value: 0.004 });
    const p = ok(predictAll(f).get('h'));
    expect(p.prediction.model).toBe('M/G/1');
    expect(p.prediction.rho).toBeCloseTo(0.7);
    const created = createSimulation(f, { seed: 5, duration: 4000, warmup: 100 });
    if (!created.ok) throw new Error('flow refused');
    created.sim.advanceTo(4000);
    const measured = created.sim.report().nodes.h!.wait.mean;
    expect(Math.abs(measured / p.prediction.meanWait - 1)).toBeLessThan(0.08);
  });

  it('the delivery window: prefetch slots are the servers, held for latency + service + acknowledgement', () => {
    const c = (value: number): Dist => ({ dist: 'constant', value });
    const f = flow(50, { dist: 'exponential', mean: 0.01 }, 4, c(0.004));
    Object.assign(f.edges[1]!, { prefetch: 1, ackLatency: c(0.002) });
    const p = ok(predictAll(f).get('h'));
    expect(p.load.servers).toBe(1);
    expect(p.prediction.model).toBe('M/G/1');
    expect(p.prediction.rho).toBeCloseTo(0.8, 12);
    const created = createSimulation(f, { seed: 11, duration: 8000, warmup: 200 });
    if (!created.ok) throw new Error('flow refused');
    created.sim.advanceTo(8000);
    const h = created.sim.report().nodes.h!;
    // Pollaczek–Khinchine for the bus's wait; the workers are busy only while serving: λS/c.
    expect(Math.abs(h.wait.mean / p.prediction.meanWait - 1)).toBeLessThan(0.08);
    expect(h.utilization).toBeCloseTo((50 * 0.01) / 4, 2);

    // A window wider than the workers with network time pipelines: no model, and why.
    Object.assign(f.edges[1]!, { prefetch: 8 });
    expect(reason(predictAll(f).get('h'))).toMatch(/prefetch of 8 is above its 4 worker/);
    // Without network time a wider window is the workers again.
    const plain = flow(50, { dist: 'exponential', mean: 0.01 }, 2);
    Object.assign(plain.edges[1]!, { prefetch: 8 });
    expect(ok(predictAll(plain).get('h')).load.servers).toBe(2);
  });

  it('says why for a handler that calls a dependency', () => {
    const calling = flow(100, { dist: 'exponential', mean: 0.012 }, 2);
    calling.nodes.push({
      id: 'db',
      kind: 'dependency',
      label: 'Accounts DB',
      position: { x: 900, y: 0 },
      config: { pool: 4, service: { dist: 'constant', value: 0.002 } },
    });
    calling.edges.push({ id: 'e3', source: 'h', target: 'db' });
    expect(reason(predictAll(calling).get('h'))).toMatch(/^it calls “Accounts DB” during each job/);
  });

  it('says why for expiry, leases and ordering by key', () => {
    const queue = (config: object) => {
      const f = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
      Object.assign(f.nodes[1]!.config, config);
      return predictAll(f).get('h');
    };
    expect(reason(queue({ ttl: { dist: 'constant', value: 1 } }))).toMatch(/expire/);
    expect(reason(queue({ lease: 30 }))).toMatch(/lease runs out/);
    expect(reason(queue({ orderBy: 'key' }))).toMatch(/one message per key/);
  });

  it('a queue that a topic or a stream dead-letters into has more than Poisson arrivals (Flow JSON v2)', () => {
    for (const source of [
      { id: 'src', kind: 'topic', position: { x: 0, y: 0 }, config: { deadLetter: 'q' } },
      {
        id: 'src',
        kind: 'stream',
        position: { x: 0, y: 0 },
        config: { partitions: 1, onFailure: 'dead-letter', deadLetter: 'q' },
      },
    ] satisfies FlowNode[]) {
      const f = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
      f.nodes.push(source);
      expect(reason(predictAll(f).get('h'))).toMatch(/receives dead letters from “src”/);
    }
  });

  it('a fan-in of 100,000 edges is predicted at once (the edge lists grow in place)', () => {
    const f = flow(50, { dist: 'exponential', mean: 0.01 }, 1);
    for (let i = 0; i < 100_000; i++) f.edges.push({ id: `x${i}`, source: 'h', target: 'q' });
    const start = performance.now();
    predictAll(f);
    // A hang guard, not a speed target: quadratic edge lists froze the page at this size.
    expect(performance.now() - start).toBeLessThan(15_000);
  });
});

function ok2(json: unknown): Flow {
  const r = parseFlow(json);
  if (!r.ok) throw new Error('template refused');
  return r.flow;
}
