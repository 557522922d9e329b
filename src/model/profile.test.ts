import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  factorAt,
  firstActive,
  operationalTime,
  profileSchema,
  profileSegments,
  segmentAt,
  timeAtOperational,
  type ProfilePoint,
} from './profile';

describe('load profiles', () => {
  it('steps hold a factor from their time on; ramps move to it linearly from the previous point', () => {
    const s = profileSegments([
      { at: 10, factor: 3 },
      { at: 20, factor: 1, ramp: true },
      { at: 30, factor: 0 },
    ]);
    expect([0, 9.99, 10, 15, 20, 25, 30, 1e9].map((t) => factorAt(s, t))).toEqual([1, 1, 3, 2, 1, 1, 0, 0]);
    // Λ: 10 s at 1, then a ramp 3 → 1 over 10 s (area 20), then 10 s at 1.
    expect(operationalTime(s, segmentAt(s, 30), 30)).toBeCloseTo(40, 12);
    // The first point may itself ramp, from factor 1 at time 0.
    const ramp = profileSegments([{ at: 10, factor: 3, ramp: true }]);
    expect(factorAt(ramp, 5)).toBe(2);
    expect(operationalTime(ramp, 0, 10)).toBeCloseTo(20, 12);
  });

  it('timeAtOperational inverts Λ wherever the factor is positive', () => {
    const pointsArb = fc
      .array(
        fc.record({
          gap: fc.double({ min: 0.01, max: 100, noNaN: true }),
          factor: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 50, noNaN: true })),
          ramp: fc.boolean(),
        }),
        { maxLength: 8 },
      )
      .map((xs) => {
        let at = 0;
        return xs.map(({ gap, factor, ramp }): ProfilePoint => ({ at: (at += gap), factor, ramp }));
      });
    fc.assert(
      fc.property(pointsArb, fc.double({ min: 0, max: 1000, noNaN: true }), (points, t) => {
        const s = profileSegments(points);
        const j = segmentAt(s, t);
        fc.pre(factorAt(s, t) > 1e-6);
        const back = timeAtOperational(s, operationalTime(s, j, t), 0);
        expect(back.t).toBeCloseTo(t, 6);
        expect(back.segment).toBe(j);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('a factor of 0 for ever is never reached again; firstActive skips a quiet start', () => {
    const s = profileSegments([{ at: 5, factor: 0 }]);
    expect(timeAtOperational(s, 6, 0).t).toBe(Infinity);
    expect(timeAtOperational(s, 4, 0).t).toBe(4);
    const quiet = profileSegments([
      { at: 0, factor: 0 },
      { at: 60, factor: 2 },
    ]);
    expect(firstActive(quiet, 0)).toBe(60);
    expect(firstActive(s, 7)).toBe(Infinity);
    expect(
      firstActive(
        profileSegments([
          { at: 0, factor: 0 },
          { at: 10, factor: 1, ramp: true },
        ]),
        0,
      ),
    ).toBe(0);
  });

  it('refuses points out of order and factors out of range, naming the point', () => {
    const bad = profileSchema.safeParse([
      { at: 10, factor: 2 },
      { at: 10, factor: 1 },
      { at: 20, factor: -1 },
    ]);
    expect(bad.success).toBe(false);
    const issues = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain('2.factor: must be a number from 0 to 1,000,000');
    const order = profileSchema.safeParse([
      { at: 10, factor: 2 },
      { at: 10, factor: 1 },
    ]);
    expect(order.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([
      "1.at: must be later than the previous point's 10 s",
    ]);
  });
});
