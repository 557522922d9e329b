// How wide a line of text will be, without a DOM to measure it: the image is drawn in the browser
// app and in the CLI alike, and its boxes must fit their text before any font is at hand. Widths
// are DejaVu Sans's advances (the font the CLI draws PNGs with, and among the widest sans fonts,
// so text measured here also fits in Inter, Helvetica or Arial), in thousandths of an em, read
// from DejaVuSans.ttf and DejaVuSans-Bold.ttf 2.37 for U+0020–U+007E and U+00A0–U+00FF. Other
// characters take a width by class, erring wide; kerning is left out, which errs wide too.

export interface Font {
  /** Pixels. */
  readonly size: number;
  readonly bold: boolean;
  /** Pixels added after each character (the SVG letter-spacing). */
  readonly letterSpacing?: number;
}

/** U+0020–U+007E, then U+00A0–U+00FF. */
const REGULAR = [
  318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636, 636,
  636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775, 752, 295,
  295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390, 337, 390, 838,
  500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521,
  392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838, 318, 401, 636, 636, 636, 636, 337, 500, 500, 1000,
  471, 612, 838, 361, 1000, 500, 500, 838, 401, 401, 500, 636, 636, 318, 500, 401, 471, 612, 969, 969, 969,
  531, 684, 684, 684, 684, 684, 684, 974, 698, 632, 632, 632, 632, 295, 295, 295, 295, 775, 748, 787, 787,
  787, 787, 787, 838, 787, 732, 732, 732, 732, 611, 605, 630, 613, 613, 613, 613, 613, 613, 982, 550, 615,
  615, 615, 615, 278, 278, 278, 278, 612, 634, 612, 612, 612, 612, 612, 838, 612, 634, 634, 634, 634, 592,
  635, 592,
];
const BOLD = [
  348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696, 696, 696,
  696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683, 683, 821, 837, 372,
  372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771, 724, 725, 457, 365, 457, 838,
  500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665, 343, 1042, 712, 687, 716, 716, 493, 595,
  478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838, 348, 456, 696, 696, 636, 696, 365, 500, 500, 1000,
  564, 646, 838, 415, 1000, 500, 500, 838, 438, 438, 500, 736, 636, 380, 500, 438, 564, 646, 1035, 1035, 1035,
  580, 774, 774, 774, 774, 774, 774, 1085, 734, 683, 683, 683, 683, 372, 372, 372, 372, 838, 837, 850, 850,
  850, 850, 850, 838, 850, 812, 812, 812, 812, 724, 738, 719, 675, 675, 675, 675, 675, 675, 1048, 593, 678,
  678, 678, 678, 343, 343, 343, 343, 687, 712, 687, 687, 687, 687, 687, 838, 687, 712, 712, 712, 712, 652,
  716, 652,
];

/** Punctuation and symbols the app's own wording uses (summaries, figures, labels): [regular, bold]. */
const PUNCTUATION = new Map<number, readonly [number, number]>([
  [0x2013, [500, 500]], // –
  [0x2014, [1000, 1000]], // —
  [0x2018, [318, 380]],
  [0x2019, [318, 380]],
  [0x201c, [518, 657]],
  [0x201d, [518, 657]],
  [0x2022, [590, 639]], // •
  [0x2026, [1000, 1000]], // …
  [0x2190, [838, 838]], // ←
  [0x2192, [838, 838]], // →
  [0x2212, [838, 838]], // −
  [0x221e, [833, 833]], // ∞
  [0x2248, [838, 838]], // ≈
  [0x2264, [838, 838]], // ≤
  [0x2265, [838, 838]], // ≥
  [0x2713, [838, 838]], // ✓
]);

/** Marks and format characters join the character before them, or show nothing. */
const ZERO_WIDTH = /[\p{M}\p{Cf}\p{Emoji_Modifier}]/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;
/** East Asian wide and fullwidth blocks: Hangul, CJK, kana, fullwidth forms. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
];

/** A character's advance in thousandths of an em. */
function advance(ch: string, bold: boolean): number {
  const cp = ch.codePointAt(0)!;
  const table = bold ? BOLD : REGULAR;
  if (cp >= 0x20 && cp <= 0x7e) return table[cp - 0x20]!;
  if (cp >= 0xa0 && cp <= 0xff) return table[cp - 0xa0 + 95]!;
  const known = PUNCTUATION.get(cp);
  if (known) return known[bold ? 1 : 0];
  if (ZERO_WIDTH.test(ch)) return 0;
  if (PICTOGRAPH.test(ch)) return 1300;
  if (WIDE.some(([from, to]) => cp >= from && cp <= to)) return 1000;
  // Accented Latin, Greek, Cyrillic, Hebrew and Arabic average 550–790 in DejaVu Sans.
  return bold ? 800 : 720;
}

/** The width in pixels of `text` set on one line in `font`. */
export function textWidth(text: string, font: Font): number {
  let em = 0;
  let count = 0;
  for (const ch of text) {
    const a = advance(ch, font.bold);
    em += a;
    if (a > 0) count++;
  }
  return (em / 1000) * font.size + (font.letterSpacing ?? 0) * count;
}
