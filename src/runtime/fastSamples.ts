// Chart samples taken inside a fast run. Fast mode may cover an hour of simulated time in a
// second of wall time — 30 snapshots — so the host also samples the chart figures at even
// simulated intervals and ships them with the next snapshot.
import { nodeField, NODE_STRIDE, type Simulation, type Snapshot } from '../engine/api';
import { isBusKind, type Flow } from '../model/flow';
import { SAMPLE_DEPTHS, SAMPLE_STRIDE, SAMPLES_PER_RUN } from './protocol';

const DEPTH = nodeField('depth');
/** Room for a whole run's samples: a short run can finish between two snapshots. */
const BUFFER = SAMPLES_PER_RUN;

export class FastSamples {
  /** Simulated time of the next sample. */
  next: number;
  private readonly gap: number;
  private readonly buf = new Float64Array(BUFFER * SAMPLE_STRIDE);
  private count = 0;
  private readonly scratch: Snapshot;
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
    const s = sim.snapshot(this.scratch);
    const o = this.count++ * SAMPLE_STRIDE;
    const b = this.buf;
    b[o] = t;
    b[o + 1] = s.totals[1]!; // completed
    b[o + 2] = s.endToEnd[2]!; // p50
    b[o + 3] = s.endToEnd[3]!; // p95
    b[o + 4] = s.endToEnd[4]!; // p99
    for (let d = 0; d < SAMPLE_DEPTHS; d++) {
      const n = this.buses[d];
      b[o + 5 + d] = n === undefined ? 0 : s.nodes[n * NODE_STRIDE + DEPTH]!;
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
