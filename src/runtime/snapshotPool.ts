// A few snapshot array sets that travel to the UI and come back (transfer, not copy), so a
// running simulation allocates nothing per snapshot. When the UI holds them all, the host skips a
// frame instead of allocating: the UI only ever needs the latest state.
import type { Simulation } from '../engine/api';
import { fitsLayout, newSnapshotArrays, type SnapshotArrays, type SnapshotLayout } from '../engine/snapshot';

/** One set shown by the UI, one in flight, one being filled. */
const POOL_SIZE = 3;

export class SnapshotPool {
  private readonly free: SnapshotArrays[] = [];
  private allocated = 0;
  private readonly layout: SnapshotLayout;

  constructor(sim: Simulation) {
    this.layout = sim.layout;
  }

  /**
   * A set to fill, or null when all of them are out. `must` (the last state of a run, or the
   * answer to a user's Pause/Step/Reset) allocates past the pool rather than skip: those are
   * rare, and the UI must see them.
   */
  take(must = false): SnapshotArrays | null {
    const b = this.free.pop();
    if (b) return b;
    if (this.allocated >= POOL_SIZE && !must) return null;
    this.allocated++;
    return newSnapshotArrays(this.layout);
  }

  /** Takes a set back from the UI; sets of an earlier layout (before a reload) are dropped. */
  give(b: SnapshotArrays): void {
    if (fitsLayout(b, this.layout) && this.free.length < POOL_SIZE) this.free.push(b);
  }
}
