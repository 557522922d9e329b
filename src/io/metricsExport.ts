// Metrics as files: JSON is the CLI's document (so the same tools read both) plus node labels;
// CSV is one row per node, for spreadsheets. Labels and ids come from flow files, which people
// send each other: a cell a spreadsheet would run as a formula is written as text.
import type { NodeReport, SimulationReport } from '../engine/api';
import type { Flow } from '../model/flow';
import type { Outcome } from '../model/faultOutcome';
import { targetLabel } from '../model/faults';
import { hottestPartition } from '../model/partitions';

const STATS = ['count', 'mean', 'p50', 'p95', 'p99', 'max'] as const;
const COUNTS = ['in', 'out', 'dropped', 'failed', 'lost', 'deadLettered', 'redelivered'] as const;

/**
 * Text a spreadsheet would take as a formula (=, +, -, @, and a leading tab or carriage return,
 * OWASP's list) gets a leading apostrophe, which spreadsheets show as text; then RFC 4180 quoting.
 * A number is written as a number; one that is not finite is a missing figure, left empty.
 */
export function csvCell(v: string | number): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A stream's partition with the most mean lag, and its mean and max lag; empty cells otherwise. */
function hottest(n: NodeReport): (number | string)[] {
  const p = n.partitions ? hottestPartition(n.partitions.map((x) => x.depthMean)) : -1;
  const part = p < 0 ? undefined : n.partitions![p]!;
  return part ? [p, part.depthMean, part.depthMax] : ['', '', ''];
}

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
    // Flow JSON v2's figures go last, so the columns of older exports keep their places.
    'expired',
    'duplicates',
    'age.mean',
    'age.max',
    'hottestPartition',
    'hottestPartition.lagMean',
    'hottestPartition.lagMax',
    'calls',
    'attempts',
    'timeouts',
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
    n.expired,
    n.duplicates,
    n.age.mean,
    n.age.max,
    ...hottest(n),
    n.calls,
    n.attempts,
    n.timeouts,
  ]);
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

/**
 * The report (with its `faults`) plus labels and, when the flow has faults, the fault summary as
 * the app shows it: each fault's target by name and how it ended ("drained", "draining", "active",
 * or "stuck": a possible metastable failure, with goodput before and lately).
 */
export function metricsJson(report: SimulationReport, flow: Flow, outcomes: readonly Outcome[] = []): string {
  // Built as data properties: an id such as "__proto__" is a key like any other.
  const labels = Object.fromEntries(flow.nodes.map((n) => [n.id, n.label || n.id]));
  const faultSummary = report.faults?.map((f, i) => {
    const o = outcomes[i];
    return {
      ...f,
      targetLabel: targetLabel(flow, f.target),
      outcome: o?.state ?? null,
      ...(o?.state === 'stuck' ? { goodputBefore: o.before, goodputAfter: o.after } : {}),
    };
  });
  return (
    JSON.stringify(
      { flow: flow.name, labels, ...report, ...(faultSummary ? { faultSummary } : {}) },
      null,
      2,
    ) + '\n'
  );
}
