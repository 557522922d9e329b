// Load profiles in the engine: a profiled producer runs on the clock Λ(t) = ∫ factor, so its
// emissions fall where Λ crosses each gap, and a step in load moves M/M/1 to its new steady state.
import { describe, expect, it } from 'vitest';
import type { ProfilePoint } from '../model/profile';
import { createEngineSimulation } from './simulation';
import { constant, exp, flowOf, handler, producer, queue, replicate, store } from './testing/flows';

const emitted = (profile: ProfilePoint[], times: number[]): number[] => {
  const flow = flowOf(
    [producer('p', { eventType: 'e', interarrival: constant(1), profile }), store('s')],
    ['p->s'],
  );
  const sim = createEngineSimulation(flow, { seed: 1, duration: 100, warmup: 0 });
  return times.map((t) => {
    sim.advanceTo(t);
    return sim.report().nodes.p!.out;
  });
};

describe('load profiles in the engine', () => {
  it('a step doubles the rate from its time on: emissions every 1 s, then every 0.5 s', () => {
    // 0, 1, …, 10, then 10.5, 11, …, 20.
    expect(emitted([{ at: 10, factor: 2 }], [9.99, 10, 20])).toEqual([10, 11, 31]);
  });

  it('a ramp from 1 to 3 over 10 s: emission k where Λ(t) = t + t²/10 reaches k', () => {
    const tk = (k: number) => 5 * (Math.sqrt(1 + 0.4 * k) - 1);
    const at = [tk(7) - 1e-9, tk(7) + 1e-9, tk(19) + 1e-9];
    expect(emitted([{ at: 10, factor: 3, ramp: true }], at)).toEqual([7, 8, 20]);
  });

  it('a factor of 0 stops the producer for its window; the clock resumes where it stopped', () => {
    const out = emitted(
      [
        { at: 5.5, factor: 0 },
        { at: 8, factor: 1 },
      ],
      [5.4, 8.4, 8.6, 12],
    );
    // 0 … 5, nothing in [5.5, 8), then 8.5, 9.5, 10.5, 11.5.
    expect(out).toEqual([6, 6, 7, 10]);
  });

  it('a step in load: after it, M/M/1 settles at the new steady state (λ 0.5 → 0.8, μ = 1)', () => {
    const flow = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(2), profile: [{ at: 1000, factor: 1.6 }] }),
        queue('q'),
        handler('h', { concurrency: 1, service: exp(1) }),
      ],
      ['p->q', 'q->h'],
    );
    // Measured from 2,000 s on: the queue forgets the old load within a few hundred seconds.
    const sojourn = replicate(flow, 6, 20_000, 2000, (r) => r.nodes.h!.sojourn.mean);
    expect(Math.abs(sojourn.mean - 1 / (1 - 0.8))).toBeLessThan(Math.max(4 * sojourn.se, 0.25));
    const rate = replicate(flow, 3, 20_000, 2000, (r) => r.nodes.h!.throughput);
    expect(rate.mean).toBeCloseTo(0.8, 1);
    // Before the step: the old steady state, 1/(1 − 0.5).
    const before = replicate(flow, 6, 1000, 100, (r) => r.nodes.h!.sojourn.mean);
    expect(Math.abs(before.mean - 2)).toBeLessThan(Math.max(4 * before.se, 0.15));
  });

  it('Poisson arrivals under a profile: emitted ≈ λ·Λ(T)', () => {
    const profile: ProfilePoint[] = [
      { at: 100, factor: 4, ramp: true },
      { at: 200, factor: 0.5 },
    ];
    const flow = flowOf(
      [producer('p', { eventType: 'e', interarrival: exp(0.1), profile }), store('s')],
      ['p->s'],
    );
    // Λ(300): the ramp from 1 at 0 to 4 at 100 s is 250, then 100 s at 4 is 400, then 100 s at
    // 0.5 is 50: 700, so 7,000 events expected (Poisson: standard deviation √7,000).
    const sim = createEngineSimulation(flow, { seed: 9, duration: 300, warmup: 0 });
    sim.advanceTo(300);
    const n = sim.report().nodes.p!.out;
    expect(Math.abs(n - 7000)).toBeLessThan(4 * Math.sqrt(7000));
  });
});
