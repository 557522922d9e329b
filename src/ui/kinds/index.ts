// Each node kind's UI entry: icon, colours, canvas node, inspector fields, palette hint. Typed per
// kind, so a kind added to the model without its UI entry does not compile.
import type { NodeTypes } from '@xyflow/react';
import { type Kind, KINDS } from '../../model/flow';
import { dependency } from './dependency';
import { handler } from './handler';
import { producer } from './producer';
import { queue } from './queue';
import { store } from './store';
import { stream } from './stream';
import { topic } from './topic';
import type { UiKind } from './uiKind';

export const UI_KINDS: { readonly [K in Kind]: UiKind<K> } = {
  producer,
  queue,
  topic,
  stream,
  handler,
  dependency,
  store,
};

/** React Flow node type per kind; built once at module level so React Flow never re-mounts them. */
export const nodeTypes = Object.fromEntries(KINDS.map((k) => [k, UI_KINDS[k].Node])) satisfies NodeTypes;
