import type { FlowEdge } from '../../model/flow';
import { nonEmptyText } from '../../model/fields';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { EdgeRate } from '../run/EdgeRate';
import { DistField } from './DistField';
import { TextField } from './TextField';

const eventType = nonEmptyText('event type');
const toList = (text: string) => text.split(',').map((t) => t.trim());

export function EdgeInspector({ edge }: { edge: FlowEdge }) {
  const store = useAppStoreApi();
  const names = useAppStore((s) => {
    const name = (id: string) => {
      const n = s.flow.nodes.find((x) => x.id === id);
      return n?.label || id;
    };
    return `${name(edge.source)} → ${name(edge.target)}`;
  });
  const update = (patch: Partial<FlowEdge>) => store.getState().updateEdge(edge.id, patch);
  return (
    <>
      <div className="inspector__head">
        <div>
          <h2 className="inspector__title" tabIndex={-1} data-inspector-title>
            Connection
          </h2>
          <p className="inspector__id">{names}</p>
        </div>
      </div>
      <div className="inspector__fields" key={edge.id}>
        <EdgeRate edgeId={edge.id} />
        <DistField
          legend="Latency"
          value={edge.latency}
          optional
          onCommit={(latency) => update({ latency })}
        />
        <TextField
          label="Filter"
          value={edge.filter?.join(', ')}
          optional
          placeholder="all event types"
          hint="Comma-separated event types this edge passes; empty passes all."
          check={(text) => {
            if (text === undefined) return null;
            const bad = toList(text).find((t) => !eventType.safeParse(t).success);
            return bad === undefined ? null : 'must be event types separated by commas';
          }}
          onCommit={(text) => update({ filter: text === undefined ? undefined : toList(text) })}
        />
      </div>
    </>
  );
}
