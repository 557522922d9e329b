// Turns snapshot deltas (copies that entered each edge since the last snapshot) into dots. When
// more events cross an edge than can be drawn legibly, it draws a sample and marks the edge so
// the overlay can print the true rate.
import type { SnapshotHolder } from '../../runtime/client';
import type { DotField } from './dotField';
import { formatRate } from '../../model/format';

/** Dots started per edge per snapshot (≤ 30 snapshots/s). */
const SPAWN_PER_SNAPSHOT = 2;
/** Dots alive per edge at once: beyond this a line of dots reads as a solid bar. */
const MAX_PER_EDGE = 12;
/** Visual ms a "sampled" mark lasts after the last overflow, so labels do not flicker. */
const SAMPLED_HOLD_MS = 1500;
/** Smoothing of the per-edge rate estimate. */
const RATE_ALPHA = 0.25;

export class DotSpawner {
  last = new Float64Array(0);
  /** True events per simulated second, per edge. */
  rate = new Float32Array(0);
  /** Visual time until which the edge counts as sampled. */
  sampledUntil = new Float64Array(0);
  /** The rate as text, refreshed per snapshot so frames draw without formatting. */
  labels: string[] = [];
  private types = 1;
  private lastTime = 0;
  private version = -1;
  private epoch = -1;
  private layout: SnapshotHolder['layout'] = null;

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
      this.lastTime = snap.time;
      dots.clear(edges);
      return;
    }
    const dt = snap.time - this.lastTime;
    this.lastTime = snap.time;
    const K = this.types;
    for (let e = 0; e < this.rate.length; e++) {
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
      if (dt > 0) this.rate[e] = this.rate[e]! + RATE_ALPHA * (total / dt - this.rate[e]!);
      if (total > spawned) {
        this.sampledUntil[e] = now + SAMPLED_HOLD_MS;
        this.labels[e] = formatRate(this.rate[e]!);
      }
    }
  }
}
