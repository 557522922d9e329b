// Service-level objectives as the app shows them: the report figures an objective can name (for
// the metric field's suggestions), which of them are times (entered in ms, stored in seconds),
// and an objective's comparison read from and written to the Flow JSON's { metric, lt|lte|… }.
import type { Flow, FlowNode } from '../../model/flow';
import { formatAmount, formatDuration } from '../../model/format';
import { SLO_OPS, type Slo, type SloOp } from '../../model/slo';

export interface MetricOption {
  path: string;
  label: string;
}

const PERCENTILES = ['p50', 'p95', 'p99', 'mean', 'max'] as const;
const STAT_WORDS: Record<string, string> = {
  p50: 'p50',
  p95: 'p95',
  p99: 'p99',
  mean: 'mean',
  max: 'max',
  count: 'count',
};
const TIME_PARENTS = new Set(['endToEnd', 'wait', 'service', 'sojourn', 'age']);

/** The figures worth an objective for each kind (every path here passes metricPathProblem). */
function nodeFigures(n: FlowNode): [string, string][] {
  const stats = (field: string, words: string) =>
    PERCENTILES.map((s): [string, string] => [`${field}.${s}`, `${words} ${STAT_WORDS[s]}`]);
  switch (n.kind) {
    case 'producer':
      return [
        ['out', 'sent'],
        ['throughput', 'throughput'],
      ];
    case 'handler':
    case 'dependency':
      return [
        ['utilization', 'utilization'],
        ['throughput', 'throughput'],
        ...stats('sojourn', 'sojourn'),
        ...stats('wait', 'wait'),
        ...stats('service', 'service'),
        ['failed', 'failures'],
        ['duplicates', 'duplicates'],
        ['timeouts', 'timeouts'],
      ];
    case 'queue':
    case 'topic':
    case 'stream':
      return [
        ['queueDepth.mean', 'depth mean'],
        ['queueDepth.max', 'depth max'],
        ['age.mean', 'oldest waiting mean'],
        ['age.max', 'oldest waiting max'],
        ['dropped', 'dropped'],
        ['deadLettered', 'dead-lettered'],
        ['expired', 'expired'],
        ['redelivered', 'redelivered'],
      ];
    case 'store':
      return [['in', 'stored']];
  }
}

/** End-to-end figures first, then the totals, then each node's by label. */
export function metricOptions(flow: Flow): MetricOption[] {
  const e2e = ['p50', 'p95', 'p99', 'mean', 'max', 'count'].map((s) => ({
    path: `endToEnd.${s}`,
    label: `End-to-end ${STAT_WORDS[s]}`,
  }));
  const totals = (
    [
      ['completed', 'completed'],
      ['dropped', 'dropped'],
      ['deadLettered', 'dead-lettered'],
      ['expired', 'expired'],
      ['lost', 'lost'],
      ['inFlight', 'in flight at the end'],
    ] as const
  ).map(([k, words]) => ({ path: `totals.${k}`, label: `Whole run: ${words}` }));
  const nodes = flow.nodes.flatMap((n) =>
    nodeFigures(n).map(([k, words]) => ({
      path: `nodes.${n.id}.${k}`,
      label: `${n.label || n.id}: ${words}`,
    })),
  );
  return [...e2e, ...totals, ...nodes];
}

/** Whether the figure is a time (seconds in the file, milliseconds on screen). */
export function isTimeMetric(path: string): boolean {
  const parts = path.split('.');
  const last = parts.at(-1)!;
  const parent = parts.at(-2) ?? '';
  return TIME_PARENTS.has(parent) && last !== 'count';
}

/** The unit an objective's target is entered in, and the factor from stored to shown. */
export function targetUnit(path: string): { unit: string; scale: number } {
  if (isTimeMetric(path)) return { unit: 'ms', scale: 1000 };
  const last = path.split('.').at(-1);
  if (last === 'utilization') return { unit: '0–1', scale: 1 };
  if (last === 'throughput') return { unit: '/s', scale: 1 };
  return { unit: '', scale: 1 };
}

/** The comparison a row edits: the objective's first (a file may give several; the rest are kept). */
export function firstOp(s: Slo): SloOp {
  return SLO_OPS.find((op) => s[op] !== undefined) ?? 'lt';
}

/** The objective with its first comparison changed to `op` (the target moves with it). */
export function withOp(s: Slo, op: SloOp): Slo {
  const from = firstOp(s);
  if (from === op) return s;
  const { [from]: target, ...rest } = s;
  return { ...rest, [op]: target };
}

/** A figure in the unit its objective is written in: "84 ms", "0.93". */
export function formatMetric(path: string, value: number | null | undefined): string {
  return isTimeMetric(path) ? formatDuration(value ?? undefined) : formatAmount(value ?? undefined);
}

/** A new objective: end-to-end p99 under 100 ms, or the next percentile not yet used. */
export function newSlo(slos: readonly Slo[]): Slo {
  const used = new Set(slos.map((s) => s.metric));
  const metric = ['endToEnd.p99', 'endToEnd.p95', 'endToEnd.p50'].find((m) => !used.has(m)) ?? 'endToEnd.p99';
  return { metric, lt: 0.1 };
}
