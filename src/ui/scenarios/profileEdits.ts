// Small decisions of the profile editor, kept pure for tests.
import { formatCount, formatRate } from '../../model/format';
import type { ProfilePoint } from '../../model/profile';

/**
 * The point "Add point" appends: a tenth of the run after the last point (so the run shows it),
 * doubling the load when it is the first, otherwise back to the base rate.
 */
export function nextProfilePoint(points: readonly ProfilePoint[], duration: number): ProfilePoint {
  const step = Number.isFinite(duration) && duration > 0 ? duration / 10 : 10;
  const last = points[points.length - 1];
  if (!last) return { at: tidy(step), factor: 2 };
  return { at: tidy(last.at + step), factor: 1 };
}

const tidy = (v: number): number => Number.parseFloat(v.toPrecision(6));

/** The folded section's line: "steady 80/s", or "3 points · 40/s to 240/s". */
export function profileSummary(points: readonly ProfilePoint[], base: number): string {
  if (!points.length) return `steady ${formatRate(base)}`;
  // The base rate holds until the first point, unless that point is at 0.
  const factors = [...(points[0]!.at > 0 ? [1] : []), ...points.map((p) => p.factor)];
  const low = Math.min(...factors);
  const high = Math.max(...factors);
  return `${formatCount(points.length)} point${points.length === 1 ? '' : 's'} · ${formatRate(base * low)} to ${formatRate(base * high)}`;
}
