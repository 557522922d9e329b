import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Store: a cylinder; terminal, so it has no output handle.
export const StoreNode = memo(function StoreNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} output={false} />;
});
