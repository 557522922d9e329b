// The search's answer in words: the value found with each objective's figure and interval
// ("8 workers: end-to-end p99 84 ms ± 6 ms (objective < 100 ms)"), or that none of the values
// meets them, with the figures at the largest.
import type { SweepPoint } from '../../engine/experiment';
import { formatAmount, formatDuration } from '../../model/format';
import { metricValue, OP_SYMBOL, type Slo } from '../../model/slo';
import type { SearchRecord } from '../../store/slices/experimentSlice';
import { LOAD_PATH } from './sweepFields';
import { firstOp, formatMetric } from './sloMetrics';

const COUNTED: Record<string, [string, string]> = {
  concurrency: ['worker', 'workers'],
  pool: ['pool slot', 'pool slots'],
  partitions: ['partition', 'partitions'],
};

/** A swept value as people say it: "8 workers", "load × 1.5", "service mean 12 ms", "capacity 500". */
export function valueText(path: string, value: number): string {
  if (path === LOAD_PATH) return `load × ${formatAmount(value)}`;
  const key = path.slice(path.lastIndexOf('.') + 1);
  const counted = COUNTED[key];
  if (counted) return `${formatAmount(value)} ${value === 1 ? counted[0] : counted[1]}`;
  const parts = path.split('.');
  const words = parts.slice(parts.indexOf('config') + 1 || 2).join(' ');
  const seconds = /(^|\.)(mean|stddev|value|min|max|timeout|lease|retention|initial|start)$/.test(path);
  return `${words.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase()} ${seconds ? formatDuration(value) : formatAmount(value)}`;
}

/** "end-to-end p99", "billing utilization": the metric path in words, short. */
export function metricWords(path: string): string {
  if (path.startsWith('endToEnd.')) return `end-to-end ${path.slice('endToEnd.'.length)}`;
  if (path.startsWith('totals.'))
    return path
      .slice('totals.'.length)
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase();
  return path.slice('nodes.'.length).replace(/\./g, ' ');
}

/** "end-to-end p99 84 ms ± 6 ms (objective < 100 ms)" for each objective. */
export function figuresAt(point: Pick<SweepPoint, 'mean' | 'ci95'>, slos: readonly Slo[]): string[] {
  return slos.map((s) => {
    const op = firstOp(s);
    const mean = metricValue(point.mean, s.metric);
    const half = metricValue(point.ci95, s.metric);
    const interval = half === null ? '' : ` ± ${formatMetric(s.metric, half)}`;
    return `${metricWords(s.metric)} ${formatMetric(s.metric, mean)}${interval} (objective ${OP_SYMBOL[op]} ${formatMetric(s.metric, s[op])})`;
  });
}

export function answerText({ outcome, slos }: Pick<SearchRecord, 'outcome' | 'slos'>): string {
  const { path } = outcome;
  if (outcome.answer) {
    return `${valueText(path, outcome.answer.value)}: ${figuresAt(outcome.answer.point, slos).join('; ')}`;
  }
  const largest = outcome.probes[0];
  if (!largest) return 'None of the values meets the objectives.';
  return `None of the values meets the objectives with 95 % confidence. At the largest, ${valueText(path, largest.value)}: ${figuresAt(largest.point, slos).join('; ')}`;
}
