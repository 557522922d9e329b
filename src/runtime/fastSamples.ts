// Chart samples taken inside a fast run. Fast mode may cover an hour of simulated time in a
// second of wall time — 30 snapshots — so the host also samples the chart figures at even
// simulated intervals and ships them with the next snapshot.
import type { Simulation, Snapshot } from '../engine/api';
import { NODE_ROW, SAMPLE_DEPTHS, SAMPLE_ROW, SAMPLE_STRIDE, STATS, TOTALS } from '../engine/snapshot';
import { isBusKind, type Flow } from '../model/flow';
import { SAMPLES_PER_RUN } from './protocol';

/** Room for a whole run's samples: a short run can finish between two snapshots. */
const BUFFER = SAMPLES_PER_RUN;

export class FastSamples {
  /** Simulated time of the next sample. */
  next: number;
  private readonly gap: number;
  private readonly buf = new Float64Array(BUFFER * SAMPLE_STRIDE);
  private count = 0;
  private scratch: Snapshot;
  private readonly buses: number[];

  constructor(sim: Simulation, flow: Flow, end: number) {
    this.gap = end / SAMPLES_PER_RUN;
    this.next = this.gap;
    const kinds = new Map(flow.nodes.map((n) => [n.id, n.kind]));
    // The first SAMPLE_DEPTHS buses in layout order: the same rule the UI's SeriesStore uses.
    this.buses = sim.layout.nodeIds
      .flatMap((id, i) => {
        const k = kinds.get(id);
        return k && isBusKind(k) ? [i] : [];
      })
      .slice(0, SAMPLE_DEPTHS);
    // Called without `into`, the engine returns fresh arrays: this sampler's own.
    this.scratch = sim.snapshot();
  }

  /** A fast run (re)starting at `t`: no samples for time already passed. */
  skipTo(t: number): void {
    while (this.next <= t) this.next += this.gap;
  }

  /** Records the figures at simulated time `t` (the engine has processed everything up to it). */
  take(sim: Simulation, t: number): void {
    this.next = t + this.gap;
    if (this.count === BUFFER) return;
    const s = (this.scratch = sim.snapshot(this.scratch));
    const o = this.count++ * SAMPLE_STRIDE;
    const b = this.buf;
    const at = SAMPLE_ROW.at;
    b[o + at.time] = t;
    b[o + at.completed] = s.totals[TOTALS.at.completed]!;
    b[o + at.p50] = s.endToEnd[STATS.at.p50]!;
    b[o + at.p95] = s.endToEnd[STATS.at.p95]!;
    b[o + at.p99] = s.endToEnd[STATS.at.p99]!;
    for (let d = 0; d < SAMPLE_DEPTHS; d++) {
      const n = this.buses[d];
      b[o + SAMPLE_ROW.size + d] = n === undefined ? 0 : s.nodes[n * NODE_ROW.size + NODE_ROW.at.depth]!;
    }
  }

  /** The samples since the last call, as a new array to transfer; null when there are none. */
  drain(): Float64Array | null {
    if (this.count === 0) return null;
    const out = this.buf.slice(0, this.count * SAMPLE_STRIDE);
    this.count = 0;
    return out;
  }
}
