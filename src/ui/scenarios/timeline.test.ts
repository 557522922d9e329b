import { describe, expect, it } from 'vitest';
import { faultBands, timelineSpan } from './timeline';

describe('the timeline strip', () => {
  it('spans the run, or the flow when the run is open-ended', () => {
    expect(timelineSpan(120, 60)).toBe(120);
    expect(timelineSpan(Infinity, 300)).toBe(300);
  });

  it('places each window along it, overlapping ones on separate rows, clipped to the run', () => {
    const bands = faultBands(
      [
        { kind: 'crash', target: 'h', at: 10, duration: 20 },
        { kind: 'slow', target: 'e', at: 20, duration: 10, factor: 2 },
        { kind: 'pause', target: 'h', at: 30, duration: 100 },
        { kind: 'outage', target: 'q', at: 200, duration: 1 },
      ],
      100,
    );
    expect(bands).toEqual([
      { index: 0, left: 10, width: 20, row: 0 },
      { index: 1, left: 20, width: 10, row: 1 },
      { index: 2, left: 30, width: 70, row: 0 },
    ]);
  });
});
