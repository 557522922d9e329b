// The right-hand panel: edits whatever is selected (one node, one edge) or the flow itself.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/useAppStore';
import { EdgeInspector } from './EdgeInspector';
import { FlowInspector } from './FlowInspector';
import { NodeInspector } from './NodeInspector';

export function Inspector() {
  const { node, edge, count } = useAppStore(
    useShallow((s) => {
      const { nodes, edges } = s.selection;
      return {
        node: nodes.length === 1 && !edges.length ? s.flow.nodes.find((n) => n.id === nodes[0]) : undefined,
        edge: edges.length === 1 && !nodes.length ? s.flow.edges.find((e) => e.id === edges[0]) : undefined,
        count: nodes.length + edges.length,
      };
    }),
  );
  return (
    <aside className="inspector" role="region" aria-label="Inspector">
      {node ? (
        <NodeInspector node={node} />
      ) : edge ? (
        <EdgeInspector edge={edge} />
      ) : count > 1 ? (
        <div className="inspector__head">
          <div>
            <h2 className="inspector__title">{count} items selected</h2>
            <p className="inspector__id">Delete, duplicate (Ctrl+D) or copy (Ctrl+C) them together.</p>
          </div>
        </div>
      ) : (
        <FlowInspector />
      )}
    </aside>
  );
}
