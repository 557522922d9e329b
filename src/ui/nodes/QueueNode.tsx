import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { BaseNode } from './BaseNode';
import type { CanvasNode } from './rfTypes';

// Queue: a card with stacked bars at its edge, the messages waiting in line.
const StackedBars = () => (
  <span className="ef-node__bars" aria-hidden="true">
    <i />
    <i />
    <i />
  </span>
);
export const QueueNode = memo(function QueueNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} decoration={<StackedBars />} />;
});
