// Topic in the editor: a card with a fan on its output side (one copy per subscription), and its
// per-subscription capacity and delivery settings (each subscription redelivers like a queue).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOfKind } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { BrokerPresetField } from '../inspector/BrokerPresetField';
import { BusCapacityField } from '../inspector/BusCapacityField';
import { DeliverySection } from '../inspector/DeliverySection';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <circle cx="5" cy="12" r="2" />
    <path d="M7 12h4M11 12l7-6M11 12h8M11 12l7 6" />
  </>
);

const TopicNode = memo(function TopicNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      icon={icon}
      decoration={<span className="ef-node__fan" aria-hidden="true" />}
    />
  );
});

function TopicFields({ node }: { node: NodeOfKind<'topic'> }) {
  const { set, check } = useConfigEditor(node);
  return (
    <>
      <BusCapacityField
        value={node.config.capacity}
        check={check('capacity')}
        onCommit={(v) => set({ capacity: v })}
        hint="Per subscription: each outgoing edge has its own queue of this size."
      />
      <BrokerPresetField node={node} />
      <DeliverySection node={node} />
    </>
  );
}

export const topic: UiKind<'topic'> = {
  kind: 'topic',
  icon,
  colour: KIND_COLOURS.topic,
  hint: 'Pub/sub fan-out',
  Node: TopicNode,
  Fields: TopicFields,
};
