// Retry delays stay finite times however many retries a message has had (issue 13, item 13: a
// NaN or infinite time would break the clock).
import { describe, expect, it } from 'vitest';
import type { Backoff } from '../model/delivery';
import { MAX_BACKOFF_MULTIPLIER, MAX_SECONDS } from '../model/limits';
import { DEFAULT_LIMITS } from './api';
import { Engine } from './engine';
import { retryDelay } from './retry';
import { constant, exp, flowOf, handler, producer, stream } from './testing/flows';
import { compileTopology } from './topology';

/** An engine over a stream that blocks on failure with this backoff, and the stream's and handler's numbers. */
function engineWith(backoff: Backoff) {
  const flow = flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1) }),
      stream('s', { partitions: 1, onFailure: 'block', retry: { backoff } }),
      handler('h', { concurrency: 1, service: constant(0.1), failureRate: 1 }),
    ],
    ['p->s', 's->h'],
  );
  const topo = compileTopology(flow);
  const eng = new Engine(topo, {
    seed: 1,
    duration: 10,
    warmup: 0,
    seriesInterval: 0,
    limits: DEFAULT_LIMITS,
  });
  return { eng, s: topo.nodeIds.indexOf('s'), h: topo.nodeIds.indexOf('h') };
}

describe('backoff', () => {
  it('without a max stops growing at the longest a run can last, so every draw is a finite time', () => {
    // A stream that blocks retries without a limit: the 1,000th retry of the steepest backoff.
    for (const jitter of ['none', 'full', 'equal'] as const) {
      const { eng, s, h } = engineWith({ initial: 1, multiplier: MAX_BACKOFF_MULTIPLIER, jitter });
      for (const n of [1, 2, 5, 1000, 1e6]) {
        const d = retryDelay(eng, s, h, n);
        expect(Number.isFinite(d), `${jitter}, retry ${n}: ${d}`).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(MAX_SECONDS);
      }
      if (jitter === 'none') expect(retryDelay(eng, s, h, 1000)).toBe(MAX_SECONDS);
    }
  });

  it('keeps its own max and grows by its multiplier up to it', () => {
    const { eng, s, h } = engineWith({ initial: 0.5, multiplier: 3, max: 10 });
    expect([1, 2, 3, 4, 50].map((n) => retryDelay(eng, s, h, n))).toEqual([0.5, 1.5, 4.5, 10, 10]);
  });
});
