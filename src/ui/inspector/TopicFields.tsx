import type { NodeOfKind } from '../../model/flow';
import { BusCapacityField } from './BusCapacityField';
import { useConfigEditor } from './useConfigEditor';

export function TopicFields({ node }: { node: NodeOfKind<'topic'> }) {
  const { set, check } = useConfigEditor(node);
  return (
    <BusCapacityField
      value={node.config.capacity}
      check={check('capacity')}
      onCommit={(v) => set({ capacity: v })}
      hint="Per subscription: each outgoing edge has its own queue of this size."
    />
  );
}
