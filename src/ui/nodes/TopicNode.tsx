import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Topic: a card with a fan-out edge, one copy per subscription.
export const TopicNode = memo(function TopicNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      decoration={<span className="ef-node__fan" aria-hidden="true" />}
    />
  );
});
