// One-line summaries of a node's key settings, shown on the canvas ("Poisson 80/s", "×4 · exp 12 ms").
import type { Dist } from './dist';
import type { FlowNode } from './flow';
import { formatCount, formatDuration, formatNumber } from './format';

export function describeDist(d: Dist): string {
  switch (d.dist) {
    case 'constant':
      return `const ${formatDuration(d.value)}`;
    case 'exponential':
      return `exp ${formatDuration(d.mean)}`;
    case 'uniform':
      return `uniform ${formatDuration(d.min)}–${formatDuration(d.max)}`;
    case 'normal':
      return `normal ${formatDuration(d.mean)} ± ${formatDuration(d.stddev)}`;
    case 'lognormal':
      return `lognormal ${formatDuration(d.mean)} ± ${formatDuration(d.stddev)}`;
  }
}

/** An arrival process described by its rate where that reads better ("Poisson 80/s", "every 10 ms"). */
export function describeArrivals(d: Dist): string {
  if (d.dist === 'exponential') return `Poisson ${formatNumber(1 / d.mean)}/s`;
  if (d.dist === 'constant')
    return d.value > 0 ? `every ${formatDuration(d.value)} (${formatNumber(1 / d.value)}/s)` : 'all at once';
  return describeDist(d);
}

const capacityText = (c: number | undefined) => (c === undefined ? 'unbounded' : `cap ${formatCount(c)}`);

export function summarize(node: FlowNode): string {
  switch (node.kind) {
    case 'producer': {
      const parts = [describeArrivals(node.config.interarrival)];
      if (node.config.count !== undefined) parts.push(`${formatCount(node.config.count)} events`);
      if (node.config.keys !== undefined) parts.push(`${formatCount(node.config.keys)} keys`);
      return parts.join(' · ');
    }
    case 'queue': {
      const parts = [capacityText(node.config.capacity)];
      if (node.config.capacity !== undefined)
        parts.push((node.config.overflow ?? 'drop-newest').replace('-', ' '));
      if (node.config.delivery === 'at-most-once') parts.push('at most once');
      return parts.join(' · ');
    }
    case 'topic':
      return node.config.capacity === undefined
        ? 'pub/sub'
        : `pub/sub · ${capacityText(node.config.capacity)}`;
    case 'stream':
      return `${formatCount(node.config.partitions)} partition${node.config.partitions === 1 ? '' : 's'}`;
    case 'handler': {
      const parts = [`×${node.config.concurrency}`, describeDist(node.config.service)];
      if (node.config.failureRate) parts.push(`${formatNumber(node.config.failureRate * 100)}% fail`);
      return parts.join(' · ');
    }
    case 'store':
      return 'terminal';
  }
}
