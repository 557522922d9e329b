// Number formatting for the metrics panel: compact, fixed-width-friendly, honest about "no data".
export const NO_DATA = '–';
/** One formatter, reused: toLocaleString builds a new one per call, which shows in profiles. */
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export function fmtCount(n: number | undefined): string {
  if (n === undefined || !Number.isFinite(n)) return NO_DATA;
  return whole.format(n);
}

/** Seconds shown in the unit that keeps 3 significant digits readable. */
export function fmtSeconds(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return NO_DATA;
  if (s === 0) return '0';
  if (s < 1e-3) return `${(s * 1e6).toPrecision(3)} µs`;
  if (s < 1) return `${(s * 1e3).toPrecision(3)} ms`;
  return `${s.toPrecision(3)} s`;
}

export function fmtPercent(u: number | undefined): string {
  if (u === undefined || !Number.isFinite(u)) return NO_DATA;
  return `${(u * 100).toFixed(1)} %`;
}

export function fmtRate(r: number): string {
  if (!Number.isFinite(r)) return NO_DATA;
  return r >= 100 ? `${whole.format(r)}/s` : `${r.toPrecision(2)}/s`;
}
