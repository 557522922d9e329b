// The sweep's points as a table, by value: end-to-end percentiles with their 95 % intervals,
// achieved and offered rates, losses, the busiest handler, the objectives, and notes for the knee
// and for intervals too wide to read.
import type { SweepDocument } from '../../engine/experiment';
import { formatAmount, formatPercent, formatRate } from '../../model/format';
import { durationText } from './estimate';
import { kneeOf, type PointView } from './sweepAnalysis';
import { Verdict } from './Verdict';

interface Props {
  views: readonly PointView[];
  document: SweepDocument;
  label: string;
}

export function SweepTable({ views, document, label }: Props) {
  const knee = kneeOf(views);
  const busiest = [...new Set(views.flatMap((v) => (v.busiest ? [v.busiest.label] : [])))];
  return (
    <div className="sweep-table__wrap">
      <table className="sweep-table" aria-label="Sweep results">
        <thead>
          <tr>
            <th scope="col" title={label}>
              Value
            </th>
            <th scope="col" title="End-to-end, mean over replications ± the 95 % interval">
              p50
            </th>
            <th scope="col">p95</th>
            <th scope="col">p99</th>
            <th scope="col">Objectives</th>
            <th
              scope="col"
              title="Copies completed per second over the whole run (the offered rate is in each cell's tooltip)"
            >
              Achieved
            </th>
            <th scope="col" title="Dropped / dead-lettered, per run">
              Lost
            </th>
            <th scope="col" title="Utilization of the busiest handler">
              {busiest.length === 1 ? busiest[0] : 'Busiest'}
            </th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          {views.map((v, i) => {
            const slos = document.points[v.index]?.slos;
            const notes = [
              knee?.index === i ? (knee.kind === 'saturates' ? 'saturates here' : 'keeps up from here') : '',
              v.wide.length ? `wide interval (${v.wide.join(', ')})` : '',
            ].filter(Boolean);
            return (
              <tr key={v.index} className={knee?.index === i ? 'is-knee' : undefined}>
                <th scope="row">{String(v.value)}</th>
                <td>{durationText(v.p50)}</td>
                <td>{durationText(v.p95)}</td>
                <td className={v.wide.includes('p99') ? 'is-wide' : undefined}>{durationText(v.p99)}</td>
                <td>{slos?.length ? <Verdict pass={slos.every((s) => s.pass)} /> : '–'}</td>
                <td title={`of ${formatRate(v.offered ?? undefined)} offered`}>
                  {formatRate(v.achieved ?? undefined)}
                </td>
                <td>
                  {formatAmount(v.dropped.mean ?? undefined)} /{' '}
                  {formatAmount(v.deadLettered.mean ?? undefined)}
                </td>
                <td title={v.busiest?.label}>
                  {v.busiest
                    ? `${formatPercent(v.busiest.utilization.mean ?? undefined)} ${v.busiest.label}`
                    : '–'}
                </td>
                <td>
                  {notes.map((n) => (
                    <span key={n} className="sweep-table__note">
                      {n}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
