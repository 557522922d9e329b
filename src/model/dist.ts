import { z } from 'zod';
import { assertNever } from './assertNever';
import { atLeast, positive } from './fields';

export const DIST_KINDS = ['constant', 'exponential', 'uniform', 'normal', 'lognormal'] as const;
export type DistKind = (typeof DIST_KINDS)[number];

const constant = z.looseObject({ dist: z.literal('constant'), value: atLeast(0, 's') });
const exponential = z.looseObject({ dist: z.literal('exponential'), mean: positive('s') });
const uniform = z
  .looseObject({ dist: z.literal('uniform'), min: atLeast(0, 's'), max: atLeast(0, 's') })
  .refine((d) => d.max >= d.min, { error: 'must be ≥ min', path: ['max'] });
const normal = z.looseObject({ dist: z.literal('normal'), mean: atLeast(0, 's'), stddev: atLeast(0, 's') });
const lognormal = z.looseObject({
  dist: z.literal('lognormal'),
  mean: positive('s'),
  stddev: atLeast(0, 's'),
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
