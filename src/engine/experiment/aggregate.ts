// The statistics of figures over replications (fold.ts computes them as runs come in): every
// number of a report becomes its mean over the runs of a point, and the half-width of its 95 %
// t-interval (Student's t with R − 1 degrees of freedom: the runs are independent, so the spread
// between them is an honest error even where observations inside one run are correlated). Wall
// time is left out (0): it varies from run to run, and a sweep's document must be the same
// however its runs were spread over workers or shards.
//
// Percentiles (p50, p95, p99) are read from histogram buckets: each run reports its bucket's
// midpoint, within half a bucket (1/129 of the value at most) of its exact percentile, and so
// the mean of R of them is within the mean of those half-widths of the mean of the exact ones.
// The spread between runs cannot show that rounding: when every run lands in one bucket the
// t-interval is ±0, though the exact values may lie anywhere in the bucket, and an objective
// whose target falls inside it would be "met with 95 % confidence" on no evidence. So a
// percentile's half-width is the t-interval's plus that rounding bound: a bound added to a
// bound, since rounding is not noise around 0 that more runs would average away (runs in one
// bucket share it).

/** t(0.975, ν) for ν = 1 … 30; beyond, the normal 1.96 with Cornish–Fisher's first correction. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
export const t975 = (df: number): number => {
  if (df < 1) return NaN;
  if (df <= 30) return T975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df);
};

/** The report's figures read from histogram buckets (in every Stats: end to end, wait, service, sojourn). */
export const PERCENTILES: ReadonlySet<string> = new Set(['p50', 'p95', 'p99']);
