import { describe, expect, it } from 'vitest';
import { firstLines, formatBytes, safeJson, safeText } from './terminal';

describe('terminal safety (item 14)', () => {
  it('writes control, separator and bidi characters as visible escapes, and cuts long text', () => {
    expect(safeText('a\u001b[2Jb\u0007c\u009b2J\u202eevil\u2028x\u007f')).toBe(
      'a\\u001b[2Jb\\u0007c\\u009b2J\\u202eevil\\u2028x\\u007f',
    );
    expect(safeText('plain “text” ✓')).toBe('plain “text” ✓');
    expect(safeText('x'.repeat(600))).toBe(`${'x'.repeat(500)}…`);
  });

  it('keeps JSON the same value while escaping what JSON.stringify leaves raw', () => {
    const value = { 'id\u009b2J': 'label \u202e \u2028 \u007f \u001b' };
    const json = safeJson(JSON.stringify(value));
    // eslint-disable-next-line no-control-regex
    expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(JSON.parse(json)).toEqual(value);
  });

  it('shows the first 20 items and how many more', () => {
    const items = Array.from({ length: 800_000 }, (_, i) => i);
    expect(firstLines(items, String, 'problem')).toEqual([
      ...Array.from({ length: 20 }, (_, i) => String(i)),
      '…and 799,980 more problems',
    ]);
    expect(firstLines([1], String, 'problem')).toEqual(['1']);
    expect(firstLines(items.slice(0, 21), String, 'note').at(-1)).toBe('…and 1 more note');
  });

  it('prints sizes in the units people read', () => {
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(900)).toBe('900 bytes');
  });
});
