// Queue: point to point; each message goes to one consumer, and is redelivered after a failure
// when delivery is at least once.
import { describeCapacity } from '../describe';
import { deliveryFields, deliverySummary } from '../delivery';
import { oneOf, openObject, wholeAtLeast } from '../fields';
import { MAX_CAPACITY } from '../limits';
import { defineKind, OPEN } from './modelKind';

export { DELIVERIES } from '../delivery';
export const OVERFLOWS = ['drop-newest', 'drop-oldest', 'block'] as const;
export const ORDER_BY = ['key'] as const;

const config = openObject({
  capacity: wholeAtLeast(0, MAX_CAPACITY).optional(),
  overflow: oneOf(OVERFLOWS).optional(),
  ...deliveryFields,
  /** At most one message per key in delivery at a time (SQS FIFO message groups, Service Bus sessions). */
  orderBy: oneOf(ORDER_BY).optional(),
});

export const queue = defineKind(config)({
  kind: 'queue',
  label: 'Queue',
  fieldDefaults: { capacity: Infinity, overflow: 'drop-newest', delivery: 'at-least-once', maxDeliveries: 5 },
  newConfig: () => ({ capacity: 1000, overflow: 'drop-newest', delivery: 'at-least-once', maxDeliveries: 5 }),
  summary: (c) => {
    const parts = [describeCapacity(c.capacity)];
    if (c.capacity !== undefined) parts.push((c.overflow ?? 'drop-newest').replace('-', ' '));
    if (c.delivery === 'at-most-once') parts.push('at most once');
    if (c.orderBy === 'key') parts.push('ordered by key');
    parts.push(...deliverySummary(c));
    return parts.join(' · ');
  },
  input: OPEN,
  output: OPEN,
  bus: true,
});
