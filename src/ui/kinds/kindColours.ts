// Kind colours are written once, in model/kinds/colours.ts, and each kind's UI entry carries them.
// This turns them into the CSS the stylesheets read: --kind-<kind> on :root for the light and the
// dark theme, and --kind on any element marked data-kind="<kind>" (nodes, palette entries, the
// inspector's heading).
import { type Kind, KINDS } from '../../model/flow';
import type { UiKind } from './uiKind';

type Colours = { readonly [K in Kind]: Pick<UiKind<K>, 'colour'> };

export function kindColourCss(kinds: Colours): string {
  const vars = (theme: 'light' | 'dark') =>
    KINDS.map((k) => `--kind-${k}: ${kinds[k].colour[theme]};`).join(' ');
  return [
    `:root { ${vars('light')} }`,
    `@media (prefers-color-scheme: dark) { :root { ${vars('dark')} } }`,
    ...KINDS.map((k) => `[data-kind='${k}'] { --kind: var(--kind-${k}); }`),
  ].join('\n');
}
