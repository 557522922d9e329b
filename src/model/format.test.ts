import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount, formatDuration, formatPercent, formatRate, NO_DATA } from './format';

describe('figures', () => {
  it('prints counts grouped, durations in the unit that reads best, rates and percentages to 3 digits', () => {
    expect(formatCount(1234)).toBe('1,234');
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(0.00085)).toBe('850 µs');
    expect(formatDuration(0.012)).toBe('12 ms');
    expect(formatDuration(1.5)).toBe('1.5 s');
    expect(formatDuration(150)).toBe('2.5 min');
    expect(formatDuration(10_800)).toBe('3 h');
    expect(formatRate(80)).toBe('80/s');
    expect(formatRate(1234)).toBe('1,230/s');
    expect(formatPercent(0.796)).toBe('79.6%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatAmount(0.4237)).toBe('0.424');
    expect(formatAmount(40.31)).toBe('40.3');
  });

  it('prints a missing or infinite figure as no data', () => {
    for (const f of [formatCount, formatAmount, formatDuration, formatRate, formatPercent]) {
      expect(f(undefined)).toBe(NO_DATA);
      expect(f(Infinity)).toBe(NO_DATA);
      expect(f(NaN)).toBe(NO_DATA);
    }
  });
});
