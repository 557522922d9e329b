// Live node badges, updated by direct DOM writes ≤ 10 times a second: a tick touches only the
// badge elements, never React, so a 1,000-node graph does not re-render while it runs.
import { NODE_ROW } from '../../engine/snapshot';
import type { Kind } from '../../model/flow';
import { hottestPartition } from '../../model/partitions';
import type { SnapshotHolder } from '../../runtime/client';
import { ALARMS, alarmText, badgeText, fmt } from './badgeText';
import { heatColor } from './palette';

const F = NODE_ROW.at;
/** A bus at this fraction of its capacity shows red. */
const NEAR_FULL = 0.8;

export interface BadgeElements {
  root: HTMLElement;
  fill: HTMLElement;
  bar: HTMLElement;
  main: HTMLElement;
  /** A stream's hottest partition (empty for other kinds). */
  hot: HTMLElement;
  alarms: HTMLElement;
}

interface Entry {
  els: BadgeElements;
  /** Last alarm counts, to flash only on change. */
  seen: Float64Array;
  text: string;
  width: string;
  bar: boolean;
  heat: number;
}

/** Kinds whose utilization (busy workers or pool slots) tints the node. */
const hasWorkers = (kind: Kind): boolean => kind === 'handler' || kind === 'dependency';

export class LiveBoard {
  private readonly entries = new Map<string, Entry>();
  private index = new Map<string, number>();
  private layoutSeen: SnapshotHolder['layout'] = null;
  private kinds = new Map<string, Kind>();

  setKinds(nodes: readonly { id: string; kind: Kind }[]): void {
    this.kinds = new Map(nodes.map((n) => [n.id, n.kind]));
  }

  register(nodeId: string, els: BadgeElements): () => void {
    this.entries.set(nodeId, {
      els,
      seen: new Float64Array(ALARMS.length),
      text: '',
      width: '',
      bar: false,
      heat: -1,
    });
    return () => this.entries.delete(nodeId);
  }

  /** Hides every badge (no run loaded). */
  clear(): void {
    for (const e of this.entries.values()) this.paint(e, null, 0);
  }

  /**
   * `detail` false (zoomed far out, where badge text is a few pixels tall) keeps only the node
   * heat: a thousand unreadable badges would still cost a style pass each update.
   */
  update(h: SnapshotHolder, detail = true): void {
    if (!h.layout || !h.snapshot) return this.clear();
    if (h.layout !== this.layoutSeen) {
      this.layoutSeen = h.layout;
      this.index = new Map(h.layout.nodeIds.map((id, i) => [id, i]));
    }
    const rows = h.snapshot.buffers.nodes;
    for (const [id, e] of this.entries) {
      const i = this.index.get(id);
      const at = i === undefined ? 0 : i * NODE_ROW.size;
      const kind = this.kinds.get(id);
      if (detail || i === undefined || !kind) {
        this.paint(e, i === undefined ? null : rows, at, kind);
        if (i !== undefined && kind === 'stream') this.hotPartition(e, h, i);
      } else {
        if (!e.els.root.hidden) {
          e.els.root.hidden = true;
          e.text = '';
          e.width = '';
        }
        this.heat(e.els.root, e, hasWorkers(kind) ? rows[at + F.utilization]! : 0);
      }
    }
  }

  private paint(e: Entry, rows: Float64Array | null, at: number, kind?: Kind): void {
    const { root, fill, bar, main, alarms } = e.els;
    if (!rows || !kind) {
      if (!root.hidden) {
        root.hidden = true;
        e.els.hot.textContent = '';
        e.seen.fill(0);
        e.text = '';
        e.width = '';
        this.heat(root, e, 0);
      }
      return;
    }
    // Writes only on change: a thousand badges a few times a second must cost next to nothing.
    if (root.hidden) root.hidden = false;
    const depth = rows[at + F.depth]!;
    const capacity = rows[at + F.capacity]!;
    const { text, bar: showBar } = badgeText(kind, rows, at);
    if (showBar !== e.bar) {
      e.bar = showBar;
      bar.hidden = !showBar;
    }
    if (showBar) {
      const frac = Number.isFinite(capacity) && capacity > 0 ? depth / capacity : Math.min(1, depth / 100);
      const width = `${Math.min(100, Math.round(frac * 100))}%`;
      if (width !== e.width) {
        e.width = width;
        fill.style.width = width;
        bar.classList.toggle('is-full', Number.isFinite(capacity) && frac >= NEAR_FULL);
      }
    }
    for (let k = 0; k < ALARMS.length; k++) {
      const v = rows[at + ALARMS[k]![0]]!;
      if (v > e.seen[k]!) {
        root.animate(
          [{ backgroundColor: 'rgba(220, 38, 38, 0.45)' }, { backgroundColor: 'transparent' }],
          400,
        );
      }
      e.seen[k] = v;
    }
    const alarm = alarmText(rows, at);
    if (text !== e.text) {
      e.text = text;
      main.textContent = text;
    }
    if (alarms.textContent !== alarm) alarms.textContent = alarm;
    this.heat(root, e, hasWorkers(kind) ? rows[at + F.utilization]! : 0);
  }

  /** A stream's hottest partition and its lag, when one has any: "hottest p3: 120". */
  private hotPartition(e: Entry, h: SnapshotHolder, i: number): void {
    const starts = h.layout!.partitionStart;
    const lags = h.snapshot!.buffers.partitions.subarray(starts[i]!, starts[i + 1]!);
    const p = lags.length > 1 ? hottestPartition(lags) : -1;
    const text = p < 0 ? '' : `hottest p${p}: ${fmt(lags[p]!)}`;
    if (e.els.hot.textContent !== text) e.els.hot.textContent = text;
  }

  /** Tints the whole node toward red with its utilization. */
  private heat(root: HTMLElement, e: Entry, u: number): void {
    const q = Math.round(u * 20) / 20; // 5 % steps: fewer style writes
    if (q === e.heat) return;
    e.heat = q;
    const node = root.closest<HTMLElement>('.ef-node');
    if (!node) return;
    if (q <= 0) node.style.removeProperty('--ef-heat');
    else node.style.setProperty('--ef-heat', heatColor(q));
  }
}
