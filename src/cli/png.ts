// PNG from the renderer's SVG, in Node, with resvg (a Rust SVG renderer shipped as prebuilt npm
// packages). The browser app rasterizes on a canvas instead; this is the CLI's half.
//
// Text needs fonts, and resvg draws nothing for text it has no font for: a PNG without its labels
// would look fine and say nothing. So the system's fonts are loaded (DejaVu Sans on Debian, from
// fonts-dejavu-core, which the CI machine installs; the renderer's widths are measured for it),
// plus any --font files, and a probe checks that text comes out in ink before the image is made.
import { statSync } from 'node:fs';
import type { Resvg as ResvgClass, ResvgRenderOptions } from '@resvg/resvg-js';
import { FONT_FAMILY } from '../io/image';
import { NoFont } from './renderCli';

export interface Fonts {
  /** Font files to load besides (or instead of) the system's. */
  files: readonly string[];
  /** Load the fonts the system has installed (default true). */
  system?: boolean;
}

function fontOptions(fonts: Fonts): NonNullable<ResvgRenderOptions['font']> {
  for (const f of fonts.files) {
    let file = false;
    try {
      file = statSync(f).isFile();
    } catch {
      // Said below, with the others.
    }
    if (!file) throw new NoFont(`--font ${f}: no such font file`);
  }
  return {
    loadSystemFonts: fonts.system ?? true,
    fontFiles: [...fonts.files],
    // Names the SVG's generic family falls back to when none of its names is installed.
    defaultFontFamily: 'DejaVu Sans',
    sansSerifFamily: 'DejaVu Sans',
  };
}

const PROBE = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><text x="2" y="15" font-size="14" font-family="${FONT_FAMILY}">Hg</text></svg>`;

/** Throws NoFont unless these fonts draw the renderer's font family in ink. */
function checkFonts(Resvg: typeof ResvgClass, font: NonNullable<ResvgRenderOptions['font']>): void {
  const pixels = new Resvg(PROBE, { font, logLevel: 'off' }).render().pixels;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) return;
  throw new NoFont(
    'no font to draw the text with: install DejaVu Sans (Debian and Ubuntu: apt-get install fonts-dejavu-core) ' +
      'or another sans-serif font, or pass --font FILE.ttf',
  );
}

/**
 * The SVG as PNG bytes, `scale` pixels per SVG pixel. resvg is imported here, not at the top: a
 * bundle would otherwise load its native module at start-up for every command and every SVG.
 */
export async function svgToPng(svg: string, scale: number, fonts: Fonts): Promise<Uint8Array> {
  const font = fontOptions(fonts);
  const { Resvg } = await import('@resvg/resvg-js');
  checkFonts(Resvg, font);
  const image = new Resvg(svg, {
    font,
    fitTo: { mode: 'zoom', value: scale },
    logLevel: 'off',
  }).render();
  return image.asPng();
}
