// Phrases for node summaries ("exp 12 ms", "Poisson 80/s", "cap 1,000"), shared by the kinds.
import { assertNever } from './assertNever';
import type { Dist } from './dist';
import { formatCount, formatDuration, formatRate } from './format';

export function describeDist(d: Dist): string {
  switch (d.dist) {
    case 'constant':
      return `const ${formatDuration(d.value)}`;
    case 'exponential':
      return `exp ${formatDuration(d.mean)}`;
    case 'uniform':
      return `uniform ${formatDuration(d.min)}–${formatDuration(d.max)}`;
    case 'normal':
      return `normal ${formatDuration(d.mean)} ± ${formatDuration(d.stddev)}`;
    case 'lognormal':
      return `lognormal ${formatDuration(d.mean)} ± ${formatDuration(d.stddev)}`;
    default:
      return assertNever(d, 'distribution');
  }
}

/** An arrival process described by its rate where that reads better ("Poisson 80/s", "every 10 ms"). */
export function describeArrivals(d: Dist): string {
  if (d.dist === 'exponential') return `Poisson ${formatRate(1 / d.mean)}`;
  if (d.dist === 'constant')
    return d.value > 0 ? `every ${formatDuration(d.value)} (${formatRate(1 / d.value)})` : 'all at once';
  return describeDist(d);
}

export const describeCapacity = (c: number | undefined) =>
  c === undefined ? 'unbounded' : `cap ${formatCount(c)}`;
