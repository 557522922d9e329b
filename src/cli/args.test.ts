import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('parseArgs', () => {
  it('reads the file and flags, with or without "="', () => {
    expect(parseArgs(['f.json', '--duration', '10', '--seed=3', '--warmup', '1.5'])).toEqual({
      ok: true,
      args: { file: 'f.json', duration: 10, seed: 3, warmup: 1.5 },
    });
  });
  it('refuses bad values and extra files', () => {
    expect(parseArgs(['f.json', '--duration', '0'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/> 0/),
    });
    expect(parseArgs(['f.json', '--seed', '1.5'])).toMatchObject({ ok: false });
    expect(parseArgs(['a.json', 'b.json'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only one flow file/),
    });
    expect(parseArgs(['f.json', '--duration', '5', '--warmup', '5'])).toMatchObject({ ok: false });
  });
});
