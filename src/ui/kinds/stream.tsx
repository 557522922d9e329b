// Stream in the editor: a card striped with one band per partition (up to eight drawn), and its
// partitions and retention.
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOfKind } from '../../model/flow';
import { NumberField } from '../inspector/NumberField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
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

function StreamFields({ node }: { node: NodeOfKind<'stream'> }) {
  const { set, check } = useConfigEditor(node);
  return (
    <>
      <NumberField
        label="Partitions"
        unit="partitions"
        value={node.config.partitions}
        check={check('partitions')}
        onCommit={(v) => set({ partitions: v! })}
        hint="Each consumer group uses at most one worker per partition."
      />
      <NumberField
        label="Retention"
        unit="s"
        value={node.config.retention}
        placeholder="forever"
        check={check('retention')}
        onCommit={(v) => set({ retention: v })}
      />
    </>
  );
}

export const stream: UiKind<'stream'> = {
  kind: 'stream',
  icon,
  colour: { light: '#0e8fb5', dark: '#38bdf8' },
  hint: 'Partitioned log',
  Node: StreamNode,
  Fields: StreamFields,
};
