// Metrics as files: JSON is the CLI's document (so the same tools read both) plus node labels;
// CSV is one row per node, for spreadsheets.
import type { SimulationReport } from '../../engine/api';
import type { Flow } from '../../model/flow';

const STATS = ['count', 'mean', 'p50', 'p95', 'p99', 'max'] as const;
const COUNTS = ['in', 'out', 'dropped', 'failed', 'lost', 'deadLettered', 'redelivered'] as const;

const csvCell = (v: string | number): string => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function metricsCsv(report: SimulationReport, flow: Flow): string {
  const labels = new Map(flow.nodes.map((n) => [n.id, n.label || n.id]));
  const header = [
    'id',
    'label',
    'kind',
    ...COUNTS,
    'throughput',
    'utilization',
    'queueDepthMean',
    'queueDepthMax',
    ...(['wait', 'service', 'sojourn'] as const).flatMap((k) => STATS.map((s) => `${k}.${s}`)),
  ];
  const rows = Object.entries(report.nodes).map(([id, n]) => [
    id,
    labels.get(id) ?? id,
    n.kind,
    ...COUNTS.map((c) => n[c]),
    n.throughput,
    n.utilization,
    n.queueDepth.mean,
    n.queueDepth.max,
    ...(['wait', 'service', 'sojourn'] as const).flatMap((k) => STATS.map((s) => n[k][s])),
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

export function metricsJson(report: SimulationReport, flow: Flow): string {
  const labels = Object.fromEntries(flow.nodes.map((n) => [n.id, n.label || n.id]));
  return JSON.stringify({ flow: flow.name, labels, ...report }, null, 2) + '\n';
}
