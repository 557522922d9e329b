// Text from a flow file set into a box of a given width: made safe to put in XML, then broken
// into lines at spaces and cut with an ellipsis where it still does not fit. Cuts fall between
// grapheme clusters, so an emoji sequence or a letter and its accents are never split.
import { type Font, textWidth } from './metrics';
import { xmlChars } from './xml';

const ELLIPSIS = '…';

/**
 * Text as it will be drawn, to be measured: what XML forbids as U+FFFD (as xml.ts writes it), runs
 * of white space as one space (as SVG shows them).
 */
export const cleanText = (text: string): string => xmlChars(text).replace(/\s+/g, ' ').trim();

const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

/** The text's user-perceived characters (code points where Intl.Segmenter is missing). */
export function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/** `text` on one line of at most `max` pixels: whole, or cut with "…". */
export function fitLine(text: string, max: number, font: Font): string {
  if (textWidth(text, font) <= max) return text;
  const parts = graphemes(text);
  // Binary search on the number of graphemes kept: widths only grow with more of them.
  let lo = 0;
  let hi = parts.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(parts.slice(0, mid).join('').trimEnd() + ELLIPSIS, font) <= max) lo = mid;
    else hi = mid - 1;
  }
  return parts.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

/**
 * `text` in at most `maxLines` lines of at most `max` pixels, broken between figures (" · ") where
 * it can be, else at spaces; a word wider than a line is broken where it must be, and what does
 * not fit in the last line is cut with "…".
 */
export function wrapLines(text: string, max: number, font: Font, maxLines: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest !== '' && lines.length < maxLines - 1) {
    if (textWidth(rest, font) <= max) break;
    const { end, next } = breakAt(rest, max, font);
    lines.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(next).trimStart();
  }
  if (rest !== '' || lines.length === 0) lines.push(fitLine(rest, max, font));
  return lines;
}

const SEPARATOR = ' · ';

/**
 * Where to end a line of `text` (which does not fit whole), and where the next one starts: before
 * the last " · " that fits (the dot dropped), else after the last space, else mid-word.
 */
function breakAt(text: string, max: number, font: Font): { end: number; next: number } {
  let width = 0;
  let end = 0;
  let lastSpace = -1;
  let lastSeparator = -1;
  for (const g of graphemes(text)) {
    const w = textWidth(g, font);
    // A space at the end of a line is dropped, so it never makes the line too wide.
    if (g !== ' ' && width + w > max) break;
    if (g === ' ') {
      if (text.startsWith(SEPARATOR, end) && end > 0) lastSeparator = end;
      lastSpace = end + 1;
    }
    width += w;
    end += g.length;
  }
  if (lastSeparator > 0) return { end: lastSeparator, next: lastSeparator + SEPARATOR.length };
  if (lastSpace > 0) return { end: lastSpace, next: lastSpace };
  // Not even one grapheme fits: take one anyway, so that every line holds something.
  const first = end > 0 ? end : (graphemes(text)[0]?.length ?? text.length);
  return { end: first, next: first };
}
