// Per-node figures from the latest report (≤ 2 a second), named by label. Clicking a row selects
// the node on the canvas; the selected node's row is highlighted and its figures expanded.
import { memo, useMemo } from 'react';
import type { NodeReport, SimulationReport } from '../../engine/api';
import type { Flow } from '../../model/flow';
import { useAppStore } from '../../store/useAppStore';
import { formatCount, formatDuration, formatAmount, formatPercent } from '../../model/format';
import { hottestPartition } from '../../model/partitions';
import { type Network, networkInto } from './breakdown';
import { formatDurations } from './figures';
import { Delta } from './Delta';
import { Prediction } from './Prediction';
import { predictAll, type PredictionOutcome } from './predictions';

/** Rows rendered at most: beyond this a table stops being read (export has every node). */
const MAX_ROWS = 60;

const NETWORK_TITLE = {
  measured: 'Mean network time on the way in, measured: sojourn − wait − service',
  configured: 'Mean of the incoming edge latency as configured (not measured)',
  none: 'No latency on the way in',
} as const;

function Row({
  id,
  label,
  n,
  flowNodeKind,
  focused,
  onFocus,
  prediction,
  network,
  base,
}: {
  id: string;
  label: string;
  n: NodeReport;
  /** The same node in the pinned baseline, when comparing. */
  base: NodeReport | undefined;
  flowNodeKind: string;
  focused: boolean;
  onFocus: (id: string) => void;
  prediction: PredictionOutcome | undefined;
  network: Network;
}) {
  const stat = (s: NodeReport['wait']) => formatDurations(s.p50, s.p95, s.p99);
  // Compared by p99, the figure a change of capacity moves most.
  const p99 = (key: 'wait' | 'service' | 'sojourn') =>
    base && <Delta now={n[key].p99} base={base[key].p99} kind="time" better="lower" />;
  const count = (key: 'in' | 'out' | 'dropped' | 'failed', better: 'lower' | 'neither') =>
    base && <Delta now={n[key]} base={base[key]} kind="count" better={better} />;
  // A dependency's pool slots are its workers: utilization, pool wait, service and sojourn.
  const busy = flowNodeKind === 'handler' || flowNodeKind === 'dependency';
  const bus = flowNodeKind === 'queue' || flowNodeKind === 'topic' || flowNodeKind === 'stream';
  return (
    <tr
      aria-selected={focused}
      className={focused ? 'is-focused' : undefined}
      data-node-id={id}
      onClick={() => onFocus(id)}
    >
      <th scope="row">
        <button
          type="button"
          className="metrics__node"
          onClick={() => onFocus(id)}
          aria-label={`Focus ${label}`}
        >
          {label}
        </button>
      </th>
      <td>{flowNodeKind}</td>
      <td data-metric="in">
        {formatCount(n.in)}
        {count('in', 'neither')}
      </td>
      <td data-metric="out">
        {formatCount(n.out)}
        {count('out', 'neither')}
      </td>
      <td data-metric="dropped">
        {formatCount(n.dropped)}
        {count('dropped', 'lower')}
      </td>
      <td data-metric="failed">
        {formatCount(n.failed)}
        {count('failed', 'lower')}
      </td>
      <td data-metric="duplicates">{busy ? formatCount(n.duplicates) : ''}</td>
      <td data-metric="expired">{bus ? formatCount(n.expired) : ''}</td>
      <td data-metric="calls">
        {n.attempts > 0
          ? `${formatCount(n.calls)} / ${formatCount(n.attempts)} / ${formatCount(n.timeouts)}`
          : ''}
      </td>
      <td data-metric="utilization">
        {busy ? formatPercent(n.utilization) : ''}
        {busy && base && <Delta now={n.utilization} base={base.utilization} kind="share" better="neither" />}
      </td>
      <td data-metric="wait">
        {busy ? stat(n.wait) : ''}
        {busy && p99('wait')}
      </td>
      <td data-metric="service">
        {busy ? stat(n.service) : ''}
        {busy && p99('service')}
      </td>
      <td data-metric="network" title={NETWORK_TITLE[network.source]}>
        {network.source === 'none' ? '' : formatDuration(network.seconds)}
        {network.source === 'configured' && <span className="metrics__configured"> configured</span>}
      </td>
      <td data-metric="sojourn">
        {busy ? stat(n.sojourn) : ''}
        {busy && p99('sojourn')}
      </td>
      <td data-metric="age">{bus ? formatDurations(n.age.mean, n.age.max) : ''}</td>
      <td data-metric="lag">{lagText(n)}</td>
      <td>{prediction && <Prediction p={prediction} measured={n} />}</td>
    </tr>
  );
}

/** A stream's hottest partition by mean lag: "p3 · 40 / 120"; "none" when no partition lagged. */
function lagText(n: NodeReport): string {
  if (!n.partitions) return '';
  const p = hottestPartition(n.partitions.map((x) => x.depthMean));
  if (p < 0) return 'none';
  const { depthMean, depthMax } = n.partitions[p]!;
  return `p${p} · ${formatAmount(depthMean)} / ${formatCount(depthMax)}`;
}

/** Memoized: re-renders with a new report (≤ 2/s) or flow, not with every clock tick. */
export const MetricsTable = memo(function MetricsTable({
  report,
  flow,
  baseline,
}: {
  report: SimulationReport;
  flow: Flow;
  /** A pinned run to show changes from (nodes matched by id), or null. */
  baseline: SimulationReport | null;
}) {
  const focus = useAppStore((s) => s.selection.nodes[0]);
  const setSelection = useAppStore((s) => s.setSelection);
  const predictions = useMemo(() => predictAll(flow), [flow]);
  const nodes = flow.nodes.filter((n) => report.nodes[n.id]);
  const shown = nodes.slice(0, MAX_ROWS);
  const focusedNode = focus ? nodes.find((n) => n.id === focus) : undefined;
  if (focusedNode && !shown.includes(focusedNode)) shown.push(focusedNode);
  const onFocus = (id: string) => setSelection({ nodes: [id], edges: [] });

  return (
    <div className="metrics__table-wrap">
      <table className="metrics__table" aria-label="Per-node metrics">
        <thead>
          <tr>
            <th scope="col">Node</th>
            <th scope="col">Kind</th>
            <th scope="col">In</th>
            <th scope="col">Out</th>
            <th scope="col">Drops</th>
            <th scope="col">Failures</th>
            <th scope="col" title="Completions of messages another delivery had completed (a lease ran out)">
              Duplicates
            </th>
            <th scope="col" title="Messages removed past their time to live">
              Expired
            </th>
            <th
              scope="col"
              title="Synchronous calls to dependencies: calls made (a handler) or received (a dependency), attempts with retries, attempts the caller gave up on"
            >
              Calls / attempts / timeouts
            </th>
            <th scope="col">Utilization</th>
            <th scope="col">Wait p50 / p95 / p99</th>
            <th scope="col">Service p50 / p95 / p99</th>
            <th scope="col" title="Mean time on the network into the node">
              Network in (mean)
            </th>
            <th scope="col">Sojourn p50 / p95 / p99</th>
            <th scope="col" title="Age of a bus's oldest waiting message: mean over the run / most">
              Oldest waiting (mean / max)
            </th>
            <th
              scope="col"
              title="A stream's partition with the most lag (messages waiting for its consumer groups): mean / most"
            >
              Hottest partition lag (mean / max)
            </th>
            <th scope="col">Queueing theory</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((n) => (
            <Row
              key={n.id}
              id={n.id}
              label={n.label || n.id}
              n={report.nodes[n.id]!}
              flowNodeKind={n.kind}
              focused={n.id === focus}
              onFocus={onFocus}
              prediction={predictions.get(n.id)}
              network={networkInto(n.id, flow, report)}
              base={baseline?.nodes[n.id]}
            />
          ))}
        </tbody>
        {nodes.length > shown.length && (
          <tfoot>
            <tr>
              <td colSpan={17}>
                {nodes.length - shown.length} more nodes — select one on the canvas, or export for all.
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
});
