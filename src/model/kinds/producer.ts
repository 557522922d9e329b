// Producer: emits events of one type at random intervals; nothing flows into it.
import { describeArrivals } from '../describe';
import { distSchema } from '../dist';
import { atLeast, nonEmptyText, openObject, wholeAtLeast } from '../fields';
import { formatCount } from '../format';
import { profileSchema } from '../profile';
import { closed, defineKind, OPEN } from './modelKind';

const config = openObject({
  eventType: nonEmptyText('event type'),
  interarrival: distSchema,
  count: wholeAtLeast(1).optional(),
  start: atLeast(0, 's').optional(),
  keys: wholeAtLeast(1).optional(),
  /** Zipf exponent s over the keys: key k of N drawn with probability ∝ 1/k^s; 0 is uniform. */
  keySkew: atLeast(0).optional(),
  /** Rate over time: the base rate × factor from each point on (ramp: linearly from the previous). */
  profile: profileSchema.optional(),
}).refine((c) => c.keySkew === undefined || c.keys !== undefined, {
  error: 'needs keys (how many distinct keys to skew over)',
  path: ['keySkew'],
});

export const producer = defineKind(config)({
  kind: 'producer',
  label: 'Producer',
  fieldDefaults: { start: 0 },
  newConfig: () => ({ eventType: 'order.placed', interarrival: { dist: 'exponential', mean: 0.0125 } }),
  summary: (c) => {
    const parts = [describeArrivals(c.interarrival)];
    if (c.count !== undefined) parts.push(`${formatCount(c.count)} events`);
    if (c.keys !== undefined)
      parts.push(`${formatCount(c.keys)} keys${c.keySkew ? ` · Zipf ${formatCount(c.keySkew)}` : ''}`);
    return parts.join(' · ');
  },
  input: closed('nothing flows into a producer: it only emits events'),
  output: OPEN,
  bus: false,
});
