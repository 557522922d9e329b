// Dependency in the editor: a database cylinder with a call going in and its answer coming back
// (handlers wait for it; it sends no events, so it has no output handle), drawn with a double rule
// on the side its callers connect to. Its pool of slots, service time and failure rate; what each
// caller does about slow or failed calls is on the call edge (EdgeInspector's Calls section).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeOfKind } from '../../model/flow';
import { KIND_COLOURS } from '../../model/kinds/colours';
import { DistField } from '../inspector/DistField';
import { NumberField } from '../inspector/NumberField';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { BaseNode } from '../nodes/BaseNode';
import type { CanvasNode } from '../nodes/rfTypes';
import type { UiKind } from './uiKind';

const icon = (
  <>
    <ellipse cx="15.5" cy="6" rx="5.5" ry="2.2" />
    <path d="M10 6v12c0 1.2 2.5 2.2 5.5 2.2S21 19.2 21 18V6" />
    <path d="M10 12c0 1.2 2.5 2.2 5.5 2.2S21 13.2 21 12" />
    <path d="M2.5 9.5H7.5M5.5 7.5l2 2-2 2" />
    <path d="M7.5 15.5H2.5M4.5 13.5l-2 2 2 2" />
  </>
);

const DependencyNode = memo(function DependencyNode({ data, selected }: NodeProps<CanvasNode>) {
  return <BaseNode node={data.node} selected={selected} icon={icon} />;
});

function DependencyFields({ node }: { node: NodeOfKind<'dependency'> }) {
  const { set, check } = useConfigEditor(node);
  const c = node.config;
  return (
    <>
      <NumberField
        label="Pool"
        unit="slots"
        value={c.pool}
        check={check('pool')}
        onCommit={(v) => set({ pool: v! })}
        hint="Calls served at once (connections, threads); the others wait for a slot."
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
        hint="Share of attempts that fail; the call edge says whether the caller tries again."
      />
    </>
  );
}

export const dependency: UiKind<'dependency'> = {
  kind: 'dependency',
  icon,
  colour: KIND_COLOURS.dependency,
  hint: 'Database or API',
  Node: DependencyNode,
  Fields: DependencyFields,
};
