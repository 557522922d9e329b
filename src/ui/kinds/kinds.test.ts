import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KINDS } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { nodeTypes, UI_KINDS } from '.';
import { kindColourCss } from './kindColours';

// Read from disk: vitest hands `?raw` CSS imports over as empty strings.
const stylesheets = Object.fromEntries(
  Object.keys(import.meta.glob('../**/*.css')).map((file) => [
    file,
    readFileSync(fileURLToPath(new URL(file, import.meta.url)), 'utf8'),
  ]),
);
/** Each rule of a stylesheet: its selector and its declarations. */
const rules = (css: string) =>
  [...css.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({ selector: m[1]!, body: m[2]! }));

describe('UI kind registry', () => {
  it('has an entry, a canvas node type and two colours per kind', () => {
    expect(Object.keys(UI_KINDS).sort()).toEqual([...KINDS].sort());
    expect(Object.keys(nodeTypes).sort()).toEqual([...KINDS].sort());
    for (const k of KINDS) {
      expect(UI_KINDS[k].kind).toBe(k);
      expect(nodeTypes[k]).toBe(UI_KINDS[k].Node);
      expect(UI_KINDS[k].colour.light).toMatch(/^#[0-9a-f]{6}$/);
      expect(UI_KINDS[k].colour.dark).toMatch(/^#[0-9a-f]{6}$/);
      // The model's table is the one source (the image renderer draws with it too).
      expect(UI_KINDS[k].colour).toBe(KIND_COLOURS[k]);
    }
  });

  it('writes each colour as --kind-<kind> for light and dark, and --kind for data-kind elements', () => {
    const css = kindColourCss(UI_KINDS);
    const [light, dark] = css.split('@media (prefers-color-scheme: dark)');
    for (const k of KINDS) {
      expect(light).toContain(`--kind-${k}: ${UI_KINDS[k].colour.light};`);
      expect(dark).toContain(`--kind-${k}: ${UI_KINDS[k].colour.dark};`);
      expect(css).toContain(`[data-kind='${k}'] { --kind: var(--kind-${k}); }`);
    }
  });

  it('leaves kind colours out of the stylesheets, which only read them', () => {
    expect(Object.keys(stylesheets).length).toBeGreaterThan(5);
    for (const [file, css] of Object.entries(stylesheets)) {
      expect(css, file).not.toMatch(/--kind(-[a-z]+)?\s*:/);
      // A rule for one kind reads its colour; it never writes the colour out (the app's accent
      // may share a kind's blue, so only kind-specific rules are held to this).
      for (const { selector, body } of rules(css))
        for (const k of KINDS)
          if (selector.includes(`--${k}`) || selector.includes(`'${k}'`)) {
            expect(body.toLowerCase(), `${file}: ${selector.trim()}`).not.toContain(UI_KINDS[k].colour.light);
            expect(body.toLowerCase(), `${file}: ${selector.trim()}`).not.toContain(UI_KINDS[k].colour.dark);
          }
    }
  });
});
