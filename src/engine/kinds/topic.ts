// Topics: publish/subscribe. Every outgoing edge is a subscription with its own FIFO (capacity per
// subscription, newest dropped when full) that gets a copy of every event it passes, and delivers
// it as a queue would: at least once by default (redelivered after a failure, dead-lettered after
// maxDeliveries), with the topic's TTL, lease and retry settings.
import { FIELD_DEFAULTS } from '../../model/defaults';
import type { Engine } from '../engine';
import { hasRoom, push } from '../consume';
import { busOut, edgeCut } from '../faults';
import { isDeleted, leaveGroup } from '../leases';
import { C_IN, C_OUT, COUNTERS } from '../metrics';
import { send } from '../routing';
import { compileDelivery, enqueue, expire, setExpiry } from './bus';
import { OVERFLOW } from './codes';
import { KIND_CODE, kindAt } from './codes';
import { startIdle } from './handler';
import type { EngineKind } from './types';

/** A copy for subscription e of topic n: to a worker or window with room, else into the subscription's FIFO. */
export function deliverToSubscription(eng: Engine, n: number, e: number, slot: number): void {
  const topo = eng.topo;
  const h = topo.edgeDst[e]!;
  if (kindAt(topo, h) !== KIND_CODE.handler) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    send(eng, slot, e);
    return;
  }
  setExpiry(eng, n, slot);
  const s = topo.edgeSource[e]!;
  const fifo = eng.subFifo[e]!;
  if (edgeCut(eng, e)) enqueue(eng, n, fifo, slot, OVERFLOW.dropNewest, false);
  else if (topo.srcWindowed[s]) {
    if (fifo.length === 0 && hasRoom(eng, s)) push(eng, s, slot);
    else enqueue(eng, n, fifo, slot, OVERFLOW.dropNewest, false);
  } else if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, s, 0);
  else enqueue(eng, n, fifo, slot, OVERFLOW.dropNewest, false);
}

/** The oldest message of subscription e (expired ones and stale lease deliveries removed on the way), or -1. */
export function takeFromSubscription(eng: Engine, e: number): number {
  const fifo = eng.subFifo[e]!;
  const n = eng.topo.edgeSrc[e]!;
  if (busOut(eng, n) || edgeCut(eng, e)) return -1;
  while (fifo.length > 0) {
    const slot = fifo.shift();
    eng.metrics.addDepth(n, -1, eng.now);
    if (isDeleted(eng, slot)) {
      leaveGroup(eng, slot, false);
      eng.pool.free(slot);
    } else if (eng.topo.hasTtl[n] && eng.now > eng.pool.expires[slot]!) expire(eng, n, slot);
    else return slot;
  }
  return -1;
}

/** Windowed source s of a subscription has room: the subscription pushes what it can. */
export function pumpSubscription(eng: Engine, s: number): void {
  const e = eng.topo.srcEdge[s]!;
  while (hasRoom(eng, s)) {
    const slot = takeFromSubscription(eng, e);
    if (slot < 0) return;
    push(eng, s, slot);
  }
}

/** A failed or lease-expired message goes back into its subscription (tail or head; capacity does not apply). */
export function requeueSubscription(eng: Engine, e: number, slot: number): void {
  const topo = eng.topo;
  const n = topo.edgeSrc[e]!;
  const s = topo.edgeSource[e]!;
  const h = topo.edgeDst[e]!;
  eng.pool.arrive[slot] = eng.now;
  eng.pool.pub[slot] = -1;
  const fifo = eng.subFifo[e]!;
  if (fifo.length === 0 && !busOut(eng, n) && !edgeCut(eng, e)) {
    if (topo.srcWindowed[s] && hasRoom(eng, s)) {
      push(eng, s, slot);
      return;
    }
    if (!topo.srcWindowed[s] && eng.idle[h]!.length > 0) {
      startIdle(eng, h, slot, s, 0);
      return;
    }
  }
  if (topo.retryHead[n]) fifo.unshift(slot);
  else fifo.push(slot);
  eng.metrics.addDepth(n, 1, eng.now);
}

export const topicKind: EngineKind<'topic'> = {
  compile(topo, n, c, ctx) {
    topo.capacity[n] = c.capacity ?? FIELD_DEFAULTS.capacity;
    compileDelivery(topo, n, c, ctx);
  },
  throughput: C_IN,
  capacity: (eng, n) => eng.topo.capacity[n]!,
  workers: () => 0,
};
