import type { NodeTypes } from '@xyflow/react';
import type { Kind } from '../../model/flow';
import { HandlerNode } from './HandlerNode';
import { ProducerNode } from './ProducerNode';
import { QueueNode } from './QueueNode';
import { StoreNode } from './StoreNode';
import { StreamNode } from './StreamNode';
import { TopicNode } from './TopicNode';

/** React Flow node type per kind; defined once at module level so React Flow never re-mounts them. */
export const nodeTypes = {
  producer: ProducerNode,
  queue: QueueNode,
  topic: TopicNode,
  stream: StreamNode,
  handler: HandlerNode,
  store: StoreNode,
} satisfies Record<Kind, NodeTypes[string]>;
