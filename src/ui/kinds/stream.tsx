// Stream in the editor: a card striped with one band per partition (up to eight drawn), and its
// partitions, retention, what a consumer group does with a failed message, and who owns which
// partition (with each one's lag while a run is loaded).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { DELIVERY_DEFAULTS, STREAM_FAILURES } from '../../model/delivery';
import type { NodeOfKind } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { BrokerPresetField } from '../inspector/BrokerPresetField';
import { DeadLetterField } from '../inspector/DeadLetterField';
import { describeStreamFailure } from '../inspector/deliverySummary';
import { NumberField } from '../inspector/NumberField';
import { RetryField } from '../inspector/RetryField';
import { Section } from '../inspector/Section';
import { SelectField } from '../inspector/SelectField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import { StreamPartitions } from '../run/StreamPartitions';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <path d="M3 6h18M3 10h18M3 14h18M3 18h18" />
    <path d="M8 4v4M14 8v4M11 12v4M17 16v4" />
  </>
);

const Partitions = ({ count }: { count: number }) => (
  <span className="ef-node__partitions" aria-hidden="true">
    {Array.from({ length: Math.min(count, 8) }, (_, i) => (
      <i key={i} />
    ))}
  </span>
);

const StreamNode = memo(function StreamNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <BaseNode
      node={data.node}
      selected={selected}
      icon={icon}
      decoration={<Partitions count={data.node.kind === 'stream' ? data.node.config.partitions : 1} />}
    />
  );
});

const FAILURE_NAMES = {
  drop: 'Drop it and move on',
  block: 'Retry in place; the partition waits',
  'dead-letter': 'Retry, then dead-letter it',
} as const;

function StreamFields({ node }: { node: NodeOfKind<'stream'> }) {
  const { set, check, problem } = useConfigEditor(node);
  const c = node.config;
  const onFailure = c.onFailure ?? DELIVERY_DEFAULTS.onFailure;
  return (
    <>
      <NumberField
        label="Partitions"
        unit="partitions"
        value={c.partitions}
        check={check('partitions')}
        onCommit={(v) => set({ partitions: v! })}
        hint="Each consumer group uses at most one worker per partition."
      />
      <NumberField
        label="Retention"
        unit="s"
        value={c.retention}
        placeholder="forever"
        check={check('retention')}
        onCommit={(v) => set({ retention: v })}
      />
      <BrokerPresetField node={node} />
      <Section title="Failures" summary={describeStreamFailure(c)}>
        <SelectField
          label="On failure"
          value={onFailure}
          options={STREAM_FAILURES.map((v) => ({ value: v, label: FAILURE_NAMES[v] }))}
          onChange={(v) => set({ onFailure: v })}
          hint="What a consumer group does with a message its handler failed."
        />
        {onFailure === 'dead-letter' && (
          <>
            <NumberField
              label="Max deliveries"
              unit="deliveries"
              value={c.maxDeliveries}
              placeholder={String(DELIVERY_DEFAULTS.maxDeliveries)}
              check={check('maxDeliveries')}
              onCommit={(v) => set({ maxDeliveries: v })}
              hint="After this many, the message is dead-lettered and the partition moves on."
            />
            <DeadLetterField
              nodeId={node.id}
              value={c.deadLetter}
              onChange={(deadLetter) => set({ deadLetter })}
              hint="A queue, topic or stream that receives the message; nowhere drops it."
            />
          </>
        )}
        {onFailure !== 'drop' && (
          <RetryField
            value={c.retry}
            withPosition={false}
            check={(retry, at) => problem({ retry }, ['retry', ...at])}
            onCommit={(retry) => set({ retry })}
          />
        )}
      </Section>
      <StreamPartitions node={node} />
    </>
  );
}

export const stream: UiKind<'stream'> = {
  kind: 'stream',
  icon,
  colour: KIND_COLOURS.stream,
  hint: 'Partitioned log',
  Node: StreamNode,
  Fields: StreamFields,
};
