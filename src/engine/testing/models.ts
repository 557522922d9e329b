// The queueing models the accuracy tests check and bench/accuracy.ts tabulates, written once so
// the printed table always describes the flows the tests run (test-only).
import type { SimulationReport } from '../api';
import type { Dist } from '../../model/dist';
import type { Flow } from '../../model/flow';
import { constant, exp, flowOf, handler, producer, queue } from './flows';

/** Poisson arrivals at `lambda` into one queue (waiting room `capacity`) feeding `servers` workers. */
export const mmc = (lambda: number, servers: number, service: Dist = exp(1), capacity?: number): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'job', interarrival: exp(1 / lambda) }),
      queue('q', capacity === undefined ? {} : { capacity }),
      handler('h', { concurrency: servers, service }),
    ],
    ['p->q', 'q->h'],
  );

/** Two single-worker handlers `a` and `b` competing on one queue at λ = 1.6, μ = 1: an M/M/2 at ρ = 0.8. */
export const competingPair = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'job', interarrival: exp(1 / 1.6) }),
      queue('q'),
      handler('a', { concurrency: 1, service: exp(1) }),
      handler('b', { concurrency: 1, service: exp(1) }),
    ],
    ['p->q', 'q->a', 'q->b'],
  );

/** Mean wait over several handlers, each weighted by how many messages it took. */
export function pooledWait(r: SimulationReport, ids: readonly string[]): number {
  let total = 0;
  let count = 0;
  for (const id of ids) {
    const w = r.nodes[id]!.wait;
    total += w.mean * w.count;
    count += w.count;
  }
  return total / count;
}

/** Every processing fails with probability 0.5; at most 3 deliveries, then the `dlq` queue. */
export const failingQueue = (delivery: 'at-least-once' | 'at-most-once' = 'at-least-once'): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1) }),
      queue('q', { delivery, maxDeliveries: 3, deadLetter: 'dlq' }),
      handler('h', {
        concurrency: 4,
        service: constant(0.001),
        failureRate: 0.5,
        retryDelay: constant(0.01),
      }),
      queue('dlq'),
    ],
    ['p->q', 'q->h'],
  );
