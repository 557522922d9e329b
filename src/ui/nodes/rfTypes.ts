// The React Flow view of a Flow node: `data.node` is the document's node object itself, so a node
// component re-renders only when its own node changes.
import type { Node } from '@xyflow/react';
import type { FlowNode } from '../../model/flow';

export type CanvasNodeData = { node: FlowNode };
export type CanvasNode = Node<CanvasNodeData>;
