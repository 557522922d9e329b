// A sweep's results as a spreadsheet: one row per point, in the document's order, with every
// figure the charts draw. The JSON export is the engine's sweep document itself.
import { csvCell } from '../../io/metricsExport';
import type { SweepDocument } from '../../engine/experiment';
import type { PointView } from './sweepAnalysis';

const HEADER = [
  'field',
  'value',
  'replications',
  'p50_s',
  'p50_ci95_s',
  'p95_s',
  'p95_ci95_s',
  'p99_s',
  'p99_ci95_s',
  'mean_s',
  'mean_ci95_s',
  'offered_per_s',
  'achieved_per_s',
  'dropped',
  'dead_lettered',
  'busiest',
  'busiest_utilization',
  'busiest_utilization_ci95',
  'theory_mean_s',
  'theory_utilization',
  'wide_interval',
  'saturated',
  'slos_pass',
];

const num = (n: number | null): string => (n === null ? '' : csvCell(n));

export function sweepCsv(doc: SweepDocument, views: readonly PointView[], path: string): string {
  const byIndex = [...views].sort((a, b) => a.index - b.index);
  const rows = byIndex.map((v) => {
    const slos = doc.points[v.index]!.slos;
    return [
      csvCell(path),
      num(v.value),
      String(doc.replications),
      num(v.p50.mean),
      num(v.p50.half),
      num(v.p95.mean),
      num(v.p95.half),
      num(v.p99.mean),
      num(v.p99.half),
      num(v.meanLatency.mean),
      num(v.meanLatency.half),
      num(v.offered),
      num(v.achieved),
      num(v.dropped.mean),
      num(v.deadLettered.mean),
      csvCell(v.busiest?.label ?? ''),
      num(v.busiest?.utilization.mean ?? null),
      num(v.busiest?.utilization.half ?? null),
      num(v.theory.meanLatency),
      num(v.theory.utilization),
      v.wide.join(' '),
      v.saturated ? 'yes' : 'no',
      slos ? (slos.every((s) => s.pass) ? 'yes' : 'no') : '',
    ].join(',');
  });
  return [HEADER.join(','), ...rows].join('\n') + '\n';
}
