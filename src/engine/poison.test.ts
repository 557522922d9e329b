// A poison message (an event type the handler cannot process) on a stream: head-of-line blocking
// of its partition under onFailure "block", and the partition moving on under "dead-letter".
import { describe, expect, it } from 'vitest';
import { constant, flowOf, handler, producer, queue, run, stream } from './testing/flows';

const poisoned = (onFailure: 'block' | 'dead-letter') =>
  flowOf(
    [
      producer('orders', { eventType: 'ok', interarrival: constant(0.01), keys: 40 }),
      producer('bad', { eventType: 'poison', interarrival: constant(1), count: 1, start: 10 }),
      stream('s', {
        partitions: 4,
        onFailure,
        maxDeliveries: 3,
        deadLetter: 'dlq',
        retry: { delay: constant(0.5) },
      }),
      queue('dlq'),
      handler('h', { concurrency: 4, service: constant(0.001), failsOn: ['poison'] }),
    ],
    ['orders->s', 'bad->s', 's->h'],
  );

describe('poison messages', () => {
  it('"block": the poisoned partition stops for good while the others keep up', () => {
    const { report } = run(poisoned('block'), 1, 100);
    const lags = report.nodes.s!.partitions!.map((p) => p.depthMax).sort((a, b) => b - a);
    // 100 events/s over 4 partitions by key: the poisoned one holds what arrived after 10 s (≈ 25/s × 90 s).
    expect(lags[0]).toBeGreaterThan(1800);
    expect(lags[1]).toBeLessThanOrEqual(2);
    // Retried in place every 0.5 s for 90 s, never given up.
    expect(report.nodes.h!.failed).toBeGreaterThan(170);
    expect(report.totals.deadLettered).toBe(0);
  });

  it('"dead-letter": after maxDeliveries the poison message goes to the dead-letter queue and the partition moves on', () => {
    const { report } = run(poisoned('dead-letter'), 1, 100);
    expect(report.nodes.h!.failed).toBe(3);
    expect(report.nodes.dlq!.in).toBe(1);
    expect(Math.max(...report.nodes.s!.partitions!.map((p) => p.depthMax))).toBeLessThan(60);
  });
});
