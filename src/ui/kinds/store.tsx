// Store in the editor: a cylinder with no output handle (it is terminal) and nothing to set.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { BaseNode } from '../nodes/BaseNode';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <ellipse cx="12" cy="6" rx="7" ry="2.5" />
    <path d="M5 6v12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5V6" />
    <path d="M5 12c0 1.4 3.1 2.5 7 2.5s7-1.1 7-2.5" />
  </>
);

const StoreNode = memo(function StoreNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} icon={icon} />;
});

const StoreFields = () => (
  <p className="inspector__note">A store is terminal: events end their journey here.</p>
);

export const store: UiKind<'store'> = {
  kind: 'store',
  icon,
  colour: KIND_COLOURS.store,
  hint: 'Terminal sink',
  Node: StoreNode,
  Fields: StoreFields,
};
