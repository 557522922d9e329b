// A figure over replications as text: its mean and the half-width of its 95 % interval, in one
// unit ("17.9 ± 0.71 ms", not "17.9 ms ± 711 µs"), or the mean alone without an interval.
import { formatDuration, NO_DATA } from '../../model/format';
import type { Estimate } from './sweepAnalysis';

const three = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });
const two = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 2 });

/** The unit formatDuration would print `seconds` in, and the factor into it. */
function durationUnit(seconds: number): [string, number] {
  const a = Math.abs(seconds);
  if (a === 0) return ['ms', 1e3];
  if (a < 1e-3) return ['µs', 1e6];
  if (a < 1) return ['ms', 1e3];
  if (a < 120) return ['s', 1];
  if (a < 7200) return ['min', 1 / 60];
  return ['h', 1 / 3600];
}

export function estimateText(e: Estimate | undefined, format: (v: number) => string): string {
  if (!e || e.mean === null) return NO_DATA;
  return e.half === null ? format(e.mean) : `${format(e.mean)} ± ${format(e.half)}`;
}

/** A duration over replications, the interval in the mean's unit. */
export function durationText(e: Estimate | undefined): string {
  if (!e || e.mean === null) return NO_DATA;
  if (e.half === null) return formatDuration(e.mean);
  const [unit, k] = durationUnit(e.mean);
  return `${three.format(e.mean * k)} ± ${two.format(e.half * k)} ${unit}`;
}
