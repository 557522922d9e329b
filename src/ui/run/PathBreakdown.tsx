// "Where time goes": end-to-end latency = queue wait + processing + network, hop by hop along a
// path (the slowest by default), as a waterfall: each hop's bar starts where the previous ended.
// Figures are means from the report (breakdown.ts says which network times are measured).
import { memo, useMemo, useState } from 'react';
import type { SimulationReport } from '../../engine/api';
import type { Flow } from '../../model/flow';
import { formatDuration } from '../../model/format';
import { type Hop, pathTimes } from './breakdown';

const PARTS = [
  { key: 'network', name: 'network' },
  { key: 'wait', name: 'queue wait' },
  { key: 'service', name: 'processing' },
] as const;

function hopText(h: Hop): string {
  const parts: string[] = [];
  if (h.network.source !== 'none') {
    parts.push(
      `network ${formatDuration(h.network.seconds)}${h.network.source === 'configured' ? ' (configured)' : ''}`,
    );
  }
  if (h.wait > 0 || h.service > 0) {
    parts.push(`queue wait ${formatDuration(h.wait)}`, `processing ${formatDuration(h.service)}`);
  }
  return parts.length ? parts.join(', ') : 'no time';
}

/** Memoized: re-renders with a new report (≤ 1/s) or flow. */
export const PathBreakdown = memo(function PathBreakdown({
  report,
  flow,
}: {
  report: SimulationReport | null;
  flow: Flow;
}) {
  const paths = useMemo(() => (report ? pathTimes(flow, report) : []), [flow, report]);
  const [chosen, setChosen] = useState<string | null>(null);
  const key = (nodeIds: string[]) => nodeIds.join('→');
  const path = paths.find((p) => key(p.nodeIds) === chosen) ?? paths[0];
  const slowest = path === paths[0];

  return (
    <figure className="metrics__chart breakdown">
      <figcaption className="metrics__chart-title">Where time goes</figcaption>
      <p className="chart-readout" aria-hidden="true">
        {PARTS.map((p) => (
          <span key={p.key} className="chart-readout__item">
            <i className={`breakdown__swatch breakdown__swatch--${p.key}`} /> {p.name}
          </span>
        ))}
        <span className="chart-readout__item">
          <i className="breakdown__swatch breakdown__swatch--network is-configured" /> configured
        </span>
      </p>
      {!path ? (
        <p className="metrics__empty">Per hop: queue wait + processing + network, once a run has figures.</p>
      ) : (
        <>
          <label className="breakdown__pick">
            <span className="sr-only">Path</span>
            <select
              value={key(path.nodeIds)}
              onChange={(e) => setChosen(e.currentTarget.value)}
              aria-label="Path"
            >
              {paths.slice(0, 30).map((p, i) => (
                <option key={key(p.nodeIds)} value={key(p.nodeIds)}>
                  {i === 0 ? 'Slowest: ' : ''}
                  {p.labels.join(' → ')} · {formatDuration(p.total)}
                </option>
              ))}
            </select>
          </label>
          <table
            className="breakdown__table"
            aria-label={`Where time goes, ${slowest ? 'slowest path' : 'path'}: ${path.labels.join(' → ')}`}
          >
            <tbody>
              {path.hops.map((h) => (
                <tr key={h.nodeId} data-hop={h.nodeId}>
                  <th scope="row" title={h.label}>
                    {h.label}
                  </th>
                  <td className="breakdown__bar" aria-hidden="true" title={hopText(h)}>
                    <Bar hop={h} total={path.total} />
                  </td>
                  <td className="breakdown__total">
                    <span className="sr-only">{hopText(h)}: </span>
                    {formatDuration(h.total)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">End to end</th>
                <td className="breakdown__note">
                  mean per hop{report ? `; all paths: mean ${formatDuration(report.endToEnd.mean)}` : ''}
                </td>
                <td className="breakdown__total">{formatDuration(path.total)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      )}
    </figure>
  );
});

function Bar({ hop, total }: { hop: Hop; total: number }) {
  const pct = (s: number) => `${total > 0 ? (100 * s) / total : 0}%`;
  return (
    <span className="breakdown__track">
      <span className="breakdown__offset" style={{ width: pct(hop.start) }} />
      <span
        className={`breakdown__seg breakdown__seg--network${hop.network.source === 'configured' ? ' is-configured' : ''}`}
        style={{ width: pct(hop.network.seconds) }}
      />
      <span className="breakdown__seg breakdown__seg--wait" style={{ width: pct(hop.wait) }} />
      <span className="breakdown__seg breakdown__seg--service" style={{ width: pct(hop.service) }} />
    </span>
  );
}
