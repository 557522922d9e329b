import type { ComponentType } from 'react';
import type { FlowNode } from '../../model/flow';
import { MODEL_KINDS } from '../../model/kinds';
import { useAppStoreApi } from '../../store/useAppStore';
import { UI_KINDS } from '../kinds';
import { KindIcon } from '../kinds/KindIcon';
import { TargetFaults } from '../scenarios/TargetFaults';
import { ConnectionsSection } from './ConnectionsSection';
import { TextField } from './TextField';

export function NodeInspector({ node }: { node: FlowNode }) {
  const store = useAppStoreApi();
  // A lookup by node.kind gives TypeScript a union of field components, none of which takes every
  // node; the registry's type pairs each kind's fields with its own nodes.
  const KindFields = UI_KINDS[node.kind].Fields as ComponentType<{ node: FlowNode }>;
  return (
    <>
      <div className="inspector__head" data-kind={node.kind}>
        <KindIcon kind={node.kind} size={20} />
        <div>
          <h2 className="inspector__title" tabIndex={-1} data-inspector-title>
            {MODEL_KINDS[node.kind].label}
          </h2>
          <p className="inspector__id">
            id <code>{node.id}</code>
          </p>
        </div>
      </div>
      {/* key: a different node starts with fresh field state */}
      <div className="inspector__fields" key={node.id}>
        <TextField
          label="Label"
          value={node.label}
          optional
          placeholder={node.id}
          onCommit={(label) => store.getState().updateNode(node.id, { label })}
        />
        <KindFields node={node} />
        <ConnectionsSection node={node} />
        <TargetFaults target={node.id} what="node" />
      </div>
    </>
  );
}
