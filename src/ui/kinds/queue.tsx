// Queue in the editor: a card with stacked bars at its edge (the messages waiting in line), and
// its capacity, overflow, delivery and dead-letter fields.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FIELD_DEFAULTS } from '../../model/defaults';
import { DELIVERIES, isBusKind, type NodeOfKind, OVERFLOWS } from '../../model/flow';
import { useAppStore } from '../../store/useAppStore';
import { BusCapacityField } from '../inspector/BusCapacityField';
import { NumberField } from '../inspector/NumberField';
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
const DELIVERY_NAMES = { 'at-least-once': 'At least once (redeliver)', 'at-most-once': 'At most once' };

function QueueFields({ node }: { node: NodeOfKind<'queue'> }) {
  const { set, check } = useConfigEditor(node);
  const c = node.config;
  const buses = useAppStore(
    useShallow((s) =>
      s.flow.nodes
        .filter((n) => isBusKind(n.kind) && n.id !== node.id)
        .map((n) => `${n.id}\u0000${n.label || n.id}`),
    ),
  );
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
      <SelectField
        label="Delivery"
        value={c.delivery ?? FIELD_DEFAULTS.delivery}
        options={DELIVERIES.map((v) => ({ value: v, label: DELIVERY_NAMES[v] }))}
        onChange={(v) => set({ delivery: v })}
      />
      <NumberField
        label="Max deliveries"
        unit="attempts"
        value={c.maxDeliveries}
        placeholder={String(FIELD_DEFAULTS.maxDeliveries)}
        check={check('maxDeliveries')}
        onCommit={(v) => set({ maxDeliveries: v })}
      />
      <SelectField
        label="Dead-letter to"
        value={c.deadLetter ?? ''}
        options={[
          { value: '', label: 'Nowhere (drop)' },
          ...buses.map((b) => {
            const [id, label] = b.split('\u0000') as [string, string];
            return { value: id, label: label === id ? id : `${label} (${id})` };
          }),
        ]}
        onChange={(v) => set({ deadLetter: v || undefined })}
        hint="A queue, topic or stream that receives messages after the last failed delivery."
      />
    </>
  );
}

export const queue: UiKind<'queue'> = {
  kind: 'queue',
  icon,
  colour: { light: '#d9822b', dark: '#f0a04b' },
  hint: 'Point-to-point',
  Node: QueueNode,
  Fields: QueueFields,
};
