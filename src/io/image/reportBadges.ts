// A run's figures as the badges an image draws under each node: the CLI's `render --badges`
// builds them from the report `simulate` prints. One line of the figures that say how the node
// coped (how busy, how much waited), in the canvas's words, and its alarm counts when any.
import type { NodeReport, SimulationReport } from '../../engine/api';
import { assertNever } from '../../model/assertNever';
import type { Flow } from '../../model/flow';
import { formatAmount, formatCount, formatDuration, formatPercent } from '../../model/format';
import type { NodeBadge } from './layout';

/** Counters worth an alarm when not zero, as the live badges word them (ui/run/liveBoard.ts). */
type Counter = 'dropped' | 'failed' | 'redelivered' | 'deadLettered' | 'expired' | 'duplicates' | 'timeouts';
const ALARMS: readonly (readonly [Counter, string])[] = [
  ['dropped', 'dropped'],
  ['failed', 'failed'],
  ['redelivered', 'redelivered'],
  ['deadLettered', 'dead-lettered'],
  ['expired', 'expired'],
  ['duplicates', 'duplicates'],
  ['timeouts', 'timed out'],
];

const depth = (word: string, r: NodeReport): string =>
  `${word} mean ${formatAmount(r.queueDepth.mean)} · max ${formatCount(r.queueDepth.max)}`;

/** A p99 only where there were any: "p99 41 ms". */
const p99 = (word: string, count: number, value: number): string =>
  count > 0 ? ` · ${word} ${formatDuration(value)}` : '';

function figures(kind: Flow['nodes'][number]['kind'], r: NodeReport): string {
  switch (kind) {
    case 'producer':
      return `${formatCount(r.out)} sent`;
    case 'queue':
    case 'topic':
      return depth('depth', r);
    // A stream's waiting messages are its consumer groups' lag.
    case 'stream':
      return depth('lag', r);
    // The time an event spends at the handler: waiting for a worker, then in service.
    case 'handler':
      return `utilization ${formatPercent(r.utilization)}${p99('p99', r.sojourn.count, r.sojourn.p99)}`;
    case 'dependency':
      return `utilization ${formatPercent(r.utilization)}${p99('p99 wait', r.wait.count, r.wait.p99)}`;
    case 'store':
      return `${formatCount(r.in)} stored`;
    default:
      return assertNever(kind, 'node kind');
  }
}

/** Each node's badge, by id, from the report of a run of `flow`. */
export function reportBadges(flow: Flow, report: SimulationReport): Map<string, NodeBadge> {
  const badges = new Map<string, NodeBadge>();
  for (const node of flow.nodes) {
    // Looked up as an own key: a node id may be "__proto__" or "constructor".
    const r = Object.hasOwn(report.nodes, node.id) ? report.nodes[node.id] : undefined;
    if (!r) continue;
    const alarm = ALARMS.filter(([key]) => r[key] > 0)
      .map(([key, word]) => `${formatCount(r[key])} ${word}`)
      .join(' · ');
    badges.set(node.id, alarm ? { text: figures(node.kind, r), alarm } : { text: figures(node.kind, r) });
  }
  return badges;
}
