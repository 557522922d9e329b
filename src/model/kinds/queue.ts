// Queue: point to point; each message goes to one consumer, and is redelivered after a failure
// when delivery is at least once.
import { describeCapacity } from '../describe';
import { nonEmptyText, oneOf, openObject, wholeAtLeast } from '../fields';
import { MAX_CAPACITY, MAX_DELIVERIES } from '../limits';
import { defineKind, OPEN } from './modelKind';

export const OVERFLOWS = ['drop-newest', 'drop-oldest', 'block'] as const;
export const DELIVERIES = ['at-least-once', 'at-most-once'] as const;

const config = openObject({
  capacity: wholeAtLeast(0, MAX_CAPACITY).optional(),
  overflow: oneOf(OVERFLOWS).optional(),
  delivery: oneOf(DELIVERIES).optional(),
  maxDeliveries: wholeAtLeast(1, MAX_DELIVERIES).optional(),
  deadLetter: nonEmptyText('node id').optional(),
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
    return parts.join(' · ');
  },
  input: OPEN,
  output: OPEN,
  bus: true,
});
