import type { NodeOfKind } from '../../model/flow';
import { NumberField } from './NumberField';
import { useConfigEditor } from './useConfigEditor';

export function StreamFields({ node }: { node: NodeOfKind<'stream'> }) {
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
