// Queue in the editor: a card with stacked bars at its edge (the messages waiting in line), and
// its capacity and overflow, then its delivery settings (shared with topics).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { FIELD_DEFAULTS } from '../../model/defaults';
import { type NodeOfKind, OVERFLOWS } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { BrokerPresetField } from '../inspector/BrokerPresetField';
import { BusCapacityField } from '../inspector/BusCapacityField';
import { DeliverySection } from '../inspector/DeliverySection';
import { SelectField } from '../inspector/SelectField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <rect x="3" y="5" width="18" height="4" rx="1" />
    <rect x="3" y="10" width="18" height="4" rx="1" />
    <rect x="3" y="15" width="18" height="4" rx="1" />
  </>
);

const StackedBars = () => (
  <span className="ef-node__bars" aria-hidden="true">
    <i />
    <i />
    <i />
  </span>
);

const QueueNode = memo(function QueueNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} icon={icon} decoration={<StackedBars />} />;
});

const OVERFLOW_NAMES = {
  'drop-newest': 'Drop newest',
  'drop-oldest': 'Drop oldest',
  block: 'Block the sender',
};

function QueueFields({ node }: { node: NodeOfKind<'queue'> }) {
  const { set, check } = useConfigEditor(node);
  const c = node.config;
  return (
    <>
      <BusCapacityField
        value={c.capacity}
        check={check('capacity')}
        onCommit={(v) => set({ capacity: v })}
        hint="Messages waiting, not those being processed."
      />
      <SelectField
        label="When full"
        value={c.overflow ?? FIELD_DEFAULTS.overflow}
        options={OVERFLOWS.map((v) => ({ value: v, label: OVERFLOW_NAMES[v] }))}
        onChange={(v) => set({ overflow: v })}
      />
      <BrokerPresetField node={node} />
      <DeliverySection node={node} />
    </>
  );
}

export const queue: UiKind<'queue'> = {
  kind: 'queue',
  icon,
  colour: KIND_COLOURS.queue,
  hint: 'Point-to-point',
  Node: QueueNode,
  Fields: QueueFields,
};
