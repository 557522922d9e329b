import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Handler: a plain rectangle; its gear icon marks the work done per event.
export const HandlerNode = memo(function HandlerNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} />;
});
