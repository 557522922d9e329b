// The image's colours in each theme: the canvas's own (ui/styles/theme.css, which a test holds
// these to), so that an exported diagram looks like the app. Text colours are checked against
// what they are drawn on (WCAG AA, 4.5:1) when the palette is built, kind colours included.
import { type Kind, KINDS } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { mix, readableOn } from './colour';

export type ImageTheme = 'light' | 'dark';

interface Base {
  /** Behind the whole drawing (--canvas). */
  background: string;
  /** Node boxes and edge labels (--surface). */
  surface: string;
  border: string;
  text: string;
  /** Summaries and edge labels (--text-2). */
  textMuted: string;
  /** Edges (--text-3). */
  edge: string;
  /** Alarm counts and dead-letter links (--danger). */
  danger: string;
}

export const BASE: { readonly [T in ImageTheme]: Readonly<Base> } = {
  light: {
    background: '#fafbfc',
    surface: '#ffffff',
    border: '#dfe3e8',
    text: '#1b2330',
    textMuted: '#576275',
    edge: '#8a94a3',
    danger: '#d23c3c',
  },
  dark: {
    background: '#12161d',
    surface: '#171c24',
    border: '#2a3240',
    text: '#e6e9ef',
    textMuted: '#a3adbd',
    edge: '#6f7a8c',
    danger: '#ff6b6b',
  },
};

export interface KindPaint {
  /** The accent strip and decorations. */
  accent: string;
  /** The box's outline: the kind's colour over the border, as the canvas mixes it. */
  outline: string;
  /** The kind's name, in its colour made readable on the box. */
  text: string;
}

export interface Palette extends Base {
  kinds: { readonly [K in Kind]: KindPaint };
  /** The alarm colour, readable as text on a box or an edge label. */
  dangerText: string;
}

/** Text needs 4.5:1 (WCAG AA); lines and shapes 3:1 (WCAG 1.4.11). */
export const TEXT_CONTRAST = 4.5;
const GRAPHIC_CONTRAST = 3;

export function palette(theme: ImageTheme): Palette {
  const base = BASE[theme];
  const kind = (k: Kind): KindPaint => {
    const c = KIND_COLOURS[k][theme];
    return {
      accent: c,
      outline: mix(c, 0.55, base.border),
      text: readableOn(c, base.surface, TEXT_CONTRAST),
    };
  };
  return {
    ...base,
    text: readableOn(base.text, base.surface, TEXT_CONTRAST),
    textMuted: readableOn(base.textMuted, base.surface, TEXT_CONTRAST),
    edge: readableOn(base.edge, base.background, GRAPHIC_CONTRAST),
    kinds: Object.fromEntries(KINDS.map((k) => [k, kind(k)])) as { [K in Kind]: KindPaint },
    dangerText: readableOn(base.danger, base.surface, TEXT_CONTRAST),
  };
}
