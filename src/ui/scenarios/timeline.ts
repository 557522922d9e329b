// The timeline strip's geometry, pure: where each fault window sits along the run, in rows so that
// overlapping windows do not hide each other.
import type { Fault } from '../../model/faults';

export interface Band {
  /** Its position in the flow's list of faults. */
  index: number;
  /** Left edge and width, as percentages of the strip. */
  left: number;
  width: number;
  /** Row from the top: windows that overlap go on separate rows. */
  row: number;
}

/** The span the strip covers: the run's duration, or the flow's when the run is open-ended. */
export function timelineSpan(runDuration: number, flowDuration: number): number {
  if (Number.isFinite(runDuration) && runDuration > 0) return runDuration;
  return Number.isFinite(flowDuration) && flowDuration > 0 ? flowDuration : 60;
}

/** Each fault's band, clipped to [0, span]; a fault wholly after the run gets none. */
export function faultBands(faults: readonly Fault[], span: number): Band[] {
  const rowEnds: number[] = [];
  return faults
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => f.at < span)
    .sort((a, b) => a.f.at - b.f.at || a.index - b.index)
    .map(({ f, index }) => {
      const end = Math.min(span, f.at + f.duration);
      let row = rowEnds.findIndex((e) => e <= f.at);
      if (row < 0) row = rowEnds.push(end) - 1;
      else rowEnds[row] = end;
      return { index, left: (f.at / span) * 100, width: ((end - f.at) / span) * 100, row };
    })
    .sort((a, b) => a.index - b.index);
}
