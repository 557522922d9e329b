// Queues: one FIFO whose consumers compete (each message goes to exactly one of them), capacity
// and overflow, expiry, ordering by key, redelivery of failed messages and dead-lettering.
import type { Engine } from '../engine';
import { unblock } from '../backpressure';
import { hasRoom, push } from '../consume';
import { busOut, edgeCut } from '../faults';
import { claimCopy, isDeleted, leaveGroup } from '../leases';
import { C_DUP, C_IN, C_OUT, COUNTERS, T_EMITTED } from '../metrics';
import { endAt, send } from '../routing';
import { compileDelivery, enqueue, expire, overflowCode, retain, setExpiry } from './bus';
import { KIND_CODE, kindAt } from './codes';
import { startIdle } from './handler';
import type { EngineKind } from './types';

/** A message reaches queue q from outside: to a consumer with room, else into the FIFO (bounded). */
export function queueArrive(eng: Engine, q: number, slot: number): void {
  const topo = eng.topo;
  if (topo.terminal[q]) {
    retain(eng, q, slot);
    return;
  }
  setExpiry(eng, q, slot);
  const from = topo.outStart[q]!;
  if (topo.outStart[q + 1]! - from === 1 && !topo.edgeFiltered[topo.outEdges[from]!]) {
    // One consumer, no filter: the common case, without the round robin.
    const e = topo.outEdges[from]!;
    const h = topo.edgeDst[e]!;
    if (kindAt(topo, h) === KIND_CODE.handler && !edgeCut(eng, e)) {
      const s = topo.edgeSource[e]!;
      if (!topo.srcWindowed[s]) {
        if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, s, 0);
        else enqueue(eng, q, eng.queueFifo[q]!, slot, topo.overflow[q]!, false);
        return;
      }
    }
  }
  if (!offer(eng, q, slot)) enqueue(eng, q, eng.queueFifo[q]!, slot, topo.overflow[q]!, false);
}

/**
 * Gives `slot` to the first consumer (round robin) that accepts its type and has room: an idle
 * worker (classic source), window room (windowed source), or a store or bus (always ready).
 * Returns false when it must wait in the queue; a message no consumer accepts ends here.
 */
function offer(eng: Engine, q: number, slot: number): boolean {
  const topo = eng.topo;
  const pool = eng.pool;
  const type = pool.type[slot]!;
  const ordered = topo.orderByKey[q] === 1;
  const from = topo.outStart[q]!;
  const n = topo.outStart[q + 1]! - from;
  let accepted = false;
  for (let j = 0; j < n; j++) {
    const i = from + ((eng.rrQueue[q]! + j) % n);
    const e = topo.outEdges[i]!;
    if (!topo.accepts[e * topo.acceptStride + type]) continue;
    accepted = true;
    if (edgeCut(eng, e)) continue;
    const h = topo.edgeDst[e]!;
    if (kindAt(topo, h) !== KIND_CODE.handler) {
      eng.rrQueue[q] = (i - from + 1) % n;
      if (!claimCopy(eng, slot)) {
        eng.counters[q * COUNTERS + C_DUP]!++;
        eng.metrics.totals[T_EMITTED]!++;
      }
      eng.counters[q * COUNTERS + C_OUT]!++;
      eng.pool.pub[slot] = -1;
      send(eng, slot, e);
      return true;
    }
    if (ordered && !keyFree(eng, q, slot)) return false;
    const s = topo.edgeSource[e]!;
    if (topo.srcWindowed[s] ? hasRoom(eng, s) : eng.idle[h]!.length > 0) {
      eng.rrQueue[q] = (i - from + 1) % n;
      if (topo.srcWindowed[s]) push(eng, s, slot);
      else startIdle(eng, h, slot, s, 0);
      return true;
    }
  }
  if (accepted) return false;
  // No consumer takes this type (a live edit changed a filter): the journey ends at the queue.
  if (!claimCopy(eng, slot)) {
    pool.free(slot);
    return true;
  }
  endAt(eng, slot);
  return true;
}

/** A failed or lease-expired message goes back into queue q (tail or head; capacity does not apply). */
export function requeue(eng: Engine, q: number, slot: number): void {
  eng.pool.arrive[slot] = eng.now;
  eng.pool.pub[slot] = -1;
  const fifo = eng.queueFifo[q]!;
  const delivering = !busOut(eng, q);
  if (
    delivering &&
    fifo.length === 0 &&
    eng.topo.outStart[q + 1]! - eng.topo.outStart[q]! > 0 &&
    offer(eng, q, slot)
  )
    return;
  if (eng.topo.retryHead[q]) fifo.unshift(slot);
  else fifo.push(slot);
  eng.metrics.addDepth(q, 1, eng.now);
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

/**
 * The first message in queue q that edge e may take: the head, unless e filters or the queue is
 * ordered by key (then the first whose key is free). Messages past their TTL, and deliveries of
 * copies a lease made stale, are removed on the way. −1 when there is none.
 */
export function takeFromQueue(eng: Engine, q: number, e: number): number {
  if (busOut(eng, q) || edgeCut(eng, e)) return -1;
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
  let slot: number;
  if (!topo.edgeFiltered[e] && !topo.hasTtl[q] && !topo.orderByKey[q] && topo.lease[q] === Infinity) {
    slot = fifo.shift();
    eng.metrics.addDepth(q, -1, eng.now);
  } else slot = scan(eng, q, e);
  if (slot >= 0 && blocked.length > 0) admit(eng, q);
  return slot;
}

/** takeFromQueue() when something may stand in the way of the head. */
function scan(eng: Engine, q: number, e: number): number {
  const topo = eng.topo;
  const pool = eng.pool;
  const fifo = eng.queueFifo[q]!;
  const stride = topo.acceptStride;
  for (let i = 0; i < fifo.length;) {
    const slot = fifo.at(i);
    if (isDeleted(eng, slot)) {
      // Another delivery of this copy completed: the broker deleted it.
      fifo.removeAt(i);
      eng.metrics.addDepth(q, -1, eng.now);
      if (topo.orderByKey[q]) dropHold(eng, q, slot);
      leaveGroup(eng, slot, false);
      pool.free(slot);
      continue;
    }
    if (topo.hasTtl[q] && eng.now > pool.expires[slot]!) {
      fifo.removeAt(i);
      eng.metrics.addDepth(q, -1, eng.now);
      if (topo.orderByKey[q]) dropHold(eng, q, slot);
      expire(eng, q, slot);
      continue;
    }
    if (
      (topo.edgeFiltered[e] && !topo.accepts[e * stride + pool.type[slot]!]) ||
      (topo.orderByKey[q] && !keyFree(eng, q, slot))
    ) {
      i++;
      continue;
    }
    fifo.removeAt(i);
    eng.metrics.addDepth(q, -1, eng.now);
    return slot;
  }
  return -1;
}

/** Windowed source s of queue q has room: the queue pushes what it can. */
export function pumpQueue(eng: Engine, s: number): void {
  const topo = eng.topo;
  const q = topo.srcNode[s]!;
  const e = topo.srcEdge[s]!;
  while (hasRoom(eng, s)) {
    const slot = takeFromQueue(eng, q, e);
    if (slot < 0) return;
    push(eng, s, slot);
  }
}

// Ordered queues: the key's holder is the delivery of its message that is out (its delivery
// record as −1 − r, or its slot), or the message itself once a failure or a lease gave it back to
// the queue (GIVEN_BACK + slot): the next message of the key waits until it is acknowledged or
// dead-lettered.

const GIVEN_BACK = 2 ** 30;

/** The holder token of a delivery that is out. */
export const tokenOf = (eng: Engine, slot: number): number => {
  const r = eng.pool.dlv[slot]!;
  return r >= 0 ? -1 - r : slot;
};

function keyFree(eng: Engine, q: number, slot: number): boolean {
  const holder = eng.keyHolder[q]!.get(eng.pool.key[slot]!);
  return holder === undefined || holder === GIVEN_BACK + slot;
}

export function holdKey(eng: Engine, q: number, slot: number): void {
  eng.keyHolder[q]!.set(eng.pool.key[slot]!, tokenOf(eng, slot));
}

/** The key's holder (token) is done: the next message of the key may go. */
export function releaseKey(eng: Engine, q: number, key: number, token: number): void {
  const holders = eng.keyHolder[q]!;
  if (holders.get(key) !== token) return;
  holders.delete(key);
  const from = eng.topo.outStart[q]!;
  for (let i = from; i < eng.topo.outStart[q + 1]!; i++) {
    const s = eng.topo.edgeSource[eng.topo.outEdges[i]!]!;
    if (s >= 0 && eng.topo.srcWindowed[s]) pumpQueue(eng, s);
  }
}

/** A message given back to queue q leaves it for good (expired, or stale): its key is free. */
function dropHold(eng: Engine, q: number, slot: number): void {
  const holders = eng.keyHolder[q]!;
  const key = eng.pool.key[slot]!;
  if (holders.get(key) === GIVEN_BACK + slot) holders.delete(key);
}

/** A failure or a lease gave message `slot` back to queue q: it keeps its key (the old delivery no longer holds it). */
export function passKey(eng: Engine, q: number, slot: number): void {
  eng.keyHolder[q]!.set(eng.pool.key[slot]!, GIVEN_BACK + slot);
}

export const queueKind: EngineKind<'queue'> = {
  compile(topo, n, c, ctx) {
    topo.capacity[n] = c.capacity ?? Infinity;
    topo.overflow[n] = overflowCode(c.overflow);
    compileDelivery(topo, n, c, ctx);
    topo.orderByKey[n] = c.orderBy === 'key' ? 1 : 0;
  },
  throughput: C_IN,
  capacity: (eng, n) => eng.topo.capacity[n]!,
  workers: () => 0,
};
