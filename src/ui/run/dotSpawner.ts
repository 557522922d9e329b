// Turns snapshot deltas (copies that entered each edge since the last snapshot) into dots. When
// more events cross an edge than can be drawn legibly, it draws a sample and marks the edge so
// the overlay can print the true rate: copies per simulated second over the last RATE_WINDOW
// simulated seconds (or since the start, when the run is younger), whatever the speed. A fast run
// sends a few snapshots many seconds apart, a 1× run thirty a second with one or two events in
// each; both give the same window. Allocation-free per snapshot: a ring of RING cumulative counts.
import type { SnapshotHolder } from '../../runtime/client';
import type { DotField } from './dotField';
import { formatRate } from '../../model/format';

/** Dots started per edge per snapshot (≤ 30 snapshots/s). */
const SPAWN_PER_SNAPSHOT = 2;
/** Dots alive per edge at once: beyond this a line of dots reads as a solid bar. */
const MAX_PER_EDGE = 12;
/** Visual ms a "sampled" mark lasts after the last overflow, so labels do not flicker. */
const SAMPLED_HOLD_MS = 1500;
/** Simulated seconds an edge's rate is measured over. */
export const RATE_WINDOW = 5;
/** Points kept in the window (one every RATE_WINDOW / (RING − 1) simulated seconds at most). */
const RING = 16;

export class DotSpawner {
  last = new Float64Array(0);
  /** True events per simulated second, per edge. */
  rate = new Float32Array(0);
  /** Visual time until which the edge counts as sampled. */
  sampledUntil = new Float64Array(0);
  /** The rate as text, refreshed per snapshot so frames draw without formatting. */
  labels: string[] = [];
  private types = 1;
  /** Ring of (time, cumulative copies per edge) points, oldest at `ringStart`. */
  private ringT = new Float64Array(RING);
  private ringC = new Float64Array(0);
  private ringStart = 0;
  private ringSize = 0;
  private totals = new Float64Array(0);
  private version = -1;
  private epoch = -1;
  private layout: SnapshotHolder['layout'] = null;

  /** Starts over at the next snapshot (a new dot field to spawn into). */
  restart(): void {
    this.layout = null;
    this.version = -1;
  }

  /** The edge's rate (copies per simulated second over the window), or null before a run. */
  rateOf(edgeId: string): number | null {
    const i = this.layout ? this.layout.edgeIds.indexOf(edgeId) : -1;
    return i >= 0 && this.ringSize > 0 ? this.rate[i]! : null;
  }

  /** Handles a new snapshot if there is one; `now` is the visual clock, `gap` ms to spread spawns over. */
  update(h: SnapshotHolder, dots: DotField, now: number, gap: number, drawable: Uint8Array): void {
    const snap = h.snapshot;
    if (!h.layout || !snap || h.version === this.version) return;
    this.version = h.version;
    const cur = snap.buffers.edgeTransits;
    if (h.layout !== this.layout || h.epoch !== this.epoch || cur.length !== this.last.length) {
      // New flow or back at time 0: nothing is in flight any more, start counting from here.
      const edges = h.layout.edgeIds.length;
      this.layout = h.layout;
      this.epoch = h.epoch;
      this.types = Math.max(1, h.layout.eventTypes.length);
      this.last = new Float64Array(cur);
      this.rate = new Float32Array(edges);
      this.sampledUntil = new Float64Array(edges);
      this.labels = new Array<string>(edges).fill('');
      this.ringC = new Float64Array(RING * edges);
      this.totals = new Float64Array(edges);
      this.ringSize = 0;
      this.ringStart = 0;
      this.sumTotals(cur);
      this.push(snap.time);
      dots.clear(edges);
      return;
    }
    this.sumTotals(cur);
    const base = this.base(snap.time);
    const span = snap.time - this.ringT[base]!;
    const K = this.types;
    const E = this.rate.length;
    for (let e = 0; e < E; e++) {
      let total = 0;
      let spawned = 0;
      let room = drawable[e] ? Math.min(SPAWN_PER_SNAPSHOT, MAX_PER_EDGE - dots.perEdge[e]!) : 0;
      for (let k = 0; k < K; k++) {
        const j = e * K + k;
        const d = cur[j]! - this.last[j]!;
        this.last[j] = cur[j]!;
        if (d <= 0) continue;
        total += d;
        const n = Math.min(d, room);
        for (let m = 0; m < n; m++) dots.spawn(e, k, now + (m * gap) / n);
        room -= n;
        spawned += n;
      }
      if (span > 0) this.rate[e] = (this.totals[e]! - this.ringC[base * E + e]!) / span;
      if (total > spawned) {
        this.sampledUntil[e] = now + SAMPLED_HOLD_MS;
        this.labels[e] = formatRate(this.rate[e]!);
      }
    }
    const newest = (this.ringStart + this.ringSize - 1) % RING;
    if (snap.time - this.ringT[newest]! >= RATE_WINDOW / (RING - 1)) this.push(snap.time);
  }

  /** Copies that entered each edge since time 0, all event types together. */
  private sumTotals(cur: Float64Array): void {
    const K = this.types;
    for (let e = 0; e < this.totals.length; e++) {
      let t = 0;
      for (let k = 0; k < K; k++) t += cur[e * K + k]!;
      this.totals[e] = t;
    }
  }

  private push(time: number): void {
    const E = this.totals.length;
    const at = this.ringSize < RING ? (this.ringStart + this.ringSize++) % RING : this.ringStart;
    if (this.ringSize === RING && at === this.ringStart) this.ringStart = (this.ringStart + 1) % RING;
    this.ringT[at] = time;
    this.ringC.set(this.totals, at * E);
  }

  /** The ring point the rate is measured from: the newest at least RATE_WINDOW old, else the oldest. */
  private base(time: number): number {
    let pick = this.ringStart;
    for (let i = 0; i < this.ringSize; i++) {
      const at = (this.ringStart + i) % RING;
      if (this.ringT[at]! <= time - RATE_WINDOW) pick = at;
    }
    return pick;
  }
}
