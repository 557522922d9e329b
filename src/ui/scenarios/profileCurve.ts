// The offered rate of a profiled producer, drawn and read the way the engine runs it: through the
// model's segments, so the sparkline and the "offered now" figure cannot disagree with a run.
import type { Dist } from '../../model/dist';
import { distMean } from '../../model/dist';
import { factorAt, type ProfilePoint, profileSegments } from '../../model/profile';

/** The producer's base rate (events/s): 1 / mean interarrival; 0 when the mean is 0 or less. */
export function baseRate(interarrival: Dist): number {
  const mean = distMean(interarrival);
  return mean > 0 ? 1 / mean : 0;
}

/** The rate offered at time t: base × factor. */
export function offeredRate(points: readonly ProfilePoint[] | undefined, base: number, t: number): number {
  return points?.length ? base * factorAt(profileSegments(points), t) : base;
}

/** The time span worth drawing: the run, stretched to show the last point and a little after it. */
export function profileHorizon(points: readonly ProfilePoint[] | undefined, duration: number): number {
  const last = points?.length ? points[points.length - 1]!.at : 0;
  const span = Number.isFinite(duration) && duration > 0 ? duration : 60;
  return Math.max(span, last * 1.1, 1);
}

/**
 * The factor as (time, factor) corners over [0, horizon]: each segment's start and end, so a step
 * is a vertical jump and a ramp a straight line, exactly (the factor is piecewise linear).
 */
export function factorCorners(points: readonly ProfilePoint[], horizon: number): [number, number][] {
  const s = profileSegments(points);
  const corners: [number, number][] = [];
  for (let j = 0; j < s.start.length && s.start[j]! < horizon; j++) {
    const from = s.start[j]!;
    const to = j + 1 < s.start.length ? Math.min(s.start[j + 1]!, horizon) : horizon;
    corners.push([from, s.factor[j]!], [to, Math.max(0, s.factor[j]! + s.slope[j]! * (to - from))]);
  }
  return corners;
}

/** An SVG path of the corners in a w × h box, 0 at the bottom and `top` at the top. */
export function cornersPath(
  corners: readonly [number, number][],
  horizon: number,
  top: number,
  w: number,
  h: number,
): string {
  const y = (f: number) => (top > 0 ? h - (f / top) * h : h);
  return corners.map(([t, f], i) => `${i ? 'L' : 'M'}${round((t / horizon) * w)} ${round(y(f))}`).join(' ');
}

const round = (v: number): number => Math.round(v * 10) / 10;

/** The highest factor over the corners (at least 1, so a steady producer sits at mid-height or lower). */
export const peakFactor = (corners: readonly [number, number][]): number =>
  corners.reduce((m, [, f]) => Math.max(m, f), 1);
