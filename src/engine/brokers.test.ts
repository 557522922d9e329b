// Flow JSON v2's broker semantics against closed forms: the delivery window, leases, attempts
// under independent failures, expiry as Erlang-A, Zipf keys and hot partitions, ordered queues.
// Tolerances are a few standard errors of each estimate (run lengths chosen so that is ≤ 2–5 %).
import { describe, expect, it } from 'vitest';
import type { Dist } from '../model/dist';
import type { FlowEdge } from '../model/flow';
import { erlangA } from '../model/theory';
import { hashKey } from './keys';
import { zipfAlias } from './kinds/producer';
import { Rng } from './rng';
import {
  constant,
  exp,
  flowOf,
  handler,
  producer,
  queue,
  replicate,
  run,
  store,
  stream,
  topic,
} from './testing/flows';

const window = (source: string, target: string, extra: Partial<FlowEdge>): FlowEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  ...extra,
});

describe('the delivery window', () => {
  /** A backlog that never empties in front of c workers: what comes out is the window's capacity. */
  const saturated = (c: number, S: number, prefetch: number, latency: Dist, ackLatency: Dist) =>
    flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(1 / (3 * Math.max(c / S, 1))) }),
        queue('q'),
        handler('h', { concurrency: c, service: constant(S) }),
      ],
      ['p->q', window('q', 'h', { prefetch, latency, ackLatency })],
    );

  it('constant times: throughput = min(c/S, prefetch/(S + R)); workers are busy only while serving', () => {
    const c = 4;
    const S = 0.01;
    const R = 0.02 + 0.03;
    for (const prefetch of [1, 2, 5, 10, 40]) {
      const { report } = run(saturated(c, S, prefetch, constant(0.02), constant(0.03)), 1, 30, 5);
      const h = report.nodes.h!;
      const expected = Math.min(c / S, prefetch / (S + R));
      expect(h.throughput / expected - 1, `prefetch ${prefetch}`).toBeCloseTo(0, 2);
      expect(h.utilization).toBeCloseTo((expected * S) / c, 2);
    }
  });

  it('RabbitMQ’s example, 50 ms each way and 4 ms of work: 3.8 % busy at prefetch 1, saturated at 26', () => {
    const rabbit = (prefetch: number) =>
      run(saturated(1, 0.004, prefetch, constant(0.05), constant(0.05)), 1, 60, 5).report.nodes.h!;
    const one = rabbit(1);
    expect(one.utilization).toBeCloseTo(0.004 / 0.104, 3);
    expect((one.utilization * 100).toFixed(1)).toBe('3.8');
    expect(rabbit(26).utilization).toBeGreaterThan(0.999);
    // One below: 25 slots over a 104 ms round trip give 240/s of the 250/s the worker could do.
    expect(rabbit(25).utilization).toBeCloseTo(25 / 26, 2);
  });
});

describe('leases', () => {
  /** Ample workers, redelivery at once when a lease runs out. */
  const leased = (service: Dist, lease: number, maxDeliveries: number, source = { interarrival: exp(0.2) }) =>
    flowOf(
      [
        producer('p', { eventType: 'e', ...source }),
        queue('q', { lease, maxDeliveries, retry: { delay: constant(0) }, deadLetter: 'dlq' }),
        handler('h', { concurrency: 500, service }),
        queue('dlq'),
      ],
      ['p->q', 'q->h'],
    );

  it('exponential service μ, lease T: expected deliveries Σₖ e^(−μT·k(k+1)/2), the extras duplicates', () => {
    for (const muT of [0.5, 1, 2]) {
      const expected = Array.from({ length: 40 }, (_, k) => Math.exp((-muT * k * (k + 1)) / 2)).reduce(
        (a, b) => a + b,
      );
      if (muT === 1) expect(expected).toBeCloseTo(1.4202, 4);
      const { report } = run(leased(exp(1), muT, 1000), 3, 4000, 0);
      const copies = report.nodes.p!.out;
      const h = report.nodes.h!;
      // A few messages are still in service at the end: fewer than 0.1 % of 20,000.
      expect(h.in / copies, `μT = ${muT}`).toBeCloseTo(expected, 1);
      expect(Math.abs(h.in / copies - expected)).toBeLessThan(0.02);
      expect(h.duplicates / copies).toBeCloseTo(expected - 1, 1);
      // Every copy is delivered at once, and every redelivery starts at once.
      expect(h.in).toBe(copies + report.nodes.q!.redelivered);
      expect(report.totals.deadLettered).toBe(0);
    }
  });

  it('constant service S > T: ⌈S/T⌉ deliveries; past maxDeliveries healthy messages are dead-lettered', () => {
    const fifty = { interarrival: constant(10), count: 50 };
    const three = run(leased(constant(2.5), 1, 5, fifty), 1, 1000, 0).report;
    expect(three.nodes.h!.in).toBe(3 * 50);
    expect(three.nodes.h!.duplicates).toBe(2 * 50);
    expect(three.totals.completed).toBe(50);
    expect(three.totals.deadLettered).toBe(0);

    const two = run(leased(constant(2.5), 1, 2, fifty), 1, 1000, 0).report;
    // The second lease runs out at 2 s with delivery 2 of 2: the message goes to the dead-letter
    // queue though its first delivery would have completed at 2.5 s.
    expect(two.nodes.q!.deadLettered).toBe(two.nodes.p!.out);
    expect(two.totals.completed).toBe(0);
    expect(two.nodes.dlq!.queueDepth.max).toBe(two.nodes.p!.out);
  });
});

describe('independent failures', () => {
  it('f with n deliveries: (1 − fⁿ)/(1 − f) attempts and fⁿ dead-lettered, on queues, subscriptions and streams', () => {
    const f = 0.4;
    const consumer = handler('h', {
      concurrency: 8,
      service: constant(0.001),
      failureRate: f,
      retryDelay: constant(0.01),
    });
    const source = producer('p', { eventType: 'e', interarrival: exp(0.02) });
    for (const n of [1, 2, 4]) {
      const buses = [
        queue('b', { maxDeliveries: n, deadLetter: 'dlq' }),
        topic('b', { maxDeliveries: n, deadLetter: 'dlq' }),
        stream('b', { partitions: 8, onFailure: 'dead-letter', maxDeliveries: n, deadLetter: 'dlq' }),
      ];
      for (const bus of buses) {
        const { report } = run(flowOf([source, bus, consumer, queue('dlq')], ['p->b', 'b->h']), 2, 2000, 0);
        const copies = report.nodes.p!.out;
        const attempts = report.nodes.h!.in / copies;
        const what = `${bus.kind}, n = ${n}`;
        expect(Math.abs(attempts / ((1 - f ** n) / (1 - f)) - 1), what).toBeLessThan(0.02);
        expect(Math.abs(report.nodes.b!.deadLettered / copies - f ** n), what).toBeLessThan(0.01);
      }
    }
  });
});

describe('expiry', () => {
  it('exponential TTL θ before c exponential workers is Erlang-A (M/M/c+M): c = 4, μ = 1, λ = 4, θ = 0.5', () => {
    const theory = erlangA({ arrivalRate: 4, servers: 4, serviceRate: 1, patienceRate: 0.5 });
    expect(theory.abandon).toBeCloseTo(0.163, 3);
    expect(theory.servedWait).toBeCloseTo(0.304, 3);
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(0.25) }),
        queue('q', { ttl: exp(2) }),
        handler('h', { concurrency: 4, service: exp(1) }),
      ],
      ['p->q', 'q->h'],
    );
    const expired = replicate(
      flow,
      4,
      10_000,
      200,
      (r) => r.nodes.q!.expired / (r.nodes.q!.expired + r.nodes.h!.in),
    );
    const wait = replicate(flow, 4, 10_000, 200, (r) => r.nodes.h!.wait.mean);
    expect(Math.abs(expired.mean - theory.abandon)).toBeLessThan(Math.max(4 * expired.se, 0.004));
    expect(Math.abs(wait.mean / theory.servedWait - 1)).toBeLessThan(0.03);
  });

  it('an expired message is dead-lettered where the bus says; `expired` is an end state that balances', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(0.1) }),
        queue('q', { ttl: constant(0.5) }),
        handler('h', { concurrency: 1, service: constant(0.3) }),
      ],
      ['p->q', 'q->h'],
    );
    const { report } = run(flow, 1, 100, 0);
    // One worker, 0.3 s each, 10 arrivals a second: about 1 in 3 is served, the rest expire.
    expect(report.nodes.h!.in / report.nodes.p!.out).toBeCloseTo(1 / 3, 1);
    const t = report.totals;
    expect(t.expired).toBeGreaterThan(500);
    expect(t.emitted).toBe(t.completed + t.dropped + t.expired + t.lost + t.deadLettered + t.inFlight);
    (flow.nodes[1]!.config as { deadLetter?: string }).deadLetter = 'dlq';
    flow.nodes.push(queue('dlq'));
    const moved = run(flow, 1, 100, 0).report;
    expect(moved.totals.expired).toBe(0);
    expect(moved.nodes.q!.deadLettered).toBe(t.expired);
    // The dead-letter queue keeps them: its depth is what it holds, and the oldest one's age shows.
    expect(moved.nodes.dlq!.queueDepth.max).toBe(t.expired);
    expect(moved.nodes.dlq!.age.max).toBeGreaterThan(90);
  });
});

describe('keys', () => {
  it('Zipf s = 1 over 1,000 keys: the top key 13.4 %, the top ten 39 %', () => {
    const { alias, prob } = zipfAlias(1000, 1);
    const rng = new Rng(5);
    const counts = new Float64Array(1000);
    const N = 1_000_000;
    for (let i = 0; i < N; i++) {
      const u = rng.next() * 1000;
      const k = Math.floor(u);
      counts[u - k < prob[k]! ? k : alias[k]!]!++;
    }
    const H = (n: number) => Array.from({ length: n }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b);
    expect(1 / H(1000)).toBeCloseTo(0.134, 3);
    expect(H(10) / H(1000)).toBeCloseTo(0.391, 3);
    // Binomial standard errors: 0.00034 and 0.00049.
    expect(Math.abs(counts[0]! / N - 1 / H(1000))).toBeLessThan(0.0015);
    const top10 = counts.slice(0, 10).reduce((a, b) => a + b) / N;
    expect(Math.abs(top10 - H(10) / H(1000))).toBeLessThan(0.002);
  });

  it('a partition saturates when λ × its share ≥ μ of its worker: its lag grows at λ·share − μ, the rest stay short', () => {
    const P = 12;
    const keys = 1000;
    const H = Array.from({ length: keys }, (_, k) => 1 / (k + 1)).reduce((a, b) => a + b);
    const share = new Float64Array(P);
    for (let k = 0; k < keys; k++) share[hashKey(k) % P]! += 1 / (k + 1) / H;
    const sorted = [...share].sort((a, b) => b - a);
    const hot = share.indexOf(sorted[0]!);
    const mu = 100;
    const lambda = (1.25 * mu) / sorted[0]!;
    // Every other partition is below its worker's capacity.
    expect(lambda * sorted[1]!).toBeLessThan(0.9 * mu);
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(1 / lambda), keys, keySkew: 1 }),
        stream('s', { partitions: P }),
        handler('h', { concurrency: P, service: exp(1 / mu) }),
      ],
      ['p->s', 's->h'],
    );
    const T = 400;
    const { report } = run(flow, 4, T, 0);
    const partitions = report.nodes.s!.partitions!;
    const growth = (lambda * sorted[0]! - mu) * T;
    expect(Math.abs(partitions[hot]!.depthMax / growth - 1)).toBeLessThan(0.06);
    for (let p = 0; p < P; p++) if (p !== hot) expect(partitions[p]!.depthMax).toBeLessThan(0.05 * growth);
  });
});

describe('ordered queues', () => {
  it('one key, ten workers: one message in delivery at a time, so the key goes at 1/(S + R)', () => {
    const ordered = (orderBy?: 'key') =>
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(0.001), keys: 1 }),
          queue('q', orderBy ? { orderBy } : {}),
          handler('h', { concurrency: 10, service: constant(0.01) }),
          store('s'),
        ],
        ['p->q', window('q', 'h', { latency: constant(0.005), ackLatency: constant(0.005) }), 'h->s'],
      );
    expect(run(ordered('key'), 1, 20, 2).report.nodes.h!.throughput).toBeCloseTo(1 / 0.02, 0);
    expect(run(ordered(), 1, 20, 2).report.nodes.h!.throughput).toBeCloseTo(10 / 0.02, -1);
  });
});
