// Figures over replications: every number of a report becomes its mean over the runs of a point,
// and the half-width of its 95 % t-interval (Student's t with R − 1 degrees of freedom: the runs
// are independent, so the spread between them is an honest error even where observations inside
// one run are correlated). Wall time is left out (0): it varies from run to run, and a sweep's
// document must be the same however its runs were spread over workers or shards.
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
import { bucketHalfWidth } from '../histogram';
import type { SimulationReport } from '../api';
import type { Aggregate, ReportStat } from './types';

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

/**
 * Mean and 95 % half-width of `xs` (null when any is null, or, for the half-width, when R < 2);
 * for a percentile, the half-width grows by the mean bucket half-width (see above).
 */
export function meanAndHalfWidth(
  xs: readonly (number | null)[],
  percentile = false,
): {
  mean: number | null;
  half: number | null;
} {
  if (xs.some((x) => x === null) || xs.length === 0) return { mean: null, half: null };
  const v = xs as number[];
  let sum = 0;
  for (const x of v) sum += x;
  const mean = sum / v.length;
  if (v.length < 2) return { mean, half: null };
  let ss = 0;
  for (const x of v) ss += (x - mean) ** 2;
  const half = t975(v.length - 1) * Math.sqrt(ss / (v.length - 1) / v.length);
  if (!percentile) return { mean, half };
  let rounding = 0;
  for (const x of v) rounding += bucketHalfWidth(x);
  return { mean, half: half + rounding / v.length };
}

/**
 * The mean and the half-width of every number in `reports` (same shape: reports of one flow),
 * walking the first; lists (partitions, faults) go element by element.
 */
export function aggregateReports(reports: readonly SimulationReport[]): {
  mean: ReportStat;
  ci95: ReportStat;
} {
  const plain = reports.map((r) => ({ ...r, wallMs: 0 }));
  return {
    mean: walk(plain, 'mean') as ReportStat,
    ci95: walk(plain, 'half') as ReportStat,
  };
}

function walk(values: readonly unknown[], which: 'mean' | 'half', key = ''): Aggregate<unknown> {
  const first = values[0];
  if (typeof first === 'number' || first === null) {
    const xs = values.map((v) => (typeof v === 'number' ? v : null));
    return meanAndHalfWidth(xs, PERCENTILES.has(key))[which];
  }
  if (Array.isArray(first)) {
    return first.map((_, i) =>
      walk(
        values.map((v) => (v as unknown[])[i] ?? null),
        which,
      ),
    );
  }
  if (typeof first === 'object') {
    // Null prototype: node ids such as "__proto__" are keys like any other.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(first)) {
      out[key] = walk(
        values.map((v) => (v as Record<string, unknown>)[key]),
        which,
        key,
      );
    }
    return out;
  }
  // Text (a node's kind, a fault's target): the same in every run.
  return first;
}
