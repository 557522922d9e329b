import { describe, expect, it } from 'vitest';
import { describeDelivery, describeRetry, describeStreamFailure } from './deliverySummary';

describe('folded section summaries', () => {
  it('say what the defaults mean when nothing is set', () => {
    expect(describeDelivery({})).toBe(
      "at least once · 5 deliveries · no lease · retry after the handler's delay",
    );
    expect(describeStreamFailure({ partitions: 3 })).toBe('a failed message is dropped');
  });

  it('name every field that is set', () => {
    expect(
      describeDelivery({
        maxDeliveries: 20,
        lease: 30,
        ttl: { dist: 'constant', value: 345600 },
        orderBy: 'key',
        deadLetter: 'dlq',
        retry: { position: 'head', delay: { dist: 'constant', value: 30 } },
      }),
    ).toBe(
      'at least once · 20 deliveries · lease 30 s · retry to the front after const 30 s · TTL const 96 h · one at a time per key · dead letters to dlq',
    );
    expect(describeRetry({ backoff: { initial: 10, max: 600, jitter: 'full' } })).toBe(
      'retry after backoff 10 s ×2 up to 10 min, full jitter',
    );
    expect(describeStreamFailure({ partitions: 3, onFailure: 'dead-letter', maxDeliveries: 3 })).toBe(
      "retry after the handler's delay, dead-lettered after 3 deliveries (dropped)",
    );
  });
});
