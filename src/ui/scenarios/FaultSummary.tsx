// After (and during) a run: one row per fault with what it cost. A fault that never drained and
// left goodput below its level before, long after it ended, is flagged as a possible metastable
// failure.
import type { SimulationReport } from '../../engine/api';
import type { Flow } from '../../model/flow';
import { formatCount, formatRate } from '../../model/format';
import { useRun, useRunState } from '../run/runContext';
import type { SeriesStore } from '../run/series';
import { targetLabel } from '../../model/faults';
import {
  faultOutcome,
  goodputAround,
  type Outcome,
  outcomeText,
  quietUntil,
  windowText,
} from '../../model/faultOutcome';

/** Each reported fault's outcome at `time`, from the throughput series. */
export function faultOutcomes(report: SimulationReport, time: number, series: SeriesStore): Outcome[] {
  const faults = report.faults ?? [];
  return faults.map((f, i) => {
    const until = quietUntil(faults, i, time);
    const goodput = goodputAround(
      series.time,
      series.throughput,
      series.length,
      f.at,
      f.at + f.duration,
      until,
    );
    return faultOutcome(f, time, until, goodput);
  });
}

export function FaultSummary({ report, flow }: { report: SimulationReport; flow: Flow }) {
  const { series } = useRun();
  const time = useRunState((s) => s.time);
  const outcomes = faultOutcomes(report, time, series);
  const faults = report.faults;
  if (!faults?.length) return null;
  return (
    <div className="metrics__table-wrap fault-summary">
      <table className="metrics__table">
        <caption className="fault-summary__caption">Fault summary</caption>
        <thead>
          <tr>
            <th scope="col">Fault on</th>
            <th scope="col">Kind</th>
            <th scope="col">Window</th>
            <th
              scope="col"
              title="The most messages waiting for the target from the fault's start until it drained"
            >
              Backlog peak
            </th>
            <th
              scope="col"
              title="From the fault's end until the target's backlog was back to its level before"
            >
              Drain time
            </th>
            <th scope="col">Lost</th>
            <th scope="col">Dead-lettered</th>
            <th scope="col">Duplicated</th>
          </tr>
        </thead>
        <tbody>
          {faults.map((f, i) => {
            const o = outcomes[i]!;
            return (
              <tr key={i} className={o.state === 'stuck' ? 'is-stuck' : undefined} data-fault={i}>
                <th scope="row">{targetLabel(flow, f.target)}</th>
                <td>{f.kind}</td>
                <td>{windowText(f)}</td>
                <td data-metric="backlogPeak">{formatCount(f.backlogPeak)}</td>
                <td data-metric="drainTime">
                  {outcomeText(o)}
                  {o.state === 'stuck' && (
                    <span
                      className="fault-summary__flag"
                      title={`Goodput ${formatRate(o.after)} lately against ${formatRate(o.before)} before the fault: the system did not come back after its trigger ended.`}
                    >
                      {' '}
                      · possible metastable failure
                    </span>
                  )}
                </td>
                <td data-metric="lost">{formatCount(f.lost)}</td>
                <td data-metric="deadLettered">{formatCount(f.deadLettered)}</td>
                <td data-metric="duplicates">{formatCount(f.duplicates)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
