import { describe, expect, it } from 'vitest';
import { KINDS } from '../../model/flow';
import { contrast, mix, readableOn } from './colour';
import { palette, TEXT_CONTRAST } from './theme';

describe('image colours', () => {
  it('mixes as CSS color-mix in sRGB does', () => {
    expect(mix('#000000', 0.5, '#ffffff')).toBe('#808080');
    expect(mix('#3b6ef5', 1, '#000000')).toBe('#3b6ef5');
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21);
    expect(contrast('#ffffff', '#ffffff')).toBe(1);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('darkens or lightens a colour just enough to read on a background', () => {
    const orange = '#d9822b';
    expect(contrast(orange, '#ffffff')).toBeLessThan(TEXT_CONTRAST);
    const readable = readableOn(orange, '#ffffff', TEXT_CONTRAST);
    expect(contrast(readable, '#ffffff')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(readableOn('#e6e9ef', '#171c24', TEXT_CONTRAST)).toBe('#e6e9ef');
    expect(contrast(readableOn('#3b3b3b', '#171c24', 7), '#171c24')).toBeGreaterThanOrEqual(7);
  });

  it('gives every kind a readable name colour in both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      const p = palette(theme);
      for (const k of KINDS)
        expect(contrast(p.kinds[k].text, p.surface), `${theme} ${k}`).toBeGreaterThanOrEqual(4.5);
      for (const c of [p.text, p.textMuted, p.dangerText])
        expect(contrast(c, p.surface)).toBeGreaterThanOrEqual(4.5);
      expect(contrast(p.edge, p.background)).toBeGreaterThanOrEqual(3);
    }
  });
});
