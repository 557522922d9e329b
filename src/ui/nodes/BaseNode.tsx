// The shell every node kind shares: handles, icon, label, one-line summary, a live badge slot.
// Each kind's file chooses which handles exist and adds its own decoration.
import { Handle, Position } from '@xyflow/react';
import { type ReactNode, use } from 'react';
import { MODEL_KINDS } from '../../model/kinds';
import type { FlowNode } from '../../model/flow';
import { summarize } from '../../model/summary';
import { KindIcon } from './KindIcon';
import { NodeBadgeContext } from './NodeBadgeContext';

interface Props {
  node: FlowNode;
  selected: boolean;
  /** Producers take no input. */
  input?: boolean;
  /** Stores are terminal. */
  output?: boolean;
  decoration?: ReactNode;
}

export function BaseNode({ node, selected, input = true, output = true, decoration }: Props) {
  const Badge = use(NodeBadgeContext);
  const label = node.label || node.id;
  return (
    <div
      className={`ef-node ef-node--${node.kind}${selected ? ' is-selected' : ''}`}
      data-kind={node.kind}
      title={`${MODEL_KINDS[node.kind].label} “${label}” (${node.id})`}
    >
      {input && <Handle type="target" position={Position.Left} aria-label={`Input of ${label}`} />}
      {decoration}
      <div className="ef-node__icon">
        <KindIcon kind={node.kind} />
      </div>
      <div className="ef-node__text">
        <div className="ef-node__kind">{MODEL_KINDS[node.kind].label}</div>
        <div className="ef-node__label">{label}</div>
        <div className="ef-node__summary">{summarize(node)}</div>
      </div>
      {Badge && <Badge nodeId={node.id} />}
      {output && <Handle type="source" position={Position.Right} aria-label={`Output of ${label}`} />}
    </div>
  );
}
