import { useShallow } from 'zustand/react/shallow';
import { edgeFieldProblem } from '../../model/fieldCheck';
import type { FlowEdge, Kind } from '../../model/flow';
import type { EdgePatch } from '../../store/slices/flowSlice';
import { nonEmptyText } from '../../model/fields';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { EdgeRate } from '../run/EdgeRate';
import { TargetFaults } from '../scenarios/TargetFaults';
import { CallSection } from './CallSection';
import { DistField } from './DistField';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

const eventType = nonEmptyText('event type');
const toList = (text: string) => text.split(',').map((t) => t.trim());

export function EdgeInspector({ edge }: { edge: FlowEdge }) {
  const store = useAppStoreApi();
  const { sourceName, targetName, sourceKind, targetKind, consumers } = useAppStore(
    useShallow((s) => {
      const node = (id: string) => s.flow.nodes.find((x) => x.id === id);
      const source = node(edge.source);
      const target = node(edge.target);
      return {
        sourceName: source?.label || edge.source,
        targetName: target?.label || edge.target,
        sourceKind: source?.kind,
        targetKind: target?.kind,
        // The handler's workers: what the delivery window defaults to.
        consumers: target?.kind === 'handler' ? target.config.concurrency : undefined,
      };
    }),
  );
  const update = (patch: EdgePatch) => store.getState().updateEdge(edge.id, patch);
  return (
    <>
      <div className="inspector__head">
        <div>
          <h2 className="inspector__title" tabIndex={-1} data-inspector-title>
            Connection
          </h2>
          <p className="inspector__id">
            {sourceName} → {targetName}
          </p>
        </div>
      </div>
      {targetKind === 'dependency' ? (
        <div className="inspector__fields" key={edge.id}>
          <CallSection edge={edge} caller={sourceName} dependency={targetName} update={update} />
        </div>
      ) : (
        <EventEdgeFields
          key={edge.id}
          edge={edge}
          update={update}
          sourceKind={sourceKind}
          consumers={consumers}
        />
      )}
    </>
  );
}

/** The fields of an edge events travel on: network latency, filter, and a bus's delivery window. */
function EventEdgeFields({
  edge,
  update,
  sourceKind,
  consumers,
}: {
  edge: FlowEdge;
  update: (patch: EdgePatch) => void;
  sourceKind: Kind | undefined;
  /** The target handler's workers; undefined when the target is not a handler. */
  consumers: number | undefined;
}) {
  const windowed = consumers !== undefined && (sourceKind === 'queue' || sourceKind === 'topic');
  return (
    <div className="inspector__fields">
      <EdgeRate edgeId={edge.id} />
      <DistField legend="Latency" value={edge.latency} optional onCommit={(latency) => update({ latency })} />
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
      {windowed && (
        <>
          <h3 className="inspector__section">Delivery window</h3>
          <NumberField
            label="Prefetch"
            unit="messages"
            value={edge.prefetch}
            placeholder={`default: concurrency (${consumers})`}
            check={(v) => edgeFieldProblem('prefetch', v)}
            onCommit={(prefetch) => update({ prefetch })}
            hint="Unacknowledged messages the handler may hold; more than its workers hides latency and ack time."
          />
          <DistField
            legend="Acknowledgement delay"
            value={edge.ackLatency}
            optional
            noneLabel="None (acknowledged at once)"
            onCommit={(ackLatency) => update({ ackLatency })}
            hint="From a completion until the bus has the acknowledgement; the slot is held till then."
          />
        </>
      )}
      {sourceKind === 'stream' && consumers !== undefined && (
        <p className="inspector__note">
          A consumer group reads its own partitions in order, so a stream connection has no delivery window:
          its latency is the fetch time.
        </p>
      )}
      <TargetFaults target={edge.id} what="edge" />
    </div>
  );
}
