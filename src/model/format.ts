// Human-readable figures for summaries and the metrics panel.

const group = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const short = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export function formatCount(n: number): string {
  return group.format(n);
}

export function formatNumber(n: number): string {
  return short.format(n);
}

/** Seconds as "850 µs", "12 ms", "1.5 s", "2 min". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const a = Math.abs(seconds);
  if (a === 0) return '0 ms';
  if (a < 1e-3) return `${short.format(seconds * 1e6)} µs`;
  if (a < 1) return `${short.format(seconds * 1e3)} ms`;
  if (a < 120) return `${short.format(seconds)} s`;
  if (a < 7200) return `${short.format(seconds / 60)} min`;
  return `${short.format(seconds / 3600)} h`;
}

export function formatRate(perSecond: number): string {
  return `${short.format(perSecond)}/s`;
}
