import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Stream: a card striped with one band per partition (up to eight drawn).
const Partitions = ({ count }: { count: number }) => (
  <span className="ef-node__partitions" aria-hidden="true">
    {Array.from({ length: Math.min(count, 8) }, (_, i) => (
      <i key={i} />
    ))}
  </span>
);
export const StreamNode = memo(function StreamNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      decoration={<Partitions count={data.node.kind === 'stream' ? data.node.config.partitions : 1} />}
    />
  );
});
