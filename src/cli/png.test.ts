// The Node rasterizer on its own: fonts found or refused. (render.test.ts reads the pixels of
// whole images made through the command.)
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { svgToPng } from './png';
import { NoFont } from './renderCli';
import { decodePng } from './testing/png';

const TEXT = `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="30"><rect width="120" height="30" fill="#ffffff"/><text x="4" y="20" font-size="16" font-family="DejaVu Sans, sans-serif">Hello</text></svg>`;
const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

const inked = (png: Uint8Array): number => {
  const { rgba } = decodePng(Buffer.from(png));
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) if (rgba[i]! < 128) n++;
  return n;
};

describe('svgToPng', () => {
  it("draws text with the system's fonts", async () => {
    expect(inked(await svgToPng(TEXT, 1, { files: [] }))).toBeGreaterThan(50);
  });

  it.skipIf(!existsSync(DEJAVU))('draws text with a font file alone', async () => {
    expect(inked(await svgToPng(TEXT, 2, { files: [DEJAVU], system: false }))).toBeGreaterThan(200);
  });

  it('refuses to make an image whose text no font can draw', async () => {
    await expect(svgToPng(TEXT, 1, { files: [], system: false })).rejects.toThrow(NoFont);
    await expect(svgToPng(TEXT, 1, { files: ['src'] })).rejects.toThrow('--font src: no such font file');
  });
});
