// Colour arithmetic for the image, on #rrggbb strings: the canvas mixes colours in CSS
// (color-mix), which an SVG file for other tools cannot; and text drawn in a kind's colour must
// stay readable on the box behind it in either theme (WCAG contrast).

type Rgb = readonly [number, number, number];

function parse(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const hex = (c: Rgb): string =>
  `#${c
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** `a` with `share` (0–1) of it, the rest `b`: CSS color-mix(in srgb, a share, b). */
export function mix(a: string, share: number, b: string): string {
  const [r1, g1, b1] = parse(a);
  const [r2, g2, b2] = parse(b);
  const part = (p: number, q: number) => p * share + q * (1 - share);
  return hex([part(r1, r2), part(g1, g2), part(b1, b2)]);
}

/** WCAG 2 relative luminance. */
function luminance(colour: string): number {
  const linear = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = parse(colour);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const x = luminance(a);
  const y = luminance(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/**
 * `colour`, or the nearest shade of it toward black (on a light background) or white (on a dark
 * one) that reaches `ratio` against `background`: the kind's hue, readable.
 */
export function readableOn(colour: string, background: string, ratio: number): string {
  const toward = luminance(background) > 0.18 ? '#000000' : '#ffffff';
  for (let step = 0; step <= 20; step++) {
    const shade = mix(colour, 1 - step / 20, toward);
    if (contrast(shade, background) >= ratio) return shade;
  }
  return toward;
}
