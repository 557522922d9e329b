// Handler in the editor: a crisp rectangle with a gear (the work done per event), and its
// concurrency, service time, failures, retry delay and emitted event type.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOfKind } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { DistField } from '../inspector/DistField';
import { NumberField } from '../inspector/NumberField';
import { TextField } from '../inspector/TextField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <circle cx="12" cy="12" r="3" />
    <path d="M12 3v3M12 18v3M3 12h3M18 12h3M5.6 5.6l2.1 2.1M16.3 16.3l2.1 2.1M5.6 18.4l2.1-2.1M16.3 7.7l2.1-2.1" />
  </>
);

const HandlerNode = memo(function HandlerNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} icon={icon} />;
});

function HandlerFields({ node }: { node: NodeOfKind<'handler'> }) {
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

export const handler: UiKind<'handler'> = {
  kind: 'handler',
  icon,
  colour: KIND_COLOURS.handler,
  hint: 'Processes events',
  Node: HandlerNode,
  Fields: HandlerFields,
};
