// Producer: emits events of one type at random intervals; nothing flows into it.
import { describeArrivals } from '../describe';
import { type Dist, distSchema } from '../dist';
import { nonEmptyText, numberFrom, openObject, seconds, wholeAtLeast } from '../fields';
import { formatCount, formatDuration } from '../format';
import { MAX_BURST, MAX_COUNT, MAX_KEY_SKEW, MAX_KEYS, MAX_SKEWED_KEYS, MIN_INTERARRIVAL } from '../limits';
import { type ProfilePoint, profileSchema } from '../profile';
import { moments } from '../theory';
import { closed, defineKind, OPEN } from './modelKind';

/**
 * Why a producer with this interarrival time (and `count` and load `profile`, if any) would never
 * let time advance, or null. Its mean (as the engine samples it: a normal is truncated at 0)
 * divided by the profile's highest factor must be at least 1 µs: faster, it emits without end at
 * one instant, or as good as (a million events every simulated second). A faster producer with a
 * `count` of at most MAX_BURST sends a finite burst.
 */
export function endlessArrivals(
  interarrival: Dist,
  count?: number,
  profile?: readonly ProfilePoint[],
): string | null {
  const peak = peakFactor(profile);
  const mean = moments(interarrival).mean / peak;
  if (mean >= MIN_INTERARRIVAL || (count !== undefined && count <= MAX_BURST)) return null;
  const at = peak > 1 ? ` at the profile's peak (factor ${formatCount(peak)})` : '';
  const now = mean === 0 ? 'is always 0' : `averages ${formatDuration(mean)}${at}`;
  const least = `the mean interarrival time must be at least 1 µs (${formatCount(1 / MIN_INTERARRIVAL)} events/s)${at ? ' at every point of the profile' : ''}`;
  return count === undefined
    ? `${now}: the producer would emit without end at one instant; ${least}, or set "count" for a finite burst`
    : `${now}: a burst of ${formatCount(count)} events at one instant is more than this app runs (at most ${formatCount(MAX_BURST)}); ${least}, or lower "count"`;
}

/** The highest factor a profile reaches: 1 before its first point, each point's after it. */
function peakFactor(profile: readonly ProfilePoint[] | undefined): number {
  let peak = !profile?.length || profile[0]!.at > 0 ? 1 : 0;
  for (const p of profile ?? []) peak = Math.max(peak, p.factor);
  return peak;
}

const config = openObject({
  eventType: nonEmptyText('event type'),
  interarrival: distSchema,
  count: wholeAtLeast(1, MAX_COUNT).optional(),
  start: seconds().optional(),
  keys: wholeAtLeast(1, MAX_KEYS).optional(),
  /** Zipf exponent s over the keys: key k of N drawn with probability ∝ 1/k^s; 0 is uniform. */
  keySkew: numberFrom(0, MAX_KEY_SKEW).optional(),
  /** Rate over time: the base rate × factor from each point on (ramp: linearly from the previous). */
  profile: profileSchema.optional(),
}).superRefine((c, ctx) => {
  if (c.keySkew !== undefined && c.keys === undefined)
    ctx.addIssue({
      code: 'custom',
      message: 'needs keys (how many distinct keys to skew over)',
      path: ['keySkew'],
      input: c.keySkew,
    });
  if (c.keySkew && typeof c.keys === 'number' && c.keys > MAX_SKEWED_KEYS)
    ctx.addIssue({
      code: 'custom',
      message: `must be at most ${formatCount(MAX_SKEWED_KEYS)} with keySkew (skewed keys are drawn from a table of them)`,
      path: ['keys'],
      input: c.keys,
    });
  // Refinements run even when a field failed; only a valid distribution has a mean to check.
  if (!distSchema.safeParse(c.interarrival).success) return;
  const profile = profileSchema.safeParse(c.profile).success ? c.profile : undefined;
  const endless = endlessArrivals(c.interarrival, c.count, profile);
  if (endless)
    ctx.addIssue({ code: 'custom', message: endless, path: ['interarrival'], input: c.interarrival });
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
