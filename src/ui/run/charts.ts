// The three charts the metrics panel shows.
import { formatCount, formatDuration, formatRate } from '../../model/format';
import type { ChartSpec } from './Chart';
import { EVENT_COLORS } from './palette';

const NONE = new Float64Array(0);

export const throughputChart: ChartSpec = {
  title: 'Throughput',
  unit: 'completed/s',
  lines: () => [{ label: 'completed', color: EVENT_COLORS[0] }],
  read: (s, n) => [s.throughput.subarray(0, n)],
  format: formatRate,
  baseline: (b) => [b.throughput],
};

export const latencyChart: ChartSpec = {
  title: 'End-to-end latency',
  unit: 'latency',
  lines: () => [
    { label: 'p50', color: EVENT_COLORS[2] },
    { label: 'p95', color: EVENT_COLORS[1] },
    { label: 'p99', color: EVENT_COLORS[5] },
  ],
  read: (s, n) => [s.p50.subarray(0, n), s.p95.subarray(0, n), s.p99.subarray(0, n)],
  format: formatDuration,
  metrics: () => ['endToEnd.p50', 'endToEnd.p95', 'endToEnd.p99'],
  baseline: (b) => [b.p50, b.p95, b.p99],
};

export const depthChart: ChartSpec = {
  title: 'Queue depth',
  unit: 'messages',
  lines: (s) =>
    s.depthLines.map((d, i) => ({ label: d.label, color: EVENT_COLORS[i % EVENT_COLORS.length]! })),
  read: (s, n) => s.depthLines.map((_, i) => s.depth[i]!.subarray(0, n)),
  format: formatCount,
  // Another flow's buses may differ: each line compares with the baseline's bus of the same name.
  baseline: (b, s) => s.depthLines.map((d) => b.depth[b.depthLabels.indexOf(d.label)] ?? NONE),
};
