import type { NodeOfKind } from '../../model/flow';
import { DistField } from './DistField';
import { inMs, NumberField } from './NumberField';
import { TextField } from './TextField';
import { useConfigEditor } from './useConfigEditor';

export function ProducerFields({ node }: { node: NodeOfKind<'producer'> }) {
  const { set, check } = useConfigEditor(node);
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
    </>
  );
}
