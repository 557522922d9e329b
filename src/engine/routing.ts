// Copies moving along edges, and the two ways a journey ends without a failure (completed,
// dropped). A copy leaving a node goes on every outgoing edge that passes its type; an edge with
// latency puts it on the wire (EV.arrive), otherwise it arrives at once.
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { FLAG_DEAD_LETTER } from './kernel/messages';
import { arriveAt } from './kinds';
import { claimCopy } from './leases';
import { COUNTERS, C_DROPPED, C_OUT, T_COMPLETED, T_DEAD, T_DROPPED, T_EMITTED } from './metrics';
import { draw } from './distributions';

/**
 * Sends `slot` on every outgoing edge of n that passes its type: the first such edge takes the
 * slot itself, each further one a new copy (counted as emitted). With no such edge the journey
 * ends here and the copy completes.
 */
export function fanOut(eng: Engine, n: number, slot: number): void {
  const topo = eng.topo;
  const type = eng.pool.type[slot]!;
  const from = topo.outStart[n]!;
  const to = topo.outStart[n + 1]!;
  if (to === from) {
    complete(eng, slot);
    return;
  }
  if (to - from === 1 && topo.accepts[topo.outEdges[from]! * topo.acceptStride + type]) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    send(eng, slot, topo.outEdges[from]!);
    return;
  }
  fanOutMany(eng, n, slot, type, from, to);
}

/** The general case of fanOut(): copies for several edges or filters. */
function fanOutMany(eng: Engine, n: number, slot: number, type: number, from: number, to: number): void {
  const topo = eng.topo;
  // Copies are made before any is sent: sending may end (and recycle) the original at once.
  const scratch = eng.scratch;
  const base = scratch.top;
  const pairs = scratch.reserve(2 * (to - from));
  let k = 0;
  for (let i = from; i < to; i++) {
    const e = topo.outEdges[i]!;
    if (!topo.accepts[e * topo.acceptStride + type]) continue;
    if (k > 0) {
      pairs[base + k * 2] = eng.pool.clone(slot);
      eng.metrics.totals[T_EMITTED]!++;
    } else pairs[base] = slot;
    pairs[base + k * 2 + 1] = e;
    k++;
  }
  if (k === 0) {
    complete(eng, slot);
    return;
  }
  scratch.top = base + 2 * k;
  eng.counters[n * COUNTERS + C_OUT]! += k;
  for (let j = 0; j < k; j++) send(eng, scratch.values[base + 2 * j]!, scratch.values[base + 2 * j + 1]!);
  scratch.top = base;
}

/** Puts a copy on edge e: on the wire when the edge has latency, else straight into its target. */
export function send(eng: Engine, slot: number, e: number): void {
  if (eng.types > 0) eng.transits[e * eng.types + eng.pool.type[slot]!]!++;
  if (eng.cuts !== 0 && eng.cutSince[e]! >= 0) {
    // A partition holds what enters the edge until it heals (faults.ts).
    eng.edgeHeld[e]!.push(slot);
    eng.inFlight[e]!++;
    return;
  }
  dispatch(eng, slot, e);
}

/** A copy that has entered edge e goes: on the wire when the edge has latency, else into its target. */
export function dispatch(eng: Engine, slot: number, e: number): void {
  const topo = eng.topo;
  if (topo.edgeHasLatency[e]) {
    eng.pool.where[slot] = e;
    eng.inFlight[e]!++;
    eng.heap.push(
      eng.now + draw(topo.edgeLatency[e]!, eng.rng) * eng.latencyFactor[e]!,
      eventCode(EV.arrive, slot),
    );
  } else arriveAt(eng, slot, topo.edgeDst[e]!);
}

/** EV.arrive: a copy comes off the wire of the edge it was sent on. */
export function arriveFromWire(eng: Engine, slot: number): void {
  const e = eng.pool.where[slot]!;
  eng.inFlight[e]!--;
  arriveAt(eng, slot, eng.topo.edgeDst[e]!);
}

/** The copy's journey ends well (a handler's completion with nowhere to send it). */
export function complete(eng: Engine, slot: number): void {
  eng.metrics.totals[T_COMPLETED]!++;
  const row = stageEndToEnd(eng, slot);
  if (row >= 0) eng.metrics.hist.recordStagedAt(row, 3);
  eng.pool.free(slot);
}

/** The copy's journey ends at a store or a bus: completed, or dead-lettered if that is how it got there. */
export function endAt(eng: Engine, slot: number): void {
  endCopy(eng, slot);
  eng.pool.free(slot);
}

/** endAt()'s accounting, for a copy whose slot a terminal bus keeps. */
export function endCopy(eng: Engine, slot: number): void {
  if (eng.pool.flags[slot]! & FLAG_DEAD_LETTER) {
    eng.metrics.totals[T_DEAD]!++;
    return;
  }
  eng.metrics.totals[T_COMPLETED]!++;
  eng.metrics.hist.recordStagedAt(stageEndToEnd(eng, slot), 3);
}

/**
 * Stages the copy's end-to-end latency (hist.staged[3]) and returns the row to record it in, or
 * -1: end to end describes successful journeys, so a dead letter (which keeps its origin time)
 * is left out of it.
 */
export function stageEndToEnd(eng: Engine, slot: number): number {
  if (eng.pool.flags[slot]! & FLAG_DEAD_LETTER) return -1;
  eng.metrics.hist.staged[3] = eng.now - eng.pool.origin[slot]!;
  return eng.metrics.e2e;
}

/** Bus n turns the copy away (overflow, retention). */
export function drop(eng: Engine, n: number, slot: number): void {
  if (!claimCopy(eng, slot)) {
    eng.pool.free(slot);
    return;
  }
  eng.counters[n * COUNTERS + C_DROPPED]!++;
  eng.metrics.totals[T_DROPPED]!++;
  eng.pool.free(slot);
}
