// The sweep's charts as data, from the point views: end-to-end latency (the main chart), and the
// small ones linked to it: throughput against offered load, drops and dead letters, the busiest
// handler's utilization. Objectives that name a charted figure are drawn on it as targets.
import { formatAmount, formatCount, formatDuration, formatPercent, formatRate } from '../../model/format';
import { OP_SYMBOL, type Slo } from '../../model/slo';
import { EVENT_COLORS } from '../run/palette';
import type { SweepChartSpec, SweepLine } from './SweepChart';
import { kneeOf, SATURATED_UTILIZATION, type Estimate, type PointView } from './sweepAnalysis';
import { firstOp, formatMetric } from './sloMetrics';

/** Theory and offered load: a neutral grey that reads on both themes. */
export const NEUTRAL = '#7b8698';
const PERCENTILE_COLOURS = { p50: EVENT_COLORS[2], p95: EVENT_COLORS[1], p99: EVENT_COLORS[5] } as const;
/** Latencies spanning more than this ratio go on a log scale. */
const LOG_RATIO = 30;

function measured(
  label: string,
  color: string,
  points: readonly PointView[],
  get: (p: PointView) => Estimate | undefined,
): SweepLine {
  const at = (p: PointView, f: (e: Estimate) => number | null) => {
    const e = get(p);
    return e ? f(e) : null;
  };
  return {
    label,
    color,
    values: points.map((p) => at(p, (e) => e.mean)),
    band: {
      lo: points.map((p) =>
        at(p, (e) => (e.mean === null || e.half === null ? null : Math.max(0, e.mean - e.half))),
      ),
      hi: points.map((p) => at(p, (e) => (e.mean === null || e.half === null ? null : e.mean + e.half))),
    },
  };
}

const targetLabel = (s: Slo, name: string): string => {
  const op = firstOp(s);
  return `${name} ${OP_SYMBOL[op]} ${formatMetric(s.metric, s[op])}`;
};

/** The knee as a rule; labelled on the main chart only (a small chart has no room for words). */
function knee(points: readonly PointView[], labelled = false): SweepChartSpec['knee'] {
  const k = kneeOf(points);
  if (!k) return null;
  return {
    x: points[k.index]!.value,
    label: labelled ? (k.kind === 'saturates' ? 'saturates here' : 'keeps up from here') : '',
  };
}

export function latencyChart(
  points: readonly PointView[],
  slos: readonly Slo[],
  xLabel: string,
): SweepChartSpec {
  const lines = (['p50', 'p95', 'p99'] as const).map((k) =>
    measured(k, PERCENTILE_COLOURS[k], points, (p) => p[k]),
  );
  const theory = points.map((p) => p.theory.meanLatency);
  if (theory.some((t) => t !== null)) {
    lines.push(measured('mean', EVENT_COLORS[0], points, (p) => p.meanLatency));
    lines.push({ label: 'mean, queueing theory', color: NEUTRAL, values: theory, dashed: true });
  }
  const targets = slos.flatMap((s) => {
    const key = s.metric.startsWith('endToEnd.') ? s.metric.slice('endToEnd.'.length) : null;
    const line = lines.find((l) => l.label === key);
    if (!line || (key !== 'p50' && key !== 'p95' && key !== 'p99' && key !== 'mean')) return [];
    return [{ y: s[firstOp(s)]!, label: targetLabel(s, key), color: line.color }];
  });
  const all = lines.flatMap((l) => l.values).filter((v): v is number => v !== null && v > 0);
  const log = all.length > 1 && Math.max(...all) / Math.min(...all) > LOG_RATIO;
  return {
    title: `End-to-end latency${log ? ' (log scale)' : ''}`,
    xs: points.map((p) => p.value),
    xLabel,
    lines,
    format: formatDuration,
    targets,
    knee: knee(points, true),
    flagged: points.flatMap((p, i) => (p.wide.length ? [i] : [])),
    flagLine: 2,
    log,
  };
}

export function throughputChart(points: readonly PointView[], xLabel: string): SweepChartSpec {
  return {
    compact: true,
    title: 'Throughput vs offered',
    xs: points.map((p) => p.value),
    xLabel,
    lines: [
      { label: 'offered', color: NEUTRAL, values: points.map((p) => p.offered) },
      { label: 'achieved', color: EVENT_COLORS[0], values: points.map((p) => p.achieved) },
    ],
    format: formatRate,
    knee: knee(points),
  };
}

export function lossChart(
  points: readonly PointView[],
  slos: readonly Slo[],
  xLabel: string,
): SweepChartSpec {
  const lines = [
    measured('dropped', EVENT_COLORS[5], points, (p) => p.dropped),
    measured('dead-lettered', EVENT_COLORS[3], points, (p) => p.deadLettered),
  ];
  const targets = slos.flatMap((s) => {
    const line =
      s.metric === 'totals.dropped' ? lines[0] : s.metric === 'totals.deadLettered' ? lines[1] : undefined;
    return line ? [{ y: s[firstOp(s)]!, label: targetLabel(s, line.label), color: line.color }] : [];
  });
  return {
    compact: true,
    title: 'Losses per run',
    xs: points.map((p) => p.value),
    xLabel,
    lines,
    format: (v) => (Math.abs(v) >= 10 || v === 0 ? formatCount(v) : formatAmount(v)),
    targets,
  };
}

export function busiestChart(
  points: readonly PointView[],
  slos: readonly Slo[],
  xLabel: string,
): SweepChartSpec {
  const lines = [measured('utilization', EVENT_COLORS[0], points, (p) => p.busiest?.utilization)];
  const theory = points.map((p) => p.theory.utilization);
  if (theory.some((t) => t !== null))
    lines.push({ label: 'queueing theory', color: NEUTRAL, values: theory, dashed: true });
  const busiest = points.at(-1)?.busiest;
  const names = [...new Set(points.flatMap((p) => (p.busiest ? [p.busiest.label] : [])))];
  const targets = [
    { y: SATURATED_UTILIZATION, label: `saturation ${formatPercent(SATURATED_UTILIZATION)}`, color: NEUTRAL },
    ...slos.flatMap((s) =>
      busiest && s.metric === `nodes.${busiest.id}.utilization`
        ? [{ y: s[firstOp(s)]!, label: targetLabel(s, busiest.label), color: EVENT_COLORS[0] }]
        : [],
    ),
  ];
  return {
    compact: true,
    title: names.length === 1 ? `Utilization of ${names[0]}` : 'Busiest handler’s utilization',
    xs: points.map((p) => p.value),
    xLabel,
    lines,
    format: formatPercent,
    targets,
    knee: knee(points),
    max: 1.05,
  };
}
