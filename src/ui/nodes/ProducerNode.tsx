import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Producer: a rounded pill with an emitting pulse; nothing flows into it, so no input handle.
export const ProducerNode = memo(function ProducerNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      input={false}
      decoration={<span className="ef-node__pulse" aria-hidden="true" />}
    />
  );
});
