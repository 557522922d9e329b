import { describe, expect, it } from 'vitest';
import {
  baseRate,
  cornersPath,
  factorCorners,
  offeredRate,
  peakFactor,
  profileHorizon,
} from './profileCurve';
import { nextProfilePoint, profileSummary } from './profileEdits';
import { RateWindow } from './rateWindow';

describe('the offered rate', () => {
  it('is the base rate (1 / mean interarrival) times the factor at the time', () => {
    const base = baseRate({ dist: 'exponential', mean: 0.0125 });
    expect(base).toBeCloseTo(80);
    const points = [
      { at: 10, factor: 3 },
      { at: 20, factor: 1, ramp: true },
    ];
    expect(offeredRate(points, base, 5)).toBeCloseTo(80);
    expect(offeredRate(points, base, 10)).toBeCloseTo(240);
    expect(offeredRate(points, base, 15)).toBeCloseTo(160); // half-way down the ramp
    expect(offeredRate(points, base, 99)).toBeCloseTo(80);
    expect(offeredRate(undefined, base, 99)).toBeCloseTo(80);
  });
});

describe('the sparkline', () => {
  it('draws a step as a vertical jump and a ramp as one straight line, over the horizon', () => {
    const corners = factorCorners(
      [
        { at: 10, factor: 3 },
        { at: 20, factor: 1, ramp: true },
      ],
      40,
    );
    expect(corners).toEqual([
      [0, 1],
      [10, 1],
      [10, 3],
      [20, 1],
      [20, 1],
      [40, 1],
    ]);
    expect(peakFactor(corners)).toBe(3);
    expect(cornersPath(corners, 40, 3, 40, 30)).toBe('M0 20 L10 20 L10 0 L20 20 L20 20 L40 20');
  });

  it('stops at the horizon, inside a ramp', () => {
    expect(factorCorners([{ at: 100, factor: 2, ramp: true }], 50)).toEqual([
      [0, 1],
      [50, 1.5],
    ]);
  });

  it('spans the run, and reaches past a point beyond it', () => {
    expect(profileHorizon([{ at: 10, factor: 2 }], 60)).toBe(60);
    expect(profileHorizon([{ at: 100, factor: 2 }], 60)).toBeCloseTo(110);
    expect(profileHorizon(undefined, Infinity)).toBe(60);
  });
});

describe('profile edits', () => {
  it('add a point a tenth of the run on: the first doubles the load, later ones bring it back', () => {
    expect(nextProfilePoint([], 60)).toEqual({ at: 6, factor: 2 });
    expect(nextProfilePoint([{ at: 6, factor: 2 }], 60)).toEqual({ at: 12, factor: 1 });
  });

  it('summarise the range of rates', () => {
    expect(profileSummary([], 80)).toBe('steady 80/s');
    expect(profileSummary([{ at: 10, factor: 3 }], 80)).toBe('1 point · 80/s to 240/s');
    expect(profileSummary([{ at: 0, factor: 0.5 }], 80)).toBe('1 point · 40/s to 40/s');
  });
});

describe('the achieved rate', () => {
  it('is the growth over the last span of simulated time, and starts over when the counter resets', () => {
    const w = new RateWindow(5);
    w.add(0, 0);
    expect(w.rate()).toBeUndefined();
    for (let t = 0.1; t <= 20; t += 0.1) w.add(t, t < 10 ? 10 * t : 100 + 40 * (t - 10));
    expect(w.rate()).toBeCloseTo(40); // only the last 5 s count
    w.add(21, 0);
    expect(w.rate()).toBeUndefined();
  });

  it('keeps a bounded number of readings however often it is fed', () => {
    const w = new RateWindow(5);
    for (let i = 0; i <= 100_000; i++) w.add(i / 1000, i);
    expect(w.rate()).toBeCloseTo(1000);
    expect((w as unknown as { times: number[] }).times.length).toBeLessThan(25);
  });
});
