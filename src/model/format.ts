// How the app prints figures: one way each for a count, a duration, a rate and a percentage, the
// same on the canvas, in the inspector and in the metrics panel. Missing figures print as NO_DATA.

/** Shown for a figure that does not exist yet (no run) or is not finite. */
export const NO_DATA = '–';

// Built once and reused: toLocaleString builds a new formatter per call, which shows in profiles.
const group = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const short = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

const missing = (n: number | undefined): n is undefined => n === undefined || !Number.isFinite(n);

/** A whole count with digit grouping: "1,234". */
export function formatCount(n: number | undefined): string {
  return missing(n) ? NO_DATA : group.format(n);
}

/** A figure that need not be whole, such as a mean count, to 3 significant digits: "0.42", "1,230". */
export function formatAmount(n: number | undefined): string {
  return missing(n) ? NO_DATA : short.format(n);
}

/** Seconds in the unit that reads best: "850 µs", "12 ms", "1.5 s", "2 min", "3 h". */
export function formatDuration(seconds: number | undefined): string {
  if (missing(seconds)) return NO_DATA;
  const a = Math.abs(seconds);
  if (a === 0) return '0 ms';
  if (a < 1e-3) return `${short.format(seconds * 1e6)} µs`;
  if (a < 1) return `${short.format(seconds * 1e3)} ms`;
  if (a < 120) return `${short.format(seconds)} s`;
  if (a < 7200) return `${short.format(seconds / 60)} min`;
  return `${short.format(seconds / 3600)} h`;
}

/** Events per second: "80/s", "4.5/s". */
export function formatRate(perSecond: number | undefined): string {
  return missing(perSecond) ? NO_DATA : `${short.format(perSecond)}/s`;
}

/** A fraction as a percentage: 0.796 → "79.6%". */
export function formatPercent(fraction: number | undefined): string {
  return missing(fraction) ? NO_DATA : `${short.format(fraction * 100)}%`;
}
