// What a bus does with a message until it is acknowledged (Flow JSON version 2): how often it is
// delivered, where a failed or lease-expired one goes and when, how long it may wait. Queues and
// topic subscriptions share these fields; streams have their own failure handling.
import { z } from 'zod';
import { describeDist } from './describe';
import { distSchema, type Dist } from './dist';
import { nonEmptyText, numberFrom, oneOf, openObject, positiveSeconds, wholeAtLeast } from './fields';
import { formatDuration } from './format';
import { MAX_BACKOFF_MULTIPLIER, MAX_DELIVERIES } from './limits';

export const DELIVERIES = ['at-least-once', 'at-most-once'] as const;
export const RETRY_POSITIONS = ['tail', 'head'] as const;
export const JITTERS = ['none', 'full', 'equal'] as const;
export const STREAM_FAILURES = ['block', 'dead-letter', 'drop'] as const;

/** Delay before the n-th retry: min(max, initial × multiplier^(n−1)), with optional jitter. */
export const backoffSchema = openObject({
  initial: positiveSeconds(),
  multiplier: numberFrom(1, MAX_BACKOFF_MULTIPLIER).optional(),
  max: positiveSeconds().optional(),
  jitter: oneOf(JITTERS).optional(),
}).refine((b) => b.max === undefined || b.max >= b.initial, {
  error: 'must be ≥ initial',
  path: ['max'],
});

/** Where a failed or lease-expired message goes, and after how long. */
export const retrySchema = openObject({
  position: oneOf(RETRY_POSITIONS).optional(),
  delay: distSchema.optional(),
  backoff: backoffSchema.optional(),
}).refine((r) => r.delay === undefined || r.backoff === undefined, {
  error: 'give either delay or backoff, not both',
  path: ['backoff'],
});

export type Retry = z.infer<typeof retrySchema>;
export type Backoff = z.infer<typeof backoffSchema>;

/** Fields a queue and a topic share (a topic's apply to each subscription). */
export const deliveryFields = {
  delivery: oneOf(DELIVERIES).optional(),
  maxDeliveries: wholeAtLeast(1, MAX_DELIVERIES).optional(),
  deadLetter: nonEmptyText('node id').optional(),
  /** Time to live, drawn per message as it enters the bus. */
  ttl: distSchema.optional(),
  /** Visibility timeout / ack deadline: seconds a delivered message may stay unacknowledged. */
  lease: positiveSeconds().optional(),
  retry: retrySchema.optional(),
};

/** What these fields mean when absent. */
export const DELIVERY_DEFAULTS = {
  delivery: 'at-least-once',
  maxDeliveries: 5,
  retryPosition: 'tail',
  backoffMultiplier: 2,
  jitter: 'none',
  onFailure: 'drop',
} as const;

/** The delivery settings a node's one-line summary mentions: a lease and a time to live, when set. */
export function deliverySummary(c: { lease?: number | undefined; ttl?: Dist | undefined }): string[] {
  const parts: string[] = [];
  if (c.lease !== undefined) parts.push(`lease ${formatDuration(c.lease)}`);
  if (c.ttl)
    parts.push(`ttl ${c.ttl.dist === 'constant' ? formatDuration(c.ttl.value) : describeDist(c.ttl)}`);
  return parts;
}
