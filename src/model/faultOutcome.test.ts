import { describe, expect, it } from 'vitest';
import type { FaultReport } from '../engine/api';
import { faultOutcome, goodputAround, outcomeText, quietUntil, windowText } from './faultOutcome';

const fault = (drainTime: number | null): FaultReport => ({
  target: 'h',
  kind: 'crash',
  at: 30,
  duration: 20,
  backlogPeak: 900,
  drainTime,
  lost: 0,
  deadLettered: 0,
  duplicates: 0,
});

describe('a fault summary', () => {
  it('says when a fault drained, or that the run has not got past it', () => {
    expect(outcomeText(faultOutcome(fault(12.5), 120, 120, null))).toBe('12.5 s');
    expect(outcomeText(faultOutcome(fault(null), 40, 40, null))).toBe('during the fault');
    expect(windowText(fault(null))).toBe('30 s – 50 s');
  });

  it('tells a backlog still draining (goodput above its old level) from one that never comes back', () => {
    // Ended long ago (70 s after a 20 s fault) and not drained:
    expect(faultOutcome(fault(null), 120, 120, { before: 80, after: 100 })).toEqual({ state: 'draining' });
    expect(faultOutcome(fault(null), 120, 120, { before: 80, after: 20 })).toEqual({
      state: 'stuck',
      before: 80,
      after: 20,
    });
    expect(outcomeText(faultOutcome(fault(null), 120, 120, { before: 80, after: 20 }))).toBe('never');
    // Too soon after the end (or before the next fault) to call it:
    expect(faultOutcome(fault(null), 120, 60, { before: 80, after: 20 })).toEqual({ state: 'draining' });
  });

  it('measures goodput before the fault and over the latest half of the time since', () => {
    const time = Array.from({ length: 120 }, (_, i) => i + 1);
    const rate = time.map((t) => (t < 30 ? 80 : t < 85 ? 10 : 40));
    // Before: 7.5 s to 30 s; after: from 85 s (half-way from 50 s to 120 s) on.
    expect(goodputAround(time, rate, 120, 30, 50, 120)).toEqual({ before: 80, after: 40 });
    expect(goodputAround(time, rate, 20, 30, 50, 20)).toBeNull();
  });

  it('judges a fault only until the next one starts', () => {
    const faults = [
      { at: 30, duration: 20 },
      { at: 40, duration: 5 },
      { at: 90, duration: 10 },
    ];
    expect(quietUntil(faults, 0, 120)).toBe(90);
    expect(quietUntil(faults, 1, 120)).toBe(90);
    expect(quietUntil(faults, 2, 120)).toBe(120);
  });
});
