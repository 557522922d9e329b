// How handlers get messages from queues and topic subscriptions. A source is a bus → handler edge.
//
// Classic sources (the handler's only source; no prefetch, latency or acknowledgement latency on
// the edge; no lease on the bus): a free worker takes the bus's next message itself and an idle
// worker takes an arriving one. That is what a delivery window of the handler's concurrency with
// no network time amounts to, in the fewest steps; the fast lanes run it.
//
// Windowed sources: the bus pushes while fewer than `prefetch` (default: the concurrency) of its
// messages are unacknowledged at the handler. A pushed message travels the edge's latency (no
// worker is held), waits in the handler's buffer for that source, is served, and frees its window
// slot when its acknowledgement reaches the bus, `ackLatency` after the completion. Only service
// time counts as busy. Streams are consumed by partition owners instead (kinds/stream.ts).
import { draw } from './distributions';
import type { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { SOURCE } from './kinds/codes';
import { startIdle } from './kinds/handler';
import { holdKey, pumpQueue, releaseKey } from './kinds/queue';
import { pumpSubscription } from './kinds/topic';
import { edgeCut, giveBack } from './faults';
import { closeRecord, openDelivery } from './leases';
import { COUNTERS, C_OUT } from './metrics';

/** Unacknowledged messages source s may have at its handler. */
export function windowOf(eng: Engine, s: number): number {
  const h = eng.topo.srcHandler[s]!;
  // A crashed consumer has no connection, a partitioned one no route: its bus pushes nothing.
  if (eng.crashedSince[h]! >= 0 || edgeCut(eng, eng.topo.srcEdge[s]!)) return 0;
  const p = eng.topo.srcPrefetch[s]!;
  return p > 0 ? p : eng.topo.concurrency[h]!;
}

export const hasRoom = (eng: Engine, s: number): boolean => eng.unacked[s]! < windowOf(eng, s);

/** The bus of windowed source s pushes `slot` (taken from it) to the handler. */
export function push(eng: Engine, s: number, slot: number): void {
  const topo = eng.topo;
  const pool = eng.pool;
  const n = topo.srcNode[s]!;
  const e = topo.srcEdge[s]!;
  eng.unacked[s]!++;
  eng.counters[n * COUNTERS + C_OUT]!++;
  if (eng.types > 0) eng.transits[e * eng.types + pool.type[slot]!]!++;
  eng.metrics.noteAge(n, eng.now - pool.arrive[slot]!);
  pool.src[slot] = s;
  pool.dlv[slot] = topo.lease[n]! < Infinity || topo.srcHasAck[s] ? openDelivery(eng, s, slot) : -1;
  if (topo.orderByKey[n]) holdKey(eng, n, slot);
  if (topo.edgeHasLatency[e]) {
    const x = draw(topo.edgeLatency[e]!, eng.rng) * eng.latencyFactor[e]!;
    pool.transit[slot] = x;
    pool.where[slot] = e;
    eng.inFlight[e]!++;
    eng.heap.push(eng.now + x, eventCode(EV.deliver, slot));
  } else {
    pool.transit[slot] = 0;
    receive(eng, slot);
  }
}

/** EV.deliver: a pushed message comes off the wire. */
export function delivered(eng: Engine, slot: number): void {
  eng.inFlight[eng.pool.where[slot]!]!--;
  receive(eng, slot);
}

/** A pushed message reaches its handler: an idle worker takes it, else it waits in the source's buffer. */
function receive(eng: Engine, slot: number): void {
  const s = eng.pool.src[slot]!;
  const h = eng.topo.srcHandler[s]!;
  if (eng.crashedSince[h]! >= 0) giveBack(eng, s, slot);
  else if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, s, 0);
  else {
    eng.local[s]!.push(slot);
    eng.metrics.addDepth(h, 1, eng.now);
  }
}

/** The next message waiting in windowed source s's buffer at the handler, or −1. */
export function takeLocal(eng: Engine, s: number): number {
  const fifo = eng.local[s]!;
  if (fifo.length === 0) return -1;
  eng.metrics.addDepth(eng.topo.srcHandler[s]!, -1, eng.now);
  return fifo.shift();
}

/** What acknowledging a delivery needs, read before the handler is done with the message's slot. */
export interface Receipt {
  s: number;
  /** Delivery record, or −1. */
  r: number;
  key: number;
  slot: number;
}

export function receiptOf(eng: Engine, s: number, slot: number, out: Receipt): Receipt {
  out.s = s;
  out.r = eng.pool.dlv[slot]!;
  out.key = eng.pool.key[slot]!;
  out.slot = slot;
  return out;
}

/**
 * The handler is done with a delivery of windowed source s (`completed`, or failed or dropped):
 * its acknowledgement leaves for the bus, or arrives at once.
 */
export function acknowledge(eng: Engine, receipt: Receipt, completed: boolean): void {
  const { s, r } = receipt;
  const topo = eng.topo;
  if (r >= 0) {
    eng.deliveries.slot[r] = -1;
    eng.deliveries.completed[r] = completed ? 1 : 0;
    if (topo.srcHasAck[s]) eng.heap.push(eng.now + draw(topo.srcAck[s]!, eng.rng), eventCode(EV.ack, r));
    else acknowledged(eng, r);
    return;
  }
  const n = topo.srcNode[s]!;
  if (topo.orderByKey[n]) releaseKey(eng, n, receipt.key, receipt.slot);
  eng.unacked[s]!--;
  refill(eng, s);
}

/** EV.ack: an acknowledgement reaches its bus, which frees the window slot. */
export function acknowledged(eng: Engine, r: number): void {
  const d = eng.deliveries;
  const s = d.src[r]!;
  const n = eng.topo.srcNode[s]!;
  if (eng.topo.orderByKey[n]) releaseKey(eng, n, d.key[r]!, -1 - r);
  closeRecord(eng, r);
  eng.unacked[s]!--;
  refill(eng, s);
}

/** Source s has room again: its bus pushes what it can. */
export function refill(eng: Engine, s: number): void {
  if (eng.topo.srcKind[s] === SOURCE.queue) pumpQueue(eng, s);
  else pumpSubscription(eng, s);
}
