// Producer in the editor: a pill with an emitting pulse (it has no input handle), and its event
// type, arrival process, count, start, keys and how skewed they are, and its load profile.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Dist } from '../../model/dist';
import { distProblem } from '../../model/fieldCheck';
import type { NodeOfKind } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { DistField } from '../inspector/DistField';
import { inMs, NumberField } from '../inspector/NumberField';
import { TextField } from '../inspector/TextField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import { ProfileSection } from '../scenarios/ProfileSection';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <path d="M4 12h9" />
    <path d="M10 7l5 5-5 5" />
    <circle cx="19" cy="12" r="2" />
  </>
);

const ProducerNode = memo(function ProducerNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      icon={icon}
      decoration={<span className="ef-node__pulse" aria-hidden="true" />}
    />
  );
});

function ProducerFields({ node }: { node: NodeOfKind<'producer'> }) {
  const { set, check, problem } = useConfigEditor(node);
  const c = node.config;
  return (
    <>
      <TextField
        label="Event type"
        value={c.eventType}
        check={check('eventType')}
        onCommit={(v) => set({ eventType: v! })}
      />
      <DistField
        legend="Interarrival"
        value={c.interarrival}
        onCommit={(v) => set({ interarrival: v! })}
        asRate
        // The producer's own rules on its interarrival (it must let time advance) show here too.
        problem={(d, param) =>
          distProblem(d, param) ?? problem({ interarrival: d as Dist }, ['interarrival'])
        }
      />
      <NumberField
        label="Event count"
        unit="events"
        value={c.count}
        placeholder="unlimited"
        check={check('count')}
        onCommit={(v) => set({ count: v })}
        hint="Stop after this many events; empty runs for the whole simulation."
      />
      <NumberField
        label="Start"
        unit="ms"
        scale={1000}
        value={c.start}
        placeholder="0"
        check={check('start')}
        onCommit={(v) => set({ start: v })}
        rewordError={inMs}
      />
      <NumberField
        label="Keys"
        unit="keys"
        value={c.keys}
        placeholder="none"
        check={check('keys')}
        onCommit={(v) => set({ keys: v })}
        hint="Distinct event keys; a stream assigns partitions by key."
      />
      <NumberField
        label="Key skew"
        unit="Zipf s"
        value={c.keySkew}
        placeholder="0 (uniform)"
        check={check('keySkew')}
        onCommit={(v) => set({ keySkew: v })}
        hint="Key k of the keys is drawn ∝ 1/kˢ: 1 gives the first key about 13% of 1,000 keys."
      />
      <ProfileSection node={node} />
    </>
  );
}

export const producer: UiKind<'producer'> = {
  kind: 'producer',
  icon,
  colour: KIND_COLOURS.producer,
  hint: 'Emits events',
  Node: ProducerNode,
  Fields: ProducerFields,
};
