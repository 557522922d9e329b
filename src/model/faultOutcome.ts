// What each fault did, after (or during) a run, in words for the summary table and the export.
// The engine reports the drain time; whether a fault that never drained left the system broken is
// judged here from goodput (completions per second, the throughput chart's series) after the fault
// against before it: a backlog still draining runs above the old goodput, a metastable failure
// (a retry storm that feeds itself) stays below it long after its trigger ended.
import type { FaultReport } from '../engine/api';
import { formatDuration } from './format';

export type Outcome =
  /** The run has not reached the fault's end. */
  | { state: 'active' }
  | { state: 'drained'; drainTime: number }
  /** Not back yet, but too soon to tell, or still getting through its backlog. */
  | { state: 'draining' }
  /** Long after the end, not back and delivering less than before: a possible metastable failure. */
  | { state: 'stuck'; before: number; after: number };

/**
 * Until when what follows fault `i` is its own doing: now, or the start of the next fault that
 * begins after it ends (whose dip in goodput must not count against this one).
 */
export function quietUntil(
  faults: readonly Pick<FaultReport, 'at' | 'duration'>[],
  i: number,
  now: number,
): number {
  const end = faults[i]!.at + faults[i]!.duration;
  return faults.reduce((t, g, j) => (j !== i && g.at >= end && g.at < t ? g.at : t), now);
}

/** Goodput mean before the fault and over the latest half of [end, until], or null. */
export function goodputAround(
  time: ArrayLike<number>,
  rate: ArrayLike<number>,
  n: number,
  at: number,
  end: number,
  until: number,
): { before: number; after: number } | null {
  // The first quarter before the fault is the rate estimate warming up.
  const before = mean(time, rate, n, at / 4, at);
  const after = mean(time, rate, n, end + (until - end) / 2, until + 1e-9);
  return before === null || after === null ? null : { before, after };
}

function mean(time: ArrayLike<number>, rate: ArrayLike<number>, n: number, from: number, to: number) {
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (time[i]! >= from && time[i]! < to) {
      sum += rate[i]!;
      count++;
    }
  }
  return count ? sum / count : null;
}

/** Goodput below this share of its level before counts as not recovered. */
const RECOVERED = 0.9;

/** How fault `f` ended by `now`, judged on goodput up to `until` (see quietUntil). */
export function faultOutcome(
  f: FaultReport,
  now: number,
  until: number,
  goodput: { before: number; after: number } | null,
): Outcome {
  const end = f.at + f.duration;
  if (now < end) return { state: 'active' };
  if (f.drainTime !== null) return { state: 'drained', drainTime: f.drainTime };
  // "Long after": at least as long again as the fault lasted.
  if (goodput && until - end >= f.duration && goodput.after < RECOVERED * goodput.before) {
    return { state: 'stuck', ...goodput };
  }
  return { state: 'draining' };
}

/** The drain time cell: "12 s", "never", "not yet", "during the fault". */
export function outcomeText(o: Outcome): string {
  switch (o.state) {
    case 'active':
      return 'during the fault';
    case 'drained':
      return formatDuration(o.drainTime);
    case 'draining':
      return 'not yet';
    case 'stuck':
      return 'never';
  }
}

/** The fault's window: "30 s – 50 s". */
export const windowText = (f: Pick<FaultReport, 'at' | 'duration'>): string =>
  `${formatDuration(f.at)} – ${formatDuration(f.at + f.duration)}`;
