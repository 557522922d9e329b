// A few snapshot buffer sets that travel to the UI and come back (transfer, not copy), so a
// running simulation allocates nothing per snapshot. When the UI holds them all, the host skips a
// frame instead of allocating: the UI only ever needs the latest state.
import { NODE_STRIDE, type Simulation } from '../engine/api';
import { transferList, type SnapshotBuffers } from './protocol';

/** One set shown by the UI, one in flight, one being filled. */
const POOL_SIZE = 3;
const END_TO_END_FIELDS = 6;
const TOTALS_FIELDS = 6;

export class SnapshotPool {
  private readonly free: SnapshotBuffers[] = [];
  private allocated = 0;
  private readonly sizes: readonly number[];

  constructor(sim: Simulation) {
    const { nodeIds, edgeIds, eventTypes } = sim.layout;
    this.sizes = [
      nodeIds.length * NODE_STRIDE,
      edgeIds.length * Math.max(1, eventTypes.length),
      edgeIds.length,
      END_TO_END_FIELDS,
      TOTALS_FIELDS,
    ];
  }

  /**
   * A buffer set to fill, or null when all of them are out. `must` (the last state of a run, or
   * the answer to a user's Pause/Step/Reset) allocates past the pool rather than skip: those are
   * rare, and the UI must see them.
   */
  take(must = false): SnapshotBuffers | null {
    const b = this.free.pop();
    if (b) return b;
    if (this.allocated >= POOL_SIZE && !must) return null;
    this.allocated++;
    const [n, t, f, e, o] = this.sizes;
    return {
      nodes: new Float64Array(n!),
      edgeTransits: new Float64Array(t!),
      edgeInFlight: new Float64Array(f!),
      endToEnd: new Float64Array(e!),
      totals: new Float64Array(o!),
    };
  }

  /** Takes a set back from the UI; sets of an earlier layout (before a reload) are dropped. */
  give(b: SnapshotBuffers): void {
    const fits =
      b.nodes.length === this.sizes[0] &&
      b.edgeTransits.length === this.sizes[1] &&
      b.edgeInFlight.length === this.sizes[2];
    if (fits && this.free.length < POOL_SIZE) this.free.push(b);
  }

  transfer(b: SnapshotBuffers): ArrayBuffer[] {
    return transferList(b);
  }
}
