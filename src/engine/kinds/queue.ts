// Queues: one FIFO whose consumers compete (each message goes to exactly one worker), capacity
// and overflow, redelivery of failed messages and dead-lettering.
import { FIELD_DEFAULTS } from '../../model/defaults';
import { unblock } from '../backpressure';
import type { Engine } from '../engine';
import { FLAG_DEAD_LETTER } from '../kernel/messages';
import { C_DEAD, C_IN, C_OUT, COUNTERS, T_DEAD, T_EMITTED } from '../metrics';
import { complete, send } from '../routing';
import { arriveAt } from '.';
import { enqueueBounded, overflowCode } from './bus';
import { KIND_CODE, kindAt } from './codes';
import { startIdle } from './handler';
import type { EngineKind } from './types';

/** A message reaches queue q: straight to an idle consumer, else into the FIFO (bounded unless it is a redelivery). */
export function queueArrive(eng: Engine, q: number, slot: number, bounded = true): void {
  const topo = eng.topo;
  const from = topo.outStart[q]!;
  const n = topo.outStart[q + 1]! - from;
  if (n === 1 && !topo.edgeFiltered[topo.outEdges[from]!]) {
    // One consumer, no filter: the common case, without the round robin.
    const e = topo.outEdges[from]!;
    const h = topo.edgeDst[e]!;
    if (kindAt(topo, h) === KIND_CODE.handler) {
      if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, topo.edgeSource[e]!, 0);
      else if (bounded) enqueueBounded(eng, q, eng.queueFifo[q]!, slot, topo.overflow[q]!);
      else {
        eng.queueFifo[q]!.push(slot);
        eng.metrics.addDepth(q, 1, eng.now);
      }
      return;
    }
  }
  shareAmongConsumers(eng, q, slot, bounded);
}

/** Moves blocked publications into queue q while it has room. */
export function admit(eng: Engine, q: number): void {
  const fifo = eng.queueFifo[q]!;
  const blocked = eng.blockedAt[q]!;
  while (blocked.length > 0 && fifo.length < eng.topo.capacity[q]!) {
    const slot = blocked.shift();
    eng.metrics.blocked[q]!--;
    eng.pool.arrive[slot] = eng.now;
    fifo.push(slot);
    eng.metrics.addDepth(q, 1, eng.now);
    unblock(eng, eng.pool.pub[slot]!);
  }
}

/** EV.redeliver: a failed message goes back to the tail of the queue it came from. */
export function redeliver(eng: Engine, slot: number): void {
  // It is still that queue's message, so capacity does not apply.
  const q = eng.pool.where[slot]!;
  eng.pool.arrive[slot] = eng.now;
  eng.pool.pub[slot] = -1;
  queueArrive(eng, q, slot, false);
}

export function deadLetter(eng: Engine, q: number, slot: number): void {
  eng.counters[q * COUNTERS + C_DEAD]!++;
  eng.metrics.totals[T_DEAD]!++;
  const target = eng.topo.deadLetter[q]!;
  if (target < 0) {
    eng.pool.free(slot);
    return;
  }
  // The dead letter sent on is a new copy (its predecessor ended as dead-lettered). It keeps its
  // origin time but is left out of end-to-end latency, which describes successful journeys.
  eng.metrics.totals[T_EMITTED]!++;
  eng.pool.flags[slot]! |= FLAG_DEAD_LETTER;
  eng.pool.deliveries[slot] = 0;
  eng.pool.pub[slot] = -1;
  arriveAt(eng, slot, target);
}

/** The first message in queue q that edge e accepts (the head, unless e filters), or -1. */
export function takeFromQueue(eng: Engine, q: number, e: number): number {
  const topo = eng.topo;
  const fifo = eng.queueFifo[q]!;
  const blocked = eng.blockedAt[q]!;
  if (
    fifo.length === 0 &&
    blocked.length > 0 &&
    (!topo.edgeFiltered[e] || topo.accepts[e * topo.acceptStride + eng.pool.type[blocked.peek()]!])
  ) {
    // Capacity 0 with "block": a publication waits for a free worker, not for room.
    const slot = blocked.shift();
    eng.metrics.blocked[q]!--;
    eng.pool.arrive[slot] = eng.now;
    unblock(eng, eng.pool.pub[slot]!);
    return slot;
  }
  if (fifo.length === 0) return -1;
  let slot = -1;
  if (!topo.edgeFiltered[e]) slot = fifo.shift();
  else {
    const stride = topo.acceptStride;
    for (let i = 0; i < fifo.length; i++) {
      if (topo.accepts[e * stride + eng.pool.type[fifo.at(i)]!]) {
        slot = fifo.removeAt(i);
        break;
      }
    }
    if (slot < 0) return -1;
  }
  eng.metrics.addDepth(q, -1, eng.now);
  if (blocked.length > 0) admit(eng, q);
  return slot;
}

/** The general case of queueArrive(): several consumers or filters, served in round robin. */
function shareAmongConsumers(eng: Engine, q: number, slot: number, bounded: boolean): void {
  const topo = eng.topo;
  const type = eng.pool.type[slot]!;
  const from = topo.outStart[q]!;
  const n = topo.outStart[q + 1]! - from;
  let accepted = false;
  // Competing consumers: the first consumer (round robin) with an idle worker gets it.
  for (let j = 0; j < n; j++) {
    const i = from + ((eng.rrQueue[q]! + j) % n);
    const e = topo.outEdges[i]!;
    if (!topo.accepts[e * topo.acceptStride + type]) continue;
    accepted = true;
    const h = topo.edgeDst[e]!;
    if (kindAt(topo, h) !== KIND_CODE.handler) {
      // A store or another bus is always ready: forwarded at once.
      eng.rrQueue[q] = (i - from + 1) % n;
      eng.counters[q * COUNTERS + C_OUT]!++;
      eng.pool.pub[slot] = -1;
      send(eng, slot, e);
      return;
    }
    if (eng.idle[h]!.length > 0) {
      eng.rrQueue[q] = (i - from + 1) % n;
      startIdle(eng, h, slot, topo.edgeSource[e]!, 0);
      return;
    }
  }
  if (!accepted) {
    complete(eng, slot);
    return;
  }
  if (bounded) enqueueBounded(eng, q, eng.queueFifo[q]!, slot, topo.overflow[q]!);
  else {
    eng.queueFifo[q]!.push(slot);
    eng.metrics.addDepth(q, 1, eng.now);
  }
}

export const queueKind: EngineKind<'queue'> = {
  compile(topo, n, c, ctx) {
    topo.capacity[n] = c.capacity ?? FIELD_DEFAULTS.capacity;
    topo.overflow[n] = overflowCode(c.overflow);
    topo.atLeastOnce[n] = (c.delivery ?? FIELD_DEFAULTS.delivery) === 'at-least-once' ? 1 : 0;
    topo.maxDeliveries[n] = c.maxDeliveries ?? FIELD_DEFAULTS.maxDeliveries;
    topo.deadLetter[n] = c.deadLetter === undefined ? -1 : ctx.nodeIndex(c.deadLetter);
  },
  throughput: C_IN,
  capacity: (eng, n) => eng.topo.capacity[n]!,
  workers: () => 0,
};
