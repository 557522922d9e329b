// The bus a queue, topic subscription or stream moves a message to after its last delivery: any
// other bus of the flow, or nowhere (the message is dropped).
import { useShallow } from 'zustand/react/shallow';
import { isBusKind } from '../../model/flow';
import { useAppStore } from '../../store/useAppStore';
import { SelectField } from './SelectField';

const SEP = '\u0000';

interface Props {
  nodeId: string;
  value: string | undefined;
  onChange: (target: string | undefined) => void;
  hint: string;
}

export function DeadLetterField({ nodeId, value, onChange, hint }: Props) {
  // Strings, so the list compares equal (and nothing re-renders) until a bus or its name changes.
  const buses = useAppStore(
    useShallow((s) =>
      s.flow.nodes
        .filter((n) => isBusKind(n.kind) && n.id !== nodeId)
        .map((n) => `${n.id}${SEP}${n.label || n.id}`),
    ),
  );
  return (
    <SelectField
      label="Dead-letter to"
      value={value ?? ''}
      options={[
        { value: '', label: 'Nowhere (drop)' },
        ...buses.map((b) => {
          const [id, label] = b.split(SEP) as [string, string];
          return { value: id, label: label === id ? id : `${label} (${id})` };
        }),
      ]}
      onChange={(v) => onChange(v || undefined)}
      hint={hint}
    />
  );
}
