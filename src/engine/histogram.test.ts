import { describe, expect, it } from 'vitest';
import { bucketHalfWidth, bucketOf, bucketValue, HistogramSet } from './histogram';
import { Rng } from './rng';

describe('HistogramSet', () => {
  it('percentiles are within 1% of the exact sorted quantiles', () => {
    const rng = new Rng(3);
    const h = new HistogramSet(1);
    const xs: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      // Values over 9 decades, as latencies from microseconds to minutes are.
      const x = Math.exp(-14 + 18 * rng.next()) * (1 + rng.next());
      xs.push(x);
      h.record(0, x);
    }
    xs.sort((a, b) => a - b);
    for (const q of [0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1]) {
      const exact = xs[Math.max(1, Math.ceil(q * xs.length)) - 1]!;
      expect(Math.abs(h.quantile(0, q) / exact - 1)).toBeLessThan(0.01);
    }
    expect(h.max(0)).toBe(xs.at(-1));
    expect(h.mean(0)).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / xs.length, 12);
  });

  it('every bucket midpoint is within 1/128 of every value in the bucket', () => {
    for (let x = 1e-8; x < 1e6; x *= 1.0037) {
      expect(Math.abs(bucketValue(bucketOf(x)) / x - 1)).toBeLessThanOrEqual(1 / 128);
    }
  });

  it("a reported quantile is within its bucket's half-width of every value that could be reported so", () => {
    const rng = new Rng(5);
    for (let k = 0; k < 20_000; k++) {
      const x = Math.exp(-20 + 30 * rng.next());
      const half = bucketHalfWidth(bucketValue(bucketOf(x)));
      expect(Math.abs(bucketValue(bucketOf(x)) - x)).toBeLessThanOrEqual(half);
      // The exact max, reported when it is below its bucket's midpoint, has the same bound.
      expect(bucketHalfWidth(x)).toBe(half);
      expect(half / x).toBeLessThanOrEqual(1 / 128);
    }
    expect(bucketHalfWidth(0)).toBe(0);
  });

  it('is empty-safe and puts 0 in the lowest bucket', () => {
    const h = new HistogramSet(2);
    expect([h.count(1), h.mean(1), h.quantile(1, 0.5), h.max(1)]).toEqual([0, 0, 0, 0]);
    h.record(1, 0);
    expect(h.quantile(1, 0.99)).toBe(0);
  });
});
