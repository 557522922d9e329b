// A figure over replications as text: "84 ms ± 6 ms", or the mean alone without an interval.
import { NO_DATA } from '../../model/format';
import type { Estimate } from './sweepAnalysis';

export function estimateText(e: Estimate | undefined, format: (v: number) => string): string {
  if (!e || e.mean === null) return NO_DATA;
  return e.half === null ? format(e.mean) : `${format(e.mean)} ± ${format(e.half)}`;
}
