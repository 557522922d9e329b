import { describe, expect, it } from 'vitest';
import { KINDS } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { nodeTypes, UI_KINDS } from '.';
import { kindColourCss } from './kindColours';

const stylesheets = import.meta.glob<string>('../**/*.css', {
  query: '?raw',
  import: 'default',
  eager: true,
});

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
      for (const k of KINDS) expect(css, file).not.toContain(UI_KINDS[k].colour.light);
    }
  });
});
