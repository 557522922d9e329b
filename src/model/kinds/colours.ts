// Each node kind's colour in the light and the dark theme, written once here. The canvas reads
// them through its UI entries (ui/kinds/, which turn them into --kind-<kind>), and the image
// renderer (io/image/) draws with them; keeping them in the pure model lets the browser app and
// the CLI share one table. Typed per kind, so a kind added without its colours does not compile.
import type { Kind } from './index';

export interface KindColour {
  readonly light: string;
  readonly dark: string;
}

export const KIND_COLOURS = {
  producer: { light: '#1f9d6b', dark: '#3ccf91' },
  queue: { light: '#d9822b', dark: '#f0a04b' },
  topic: { light: '#8b5cf6', dark: '#a78bfa' },
  stream: { light: '#0e8fb5', dark: '#38bdf8' },
  handler: { light: '#3b6ef5', dark: '#7c9cff' },
  dependency: { light: '#b4359f', dark: '#ee7fd0' },
  store: { light: '#6b7280', dark: '#9ca3af' },
} as const satisfies { readonly [K in Kind]: KindColour };
