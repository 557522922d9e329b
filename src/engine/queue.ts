// Queues: competing consumers, capacity and overflow (drop-newest, drop-oldest, block),
// redelivery and dead-lettering.
import type { Engine } from './engine';
import type { Fifo } from './kernel/fifo';
import { COUNTERS, C_OUT, C_DEAD, T_EMITTED, T_DEAD } from './metrics';
import { K_HANDLER, OV_DROP_NEWEST, OV_DROP_OLDEST, OV_BLOCK } from './topology';
import { FLAG_DEAD_LETTER } from './kernel/messages';
import { startIdle } from './handler';

/** A message reaches queue q: straight to an idle consumer, else into the FIFO (bounded unless it is a redelivery). */
export function queueArrive(eng: Engine, q: number, slot: number, bounded = true): void {
  const t = eng.t;
  const from = t.outStart[q]!;
  const n = t.outStart[q + 1]! - from;
  if (n === 1 && !t.edgeFiltered[t.outEdges[from]!]) {
    // One consumer, no filter: the common case, without the round robin.
    const e = t.outEdges[from]!;
    const h = t.edgeDst[e]!;
    if (t.kind[h] === K_HANDLER) {
      if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, t.edgeSource[e]!, 0);
      else if (bounded) enqueueBounded(eng, q, eng.queueFifo[q]!, slot, true);
      else {
        eng.queueFifo[q]!.push(slot);
        eng.metrics.addDepth(q, 1, eng.now);
      }
      return;
    }
  }
  shareAmongConsumers(eng, q, slot, bounded);
}

/** Puts slot in a bus FIFO of node n, applying capacity and overflow. */
export function enqueueBounded(eng: Engine, n: number, fifo: Fifo, slot: number, isQueue: boolean): void {
  const t = eng.t;
  if (fifo.length < t.capacity[n]!) {
    fifo.push(slot);
    eng.metrics.addDepth(n, 1, eng.now);
    return;
  }
  const ov = isQueue ? t.overflow[n]! : OV_DROP_NEWEST;
  if (ov === OV_BLOCK) {
    eng.pending[n]!.push(slot);
    eng.metrics.blocked[n]!++;
    eng.hold(eng.pool.pub[slot]!);
  } else if (ov === OV_DROP_OLDEST && fifo.length > 0) {
    eng.drop(n, fifo.shift());
    fifo.push(slot);
  } else eng.drop(n, slot);
}

/** Moves blocked publications into queue q while it has room. */
export function admit(eng: Engine, q: number): void {
  const fifo = eng.queueFifo[q]!;
  const pend = eng.pending[q]!;
  while (pend.length > 0 && fifo.length < eng.t.capacity[q]!) {
    const slot = pend.shift();
    eng.metrics.blocked[q]!--;
    eng.pool.arrive[slot] = eng.now;
    fifo.push(slot);
    eng.metrics.addDepth(q, 1, eng.now);
    eng.unhold(eng.pool.pub[slot]!);
  }
}

export function redeliver(eng: Engine, slot: number): void {
  // Back to the tail of the queue it came from; it is still that queue's message, so capacity does not apply.
  const q = eng.pool.where[slot]!;
  eng.pool.arrive[slot] = eng.now;
  eng.pool.pub[slot] = -1;
  queueArrive(eng, q, slot, false);
}

export function deadLetter(eng: Engine, q: number, slot: number): void {
  eng.counters[q * COUNTERS + C_DEAD]!++;
  eng.metrics.totals[T_DEAD]!++;
  const target = eng.t.deadLetter[q]!;
  if (target < 0) {
    eng.pool.release(slot);
    return;
  }
  // The dead letter sent on is a new copy (its predecessor ended as dead-lettered). It keeps its
  // origin time but is left out of end-to-end latency, which describes successful journeys.
  eng.metrics.totals[T_EMITTED]!++;
  eng.pool.flags[slot]! |= FLAG_DEAD_LETTER;
  eng.pool.deliveries[slot] = 0;
  eng.pool.pub[slot] = -1;
  eng.arriveAt(slot, target);
}

/** The first message in queue q that edge e accepts (the head, unless e filters), or -1. */
export function takeFromQueue(eng: Engine, q: number, e: number): number {
  const fifo = eng.queueFifo[q]!;
  const pend = eng.pending[q]!;
  if (
    fifo.length === 0 &&
    pend.length > 0 &&
    (!eng.t.edgeFiltered[e] || eng.t.accepts[e * eng.acceptStride + eng.pool.type[pend.peek()]!])
  ) {
    // Capacity 0 with "block": a publication waits for a free worker, not for room.
    const slot = pend.shift();
    eng.metrics.blocked[q]!--;
    eng.pool.arrive[slot] = eng.now;
    eng.unhold(eng.pool.pub[slot]!);
    return slot;
  }
  if (fifo.length === 0) return -1;
  let slot = -1;
  if (!eng.t.edgeFiltered[e]) slot = fifo.shift();
  else {
    const stride = eng.acceptStride;
    for (let i = 0; i < fifo.length; i++) {
      if (eng.t.accepts[e * stride + eng.pool.type[fifo.at(i)]!]) {
        slot = fifo.removeAt(i);
        break;
      }
    }
    if (slot < 0) return -1;
  }
  eng.metrics.addDepth(q, -1, eng.now);
  if (eng.pending[q]!.length > 0) admit(eng, q);
  return slot;
}

/** The general case of queueArrive(): several consumers or filters, served in round robin. */
function shareAmongConsumers(eng: Engine, q: number, slot: number, bounded: boolean): void {
  const t = eng.t;
  const type = eng.pool.type[slot]!;
  const from = t.outStart[q]!;
  const n = t.outStart[q + 1]! - from;
  let accepted = false;
  // Competing consumers: the first consumer (round robin) with an idle worker gets it.
  for (let j = 0; j < n; j++) {
    const i = from + ((eng.rrQueue[q]! + j) % n);
    const e = t.outEdges[i]!;
    if (!t.accepts[e * eng.acceptStride + type]) continue;
    accepted = true;
    const h = t.edgeDst[e]!;
    if (t.kind[h] !== K_HANDLER) {
      eng.rrQueue[q] = (i - from + 1) % n;
      eng.counters[q * COUNTERS + C_OUT]!++;
      eng.pool.pub[slot] = -1;
      eng.send(slot, e);
      return;
    }
    if (eng.idle[h]!.length > 0) {
      eng.rrQueue[q] = (i - from + 1) % n;
      startIdle(eng, h, slot, t.edgeSource[e]!, 0);
      return;
    }
  }
  if (!accepted) {
    eng.complete(slot);
    return;
  }
  if (bounded) enqueueBounded(eng, q, eng.queueFifo[q]!, slot, true);
  else {
    eng.queueFifo[q]!.push(slot);
    eng.metrics.addDepth(q, 1, eng.now);
  }
}
