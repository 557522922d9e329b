// The shell every node kind shares: handles, icon, label, one-line summary, a live badge slot.
// The kind's model module says which handles exist; its UI entry adds the icon and decoration.
import { type ReactNode, use } from 'react';
import type { FlowNode } from '../../model/flow';
import { MODEL_KINDS } from '../../model/kinds';
import { summarize } from '../../model/summary';
import { ConnectHandle } from './ConnectHandle';
import { Glyph } from './Glyph';
import { NodeBadgeContext } from './NodeBadgeContext';

interface Props {
  node: FlowNode;
  selected: boolean;
  /** The kind's glyph (SVG children). */
  icon: ReactNode;
  decoration?: ReactNode;
}

export function BaseNode({ node, selected, icon, decoration }: Props) {
  const Badge = use(NodeBadgeContext);
  const kind = MODEL_KINDS[node.kind];
  const label = node.label || node.id;
  return (
    <div
      className={`ef-node ef-node--${node.kind}${selected ? ' is-selected' : ''}`}
      data-kind={node.kind}
      title={`${kind.label} “${label}” (${node.id})`}
    >
      {kind.input.open && <ConnectHandle nodeId={node.id} side="target" label={label} />}
      {decoration}
      <div className="ef-node__icon">
        <Glyph>{icon}</Glyph>
      </div>
      <div className="ef-node__text">
        <div className="ef-node__kind">{kind.label}</div>
        <div className="ef-node__label">{label}</div>
        <div className="ef-node__summary">{summarize(node)}</div>
      </div>
      {Badge && <Badge nodeId={node.id} />}
      {kind.output.open && <ConnectHandle nodeId={node.id} side="source" label={label} />}
    </div>
  );
}
