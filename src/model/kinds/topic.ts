// Topic: publish/subscribe; every outgoing edge is a subscription that gets its own copy.
import { describeCapacity } from '../describe';
import { deliveryFields, deliverySummary } from '../delivery';
import { openObject, wholeAtLeast } from '../fields';
import { MAX_CAPACITY } from '../limits';
import { defineKind, OPEN } from './modelKind';

/** Capacity and delivery settings apply to each subscription, as to a queue. */
const config = openObject({ capacity: wholeAtLeast(0, MAX_CAPACITY).optional(), ...deliveryFields });

export const topic = defineKind(config)({
  kind: 'topic',
  label: 'Topic',
  fieldDefaults: { capacity: Infinity, delivery: 'at-least-once', maxDeliveries: 5 },
  newConfig: () => ({}),
  summary: (c) =>
    [
      'pub/sub',
      ...(c.capacity === undefined ? [] : [describeCapacity(c.capacity)]),
      ...deliverySummary(c),
    ].join(' · '),
  input: OPEN,
  output: OPEN,
  bus: true,
});
