// A producer's load profile (Flow JSON v2): its rate over time as a factor on the base rate, in
// steps and ramps. From each point's `at` the factor is the point's; with `ramp` it moves there
// linearly from the previous point (the first from factor 1 at time 0). The engine runs a
// profiled producer on a changed clock — operational time Λ(t) = ∫₀ᵗ factor — so that any
// interarrival distribution keeps its shape, scaled by 1/factor, and the app draws the same
// curve; both read it through the segments below.
import { z } from 'zod';
import { openObject, seconds } from './fields';
import { MAX_PROFILE_FACTOR, MAX_PROFILE_POINTS } from './limits';

const factorText = `must be a number from 0 to ${MAX_PROFILE_FACTOR.toLocaleString('en-US')}`;

export const profilePointSchema = openObject({
  at: seconds(),
  factor: z
    .number({ error: factorText })
    .min(0, { error: factorText })
    .max(MAX_PROFILE_FACTOR, { error: factorText }),
  ramp: z.boolean({ error: 'must be true or false' }).optional(),
});

export const profileSchema = z
  .array(profilePointSchema, { error: 'must be a list of { at, factor } points' })
  .max(MAX_PROFILE_POINTS, {
    error: `must have at most ${MAX_PROFILE_POINTS.toLocaleString('en-US')} points`,
  })
  .superRefine((points, ctx) => {
    for (let i = 1; i < points.length; i++) {
      if (points[i]!.at <= points[i - 1]!.at) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'at'],
          message: `must be later than the previous point's ${points[i - 1]!.at} s`,
        });
      }
    }
  });

export type ProfilePoint = z.infer<typeof profilePointSchema>;

/**
 * The factor as segments: segment j starts at `start[j]` with factor `factor[j]` and changes at
 * `slope[j]` per second until the next start; the last runs for ever at a constant factor.
 * `tau[j]` is Λ at the segment's start.
 */
export interface ProfileSegments {
  start: Float64Array;
  factor: Float64Array;
  slope: Float64Array;
  tau: Float64Array;
}

export function profileSegments(points: readonly ProfilePoint[]): ProfileSegments {
  const n = points.length + 1;
  const s: ProfileSegments = {
    start: new Float64Array(n),
    factor: new Float64Array(n),
    slope: new Float64Array(n),
    tau: new Float64Array(n),
  };
  s.factor[0] = 1;
  for (let j = 0; j < points.length; j++) {
    const next = points[j]!;
    const length = next.at - s.start[j]!;
    const end = next.ramp ? next.factor : s.factor[j]!;
    s.slope[j] = length > 0 ? (end - s.factor[j]!) / length : 0;
    s.start[j + 1] = next.at;
    s.factor[j + 1] = next.factor;
    s.tau[j + 1] = s.tau[j]! + ((s.factor[j]! + end) / 2) * length;
  }
  return s;
}

/** The segment holding time t (the last whose start ≤ t), searching on from `from`. */
export function segmentAt(s: ProfileSegments, t: number, from = 0): number {
  let j = from;
  while (j + 1 < s.start.length && s.start[j + 1]! <= t) j++;
  return j;
}

/** The factor at time t. */
export function factorAt(s: ProfileSegments, t: number): number {
  const j = segmentAt(s, t);
  return Math.max(0, s.factor[j]! + s.slope[j]! * (t - s.start[j]!));
}

/** Λ(t): operational time at time t, with segment j holding t. */
export function operationalTime(s: ProfileSegments, j: number, t: number): number {
  const dt = t - s.start[j]!;
  return s.tau[j]! + s.factor[j]! * dt + (s.slope[j]! * dt * dt) / 2;
}

/**
 * The earliest time t ≥ s.start[from] with Λ(t) ≥ tau, and its segment; Infinity when the factor
 * stays 0 before Λ reaches tau. Segments are searched from `from` on (a producer's clock only
 * moves forward).
 */
export function timeAtOperational(
  s: ProfileSegments,
  tau: number,
  from: number,
): { t: number; segment: number } {
  let j = from;
  while (j + 1 < s.start.length && s.tau[j + 1]! < tau) j++;
  const delta = tau - s.tau[j]!;
  if (delta <= 0) return { t: s.start[j]!, segment: j };
  const f0 = s.factor[j]!;
  const a = s.slope[j]!;
  if (a === 0) return { t: f0 > 0 ? s.start[j]! + delta / f0 : Infinity, segment: j };
  // (a/2)·dt² + f0·dt − delta = 0, in the form that does not cancel when a·delta is small.
  const disc = f0 * f0 + 2 * a * delta;
  const dt = (2 * delta) / (f0 + Math.sqrt(Math.max(0, disc)));
  return { t: s.start[j]! + dt, segment: j };
}

/** The earliest time ≥ t at which the factor is or turns positive; Infinity when it never does. */
export function firstActive(s: ProfileSegments, t: number): number {
  for (let j = segmentAt(s, t); j < s.start.length; j++) {
    const from = Math.max(t, s.start[j]!);
    if (s.factor[j]! + s.slope[j]! * (from - s.start[j]!) > 0 || s.slope[j]! > 0) return from;
  }
  return Infinity;
}
