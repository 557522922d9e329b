// Distributions of times (seconds). Every parameter is 0 or between 1 ns and about 32 years
// (fields.ts, limits.ts), so every draw is a finite number ≥ 0: an exponential draw is at most
// about 23 × its mean, a normal one its mean + 7 stddevs, and a lognormal's spread is bounded
// (MAX_LOGNORMAL_CV) so that neither its parameters nor its draws overflow or underflow.
import { z } from 'zod';
import { assertNever } from './assertNever';
import { positiveSeconds, seconds } from './fields';
import { formatCount } from './format';
import { MAX_LOGNORMAL_CV, MAX_SECONDS } from './limits';

export const DIST_KINDS = ['constant', 'exponential', 'uniform', 'normal', 'lognormal'] as const;
export type DistKind = (typeof DIST_KINDS)[number];

const inRange = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= MAX_SECONDS;

const constant = z.looseObject({ dist: z.literal('constant'), value: seconds() });
const exponential = z.looseObject({ dist: z.literal('exponential'), mean: positiveSeconds() });
const uniform = z
  .looseObject({ dist: z.literal('uniform'), min: seconds(), max: seconds() })
  .refine((d) => d.max >= d.min, { error: 'must be ≥ min', path: ['max'] });
const normal = z.looseObject({ dist: z.literal('normal'), mean: seconds(), stddev: seconds() });
const lognormal = z
  .looseObject({
    dist: z.literal('lognormal'),
    mean: positiveSeconds(),
    stddev: seconds(),
  })
  // (Refinements run even when a field failed; such a field has its own message already.)
  .refine((d) => !inRange(d.mean) || !inRange(d.stddev) || d.stddev <= d.mean * MAX_LOGNORMAL_CV, {
    error: `must be at most ${formatCount(MAX_LOGNORMAL_CV)} × mean (a wider lognormal's draws overflow or vanish)`,
    path: ['stddev'],
  });

export const distSchema = z.discriminatedUnion('dist', [constant, exponential, uniform, normal, lognormal], {
  error: (iss) =>
    iss.input === undefined
      ? 'is required'
      : `must be a distribution: { "dist": ${DIST_KINDS.map((k) => `"${k}"`).join(' | ')}, … }`,
});

export type Dist = z.infer<typeof distSchema>;

/** Mean of the distribution as the engine samples it (normal is truncated at 0, which shifts its mean). */
export function distMean(d: Dist): number {
  switch (d.dist) {
    case 'constant':
      return d.value;
    case 'exponential':
      return d.mean;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return d.mean;
    default:
      return assertNever(d, 'distribution');
  }
}

/** A distribution of the given kind with roughly the same mean, for switching kinds in the inspector. */
export function convertDist(d: Dist, kind: DistKind): Dist {
  const m = distMean(d) || 0.01;
  switch (kind) {
    case 'constant':
      return { dist: 'constant', value: m };
    case 'exponential':
      return { dist: 'exponential', mean: m };
    case 'uniform':
      return { dist: 'uniform', min: m / 2, max: (m * 3) / 2 };
    case 'normal':
      return { dist: 'normal', mean: m, stddev: m / 4 };
    case 'lognormal':
      return { dist: 'lognormal', mean: m, stddev: m / 2 };
    default:
      return assertNever(kind, 'distribution kind');
  }
}
