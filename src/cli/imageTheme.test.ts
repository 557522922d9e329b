// The image's palette is the canvas's: each colour must be the value theme.css gives its variable
// in the same theme, so that a change to the app's colours cannot leave exported images behind.
// (Here, in Node, because the test reads the stylesheet itself: the unit tests' CSS imports are
// empty.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASE } from '../io/image/theme';
import { root } from './testing/cli';

const css = readFileSync(join(root, 'src/ui/styles/theme.css'), 'utf8');
const [light, dark] = css.split('@media (prefers-color-scheme: dark)') as [string, string];

const VARIABLES = {
  background: '--canvas',
  surface: '--surface',
  border: '--border',
  text: '--text',
  textMuted: '--text-2',
  edge: '--text-3',
  danger: '--danger',
} as const;

const value = (block: string, variable: string): string | undefined =>
  new RegExp(`${variable}:\\s*(#[0-9a-f]{6});`).exec(block)?.[1];

describe('image palette', () => {
  it("is the canvas's colours of theme.css, in each theme", () => {
    for (const [key, variable] of Object.entries(VARIABLES) as [keyof typeof VARIABLES, string][]) {
      expect(value(light, variable), variable).toMatch(/^#/);
      expect(BASE.light[key], variable).toBe(value(light, variable));
      expect(BASE.dark[key], variable).toBe(value(dark, variable));
    }
  });
});
