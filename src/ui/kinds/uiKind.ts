// What the editor shows of one node kind. Each kind's file (producer.tsx, …) exports one of these
// and kinds/index.ts gathers them, typed per kind, so a kind without its UI entry does not compile.
import type { NodeProps } from '@xyflow/react';
import type { ComponentType, ReactNode } from 'react';
import type { Kind, NodeOfKind } from '../../model/flow';
import type { CanvasNode } from '../nodes/rfTypes';

export interface UiKind<K extends Kind> {
  readonly kind: K;
  /** SVG children of its 24×24 glyph, stroked in currentColor (see nodes/Glyph.tsx). */
  readonly icon: ReactNode;
  /**
   * Its colour in each theme: KIND_COLOURS[kind] (model/kinds/colours.ts, shared with the image
   * renderer); stylesheets read it as var(--kind) (kindColours.ts).
   */
  readonly colour: { readonly light: string; readonly dark: string };
  /** The palette's hint under the kind's name. */
  readonly hint: string;
  /** Its React Flow node: BaseNode with the kind's icon and decoration, memoized. */
  readonly Node: ComponentType<NodeProps<CanvasNode>>;
  /** Its fields in the Inspector, below the node's label. */
  readonly Fields: ComponentType<{ node: NodeOfKind<K> }>;
}
