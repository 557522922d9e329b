import { describe, expect, it } from 'vitest';
import { textWidth } from './metrics';
import { cleanText, fitLine, graphemes, wrapLines } from './text';

const font = { size: 13, bold: false };

describe('text in boxes', () => {
  it('measures with DejaVu Sans advances, bold wider, letter spacing per character', () => {
    // "Hi": 752 + 278 thousandths of an em.
    expect(textWidth('Hi', { size: 10, bold: false })).toBeCloseTo(10.3);
    expect(textWidth('Hi', { size: 10, bold: true })).toBeGreaterThan(10.3);
    expect(textWidth('Hi', { size: 10, bold: false, letterSpacing: 1 })).toBeCloseTo(12.3);
    // Marks add nothing; wide and pictographic characters take a full em or more.
    expect(textWidth('e\u0301', font)).toBe(textWidth('e', font));
    expect(textWidth('中', font)).toBe(13);
    expect(textWidth('🚀', font)).toBeGreaterThan(13);
  });

  it('cleans what XML forbids and folds white space', () => {
    expect(cleanText('  a\tb\n\nc\u0000 ')).toBe('a b c\ufffd');
    expect(cleanText('x\ud800y')).toBe('x\ufffdy');
  });

  it('keeps a line that fits, and cuts one that does not with an ellipsis inside the width', () => {
    expect(fitLine('Short', 100, font)).toBe('Short');
    const cut = fitLine('A label far too long for the room it has', 100, font);
    expect(cut).toMatch(/…$/);
    expect(textWidth(cut, font)).toBeLessThanOrEqual(100);
    expect(fitLine('anything', 1, font)).toBe('…');
  });

  it('never cuts inside a grapheme: an emoji sequence or a letter with its accent', () => {
    const family = '👩‍👩‍👧‍👦';
    expect(graphemes(`a${family}e\u0301`)).toEqual(['a', family, 'e\u0301']);
    for (let max = 5; max < 120; max += 3) {
      const cut = fitLine(`${family}${family}${family}e\u0301e\u0301`, max, font);
      for (const g of graphemes(cut.replace(/…$/, ''))) expect([family, 'e\u0301']).toContain(g);
    }
  });

  it('wraps at spaces, breaks a word longer than a line, and cuts past the last line', () => {
    expect(wrapLines('one two three four', 70, font, 3)).toEqual(['one two', 'three four']);
    const long = wrapLines('Averyveryverylongwordwithoutspaces', 80, font, 2);
    expect(long).toHaveLength(2);
    expect(long.join('').replace('…', '')).toBe(
      'Averyveryverylongwordwithoutspaces'.slice(0, long.join('').length - 1),
    );
    const many = wrapLines('one two three four five six seven eight', 60, font, 2);
    expect(many).toHaveLength(2);
    expect(many[1]).toMatch(/…$/);
    for (const line of [...long, ...many]) expect(textWidth(line, font)).toBeLessThanOrEqual(80);
    expect(wrapLines('', 60, font, 2)).toEqual(['']);
  });

  it('breaks a line of figures between figures, leaving the dot out', () => {
    const figures = 'utilization 16.2% · p99 31.1 ms';
    expect(wrapLines(figures, textWidth(figures, font) - 1, font, 2)).toEqual([
      'utilization 16.2%',
      'p99 31.1 ms',
    ]);
    for (let max = 30; max < 200; max += 7)
      for (const l of wrapLines('12 sent · 3 dropped · 4 dead-lettered · 5 timed out', max, font, 4)) {
        expect(l).not.toMatch(/^·|· ?$/);
        expect(textWidth(l, font)).toBeLessThanOrEqual(max);
      }
  });
});
