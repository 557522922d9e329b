// Synchronous calls to dependencies against closed forms and exact counts (docs/engine.md, "Dependencies").
import { describe, expect, it } from 'vitest';
import type { FlowEdge } from '../model/flow';
import { erlangC } from '../model/theory';
import {
  constant,
  dependency,
  exp,
  flowOf,
  handler,
  producer,
  queue,
  replicate,
  run,
  store,
} from './testing/flows';

const call = (source: string, target: string, fields: Partial<FlowEdge> = {}): FlowEdge => ({
  id: `${source}->${target}`,
  source,
  target,
  ...fields,
});

/** Producer → handler (enough workers that none waits) → dependency. */
const caller = (rate: number, dep: Parameters<typeof dependency>[1], edge: Partial<FlowEdge> = {}) =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1 / rate) }),
      handler('h', { concurrency: 2000, service: constant(0) }),
      dependency('d', dep),
    ],
    ['p->h', call('h', 'd', edge)],
  );

describe('dependencies', () => {
  it('a pool of c slots is an M/M/c queue to its callers: pool wait = C(c, a)/(cμ − λ)', () => {
    const lambda = 1.5;
    const flow = caller(lambda, { pool: 2, service: exp(1) });
    const wq = erlangC(2, lambda) / (2 - lambda);
    const wait = replicate(flow, 8, 4000, 400, (r) => r.nodes.d!.wait.mean);
    expect(Math.abs(wait.mean - wq)).toBeLessThan(4 * wait.se + 0.02);
    const { report } = run(flow, 3, 4000, 400);
    // The caller's worker is held for the whole call: its service is the call's sojourn.
    expect(report.nodes.h!.service.mean).toBeCloseTo(report.nodes.d!.sojourn.mean, 9);
    expect(report.nodes.d!.utilization).toBeCloseTo(lambda / 2, 1);
    expect(report.nodes.d!.calls).toBe(report.nodes.h!.calls);
  });

  it('failures: attempts per call (1 − pⁿ)/(1 − p), calls that fail every attempt pⁿ', () => {
    for (const [p, n] of [
      [0.3, 4],
      [0.5, 3],
    ] as const) {
      const { report } = run(
        caller(50, { pool: 50, service: exp(0.01), failureRate: p }, { attempts: n }),
        7,
        400,
      );
      const h = report.nodes.h!;
      const perCall = h.attempts / h.calls;
      // Binomial noise over ~20,000 calls: well under 1 %.
      expect(Math.abs(perCall / ((1 - p ** n) / (1 - p)) - 1)).toBeLessThan(0.02);
      expect(Math.abs(h.failed / h.calls - p ** n)).toBeLessThan(0.01);
      expect(h.timeouts).toBe(0);
    }
  });

  it('timeouts: p = measured share of attempts abandoned, attempts per call (1 − pⁿ)/(1 − p); abandoned attempts are still served', () => {
    // Exponential service of mean 1 s, no pool wait, timeout 1.2 s: P(abandon) = e^(−1.2) ≈ 0.301.
    const { report } = run(
      caller(20, { pool: 1000, service: exp(1) }, { attempts: 3, timeout: 1.2 }),
      11,
      1000,
      50,
    );
    const h = report.nodes.h!;
    const d = report.nodes.d!;
    const p = h.timeouts / h.attempts;
    expect(Math.abs(p - Math.exp(-1.2))).toBeLessThan(0.01);
    expect(Math.abs(h.attempts / h.calls / ((1 - p ** 3) / (1 - p)) - 1)).toBeLessThan(0.01);
    expect(Math.abs(h.failed / h.calls - p ** 3)).toBeLessThan(0.01);
    // The dependency cannot tell: it answers abandoned attempts too (wasted work).
    expect(d.timeouts).toBe(h.timeouts);
    expect(Math.abs(d.out - d.in)).toBeLessThan(0.01 * d.in);
  });

  it('an abandoned attempt keeps its slot until served: with every attempt timing out, all are still served', () => {
    // One slot, 1 s each, callers give up after 0.5 s, one attempt each, a call every 2 s: exact.
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(2), count: 10 }),
        handler('h', { concurrency: 1, service: constant(0) }),
        dependency('d', { pool: 1, service: constant(1) }),
      ],
      ['p->h', call('h', 'd', { timeout: 0.5 })],
    );
    const { report } = run(flow, 1, 100);
    expect(report.nodes.h!.timeouts).toBe(10);
    expect(report.nodes.h!.failed).toBe(10);
    expect(report.nodes.d!.out).toBe(10);
    expect(report.nodes.d!.utilization).toBeCloseTo(10 / 100, 9);
    // Each job held its worker 0.5 s, the timeout, not the 1 s the dependency took.
    expect(report.nodes.h!.service.mean).toBeCloseTo(0.5, 9);
    expect(report.totals.lost).toBe(10);
  });

  it('nested retries multiply: a queue delivering r + 1 times, each job trying r + 1 times, makes (r + 1)^L attempts', () => {
    for (const r of [1, 2, 3]) {
      const layer1 = flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1), count: 20 }),
          handler('h', { concurrency: 1, service: constant(0.001) }),
          dependency('d', { pool: 1, service: constant(0.001), failureRate: 1 }),
        ],
        ['p->h', call('h', 'd', { attempts: r + 1 })],
      );
      expect(run(layer1, 1, 100).report.nodes.d!.attempts).toBe(20 * (r + 1));
      const layer2 = flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1), count: 20 }),
          queue('q', { maxDeliveries: r + 1 }),
          handler('h', { concurrency: 1, service: constant(0.001) }),
          dependency('d', { pool: 1, service: constant(0.001), failureRate: 1 }),
        ],
        ['p->q', 'q->h', call('h', 'd', { attempts: r + 1 })],
      );
      const { report } = run(layer2, 1, 100);
      expect(report.nodes.d!.attempts).toBe(20 * (r + 1) ** 2);
      expect(report.nodes.d!.calls).toBe(20 * (r + 1));
      expect(report.totals.lost + report.totals.deadLettered + report.totals.dropped).toBe(20);
    }
  });

  it('calls per job, over two dependencies in turn: the job holds its worker for all of them', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(1), count: 5 }),
        handler('h', { concurrency: 1, service: constant(0.1) }),
        dependency('a', { pool: 1, service: constant(0.2) }),
        dependency('b', { pool: 1, service: constant(0.05) }),
        store('s'),
      ],
      ['p->h', call('h', 'a', { calls: 3 }), call('h', 'b'), 'h->s'],
    );
    const { report } = run(flow, 1, 100);
    expect(report.nodes.a!.calls).toBe(15);
    expect(report.nodes.b!.calls).toBe(5);
    expect(report.nodes.h!.service.mean).toBeCloseTo(0.1 + 3 * 0.2 + 0.05, 9);
    expect(report.nodes.s!.in).toBe(5);
    expect(report.endToEnd.mean).toBeCloseTo(0.75, 9);
  });

  it('a dependency outage of D with retries at delays d₁…dₙ₋₁ dead-letters ≈ λ·max(0, D − Σ dₖ)', () => {
    // λ = 100/s, D = 60 s: immediate retries dead-letter every message of the outage (≈ 6,000);
    // four retries 30 s apart outlast it, and none is dead-lettered.
    const outage = (retry: 'immediate' | 'backoff') => ({
      ...flowOf(
        [
          producer('p', { eventType: 'e', interarrival: exp(0.01) }),
          queue(
            'q',
            retry === 'immediate'
              ? { maxDeliveries: 1, deadLetter: 'dlq' }
              : { maxDeliveries: 5, deadLetter: 'dlq', retry: { delay: constant(30) } },
          ),
          queue('dlq'),
          handler('h', { concurrency: 50, service: exp(0.001) }),
          dependency('d', { pool: 50, service: exp(0.01) }),
        ],
        ['p->q', 'q->h', call('h', 'd', retry === 'immediate' ? { attempts: 5 } : {})],
      ),
      faults: [{ at: 20, duration: 60, target: 'd', kind: 'crash' as const }],
    });
    const immediate = run(outage('immediate'), 4, 300).report;
    // Poisson: standard deviation √6,000 ≈ 77.
    expect(Math.abs(immediate.totals.deadLettered - 6000)).toBeLessThan(300);
    expect(immediate.nodes.h!.attempts - immediate.nodes.h!.calls).toBeGreaterThan(4 * 5500);
    const backoff = run(outage('backoff'), 4, 300).report;
    expect(backoff.totals.deadLettered).toBe(0);
    expect(backoff.faults![0]!.deadLettered).toBe(0);
    expect(immediate.faults![0]!.deadLettered).toBe(immediate.totals.deadLettered);
  });

  it('a crash fails the attempts in service at once; answers due from before it are void', () => {
    const flow = {
      ...flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1), count: 3 }),
          handler('h', { concurrency: 3, service: constant(0) }),
          dependency('d', { pool: 3, service: constant(10) }),
        ],
        ['p->h', call('h', 'd')],
      ),
      faults: [{ at: 5, duration: 1, target: 'd', kind: 'crash' as const }],
    };
    const { report } = run(flow, 1, 100);
    // Calls made at 0, 1, 2 s would answer at 10, 11, 12 s; the crash at 5 s fails all three then.
    expect(report.nodes.d!.failed).toBe(3);
    expect(report.nodes.d!.out).toBe(0);
    expect(report.nodes.h!.failed).toBe(3);
    expect(report.nodes.h!.service.max).toBeCloseTo(5, 9);
  });

  it('backoff spaces the attempts: min(max, initial × multiplier^(n−1)) before the n-th retry', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: constant(1), count: 1 }),
        handler('h', { concurrency: 1, service: constant(0) }),
        dependency('d', { pool: 1, service: constant(0.5), failureRate: 1 }),
      ],
      ['p->h', call('h', 'd', { attempts: 4, backoff: { initial: 1, multiplier: 3, max: 5 } })],
    );
    const { report } = run(flow, 1, 100);
    // Four attempts of 0.5 s and waits of 1, 3 and 5 s (9 s capped at 5).
    expect(report.nodes.h!.service.mean).toBeCloseTo(4 * 0.5 + 1 + 3 + 5, 9);
  });

  it('a handler crash drops its calls: the dependency still serves what it was sent, and the message is redelivered', () => {
    const flow = {
      ...flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(10), count: 1 }),
          queue('q'),
          handler('h', { concurrency: 1, service: constant(0) }),
          dependency('d', { pool: 1, service: constant(3) }),
          store('s'),
        ],
        ['p->q', 'q->h', call('h', 'd'), 'h->s'],
      ),
      faults: [{ at: 1, duration: 1, target: 'h', kind: 'crash' as const }],
    };
    const { report } = run(flow, 1, 100);
    // Call at 0 s (served until 3 s); the crash at 1 s takes the job; taken again at the restart
    // (2 s), its call waits for the slot until 3 s and is served until 6 s.
    expect(report.nodes.d!.out).toBe(2);
    expect(report.nodes.q!.redelivered).toBe(1);
    expect(report.nodes.s!.in).toBe(1);
    expect(report.endToEnd.mean).toBeCloseTo(6, 9);
  });
});
