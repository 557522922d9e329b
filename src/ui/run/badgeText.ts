// What a node's live badge says, from its row of a snapshot: the canvas's badges (liveBoard.ts)
// and the exported image's figures (the Export image dialog) read the same words.
import { NODE_ROW } from '../../engine/snapshot';
import { assertNever } from '../../model/assertNever';
import type { Kind } from '../../model/flow';
import { formatDuration } from '../../model/format';
import type { SnapshotHolder } from '../../runtime/client';

const F = NODE_ROW.at;
/** Counters that flash when they move, with their badge wording. */
export const ALARMS: readonly (readonly [field: number, word: string])[] = [
  [F.dropped, 'dropped'],
  [F.failed, 'failed'],
  [F.redelivered, 'redelivered'],
  [F.deadLettered, 'dead-lettered'],
  [F.expired, 'expired'],
  [F.duplicates, 'duplicates'],
  // Calls a handler gave up on, or a dependency served for a caller that had given up.
  [F.timeouts, 'timed out'],
];

export const fmt = (n: number): string => (n >= 10_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n)));
/** The oldest waiting message's age, when something waits: " · oldest 2.1 s". */
const age = (seconds: number): string => (seconds > 0 ? ` · oldest ${formatDuration(seconds)}` : '');

/** The badge's main line, and whether its fill bar (waiting work) shows. */
export function badgeText(kind: Kind, rows: Float64Array, at: number): { text: string; bar: boolean } {
  const depth = rows[at + F.depth]!;
  const capacity = rows[at + F.capacity]!;
  switch (kind) {
    case 'handler':
      return {
        text: `${fmt(rows[at + F.busy]!)}/${fmt(rows[at + F.concurrency]!)} busy${depth > 0 ? ` · ${fmt(depth)} waiting` : ''}`,
        bar: depth > 0,
      };
    // A dependency's concurrency is its pool, and its waiting calls queue for a free slot.
    case 'dependency':
      return {
        text: `${fmt(rows[at + F.busy]!)}/${fmt(rows[at + F.concurrency]!)} slots busy${depth > 0 ? ` · ${fmt(depth)} waiting` : ''}`,
        bar: depth > 0,
      };
    case 'queue':
    case 'topic':
      return {
        text:
          (Number.isFinite(capacity) ? `${fmt(depth)} / ${fmt(capacity)}` : `${fmt(depth)} queued`) +
          age(rows[at + F.age]!),
        bar: true,
      };
    // A stream's waiting messages are its consumer groups' lag; the hottest partition follows.
    case 'stream':
      return { text: `${fmt(depth)} lag${age(rows[at + F.age]!)}`, bar: true };
    // Counts since warm-up, like the metrics panel's table and totals (its caption says so).
    case 'producer':
      return { text: `${fmt(rows[at + F.out]!)} sent`, bar: false };
    case 'store':
      return { text: `${fmt(rows[at + F.in]!)} stored`, bar: false };
    default:
      return assertNever(kind, 'node kind');
  }
}

/** The alarm counters that are not zero: "3 dropped · 12 failed", or ''. */
export function alarmText(rows: Float64Array, at: number): string {
  let text = '';
  for (const [field, word] of ALARMS) {
    const v = rows[at + field]!;
    if (v > 0) text += `${text ? ' · ' : ''}${fmt(v)} ${word}`;
  }
  return text;
}

/**
 * Every node's badge as the canvas shows it now, for an exported image: null when no run has
 * figures. A node added since the run was loaded has no row, and no badge.
 */
export function currentBadges(
  holder: SnapshotHolder,
  nodes: readonly { id: string; kind: Kind }[],
): Map<string, { text: string; alarm?: string }> | null {
  const { layout, snapshot } = holder;
  if (!layout || !snapshot) return null;
  const rows = snapshot.buffers.nodes;
  const index = new Map(layout.nodeIds.map((id, i) => [id, i]));
  const badges = new Map<string, { text: string; alarm?: string }>();
  for (const n of nodes) {
    const i = index.get(n.id);
    if (i === undefined) continue;
    const at = i * NODE_ROW.size;
    const alarm = alarmText(rows, at);
    badges.set(n.id, { text: badgeText(n.kind, rows, at).text, ...(alarm ? { alarm } : {}) });
  }
  return badges;
}
