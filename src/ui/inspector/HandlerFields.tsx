import type { NodeOfKind } from '../../model/flow';
import { DistField } from './DistField';
import { NumberField } from './NumberField';
import { TextField } from './TextField';
import { useConfigEditor } from './useConfigEditor';

export function HandlerFields({ node }: { node: NodeOfKind<'handler'> }) {
  const { set, check } = useConfigEditor(node);
  const c = node.config;
  return (
    <>
      <NumberField
        label="Concurrency"
        unit="workers"
        value={c.concurrency}
        check={check('concurrency')}
        onCommit={(v) => set({ concurrency: v! })}
      />
      <DistField legend="Service time" value={c.service} onCommit={(v) => set({ service: v! })} />
      <NumberField
        label="Failure rate"
        unit="%"
        scale={100}
        value={c.failureRate}
        placeholder="0"
        check={check('failureRate')}
        onCommit={(v) => set({ failureRate: v })}
        rewordError={() => 'must be a percentage between 0 and 100'}
      />
      <DistField
        legend="Retry delay"
        value={c.retryDelay}
        optional
        onCommit={(v) => set({ retryDelay: v })}
      />
      <TextField
        label="Emits"
        value={c.emits}
        optional
        placeholder="same event type"
        check={check('emits')}
        onCommit={(v) => set({ emits: v })}
        hint="Event type sent on each outgoing edge after success."
      />
    </>
  );
}
