// What queues and topics share: bounded FIFOs with an overflow policy, delivery guarantees and
// dead-lettering, as tables indexed by node; and the fan-out of a topic or stream to its
// subscriptions or consumer groups.
import { assertNever } from '../../model/assertNever';
import { FIELD_DEFAULTS } from '../../model/defaults';
import { DELIVERY_DEFAULTS, type Retry } from '../../model/delivery';
import type { Dist } from '../../model/dist';
import { MAX_SECONDS } from '../../model/limits';
import { block } from '../backpressure';
import { compileDist, draw, type CompiledDist } from '../distributions';
import type { Engine } from '../engine';
import type { Fifo } from '../kernel/fifo';
import { FLAG_DEAD_LETTER } from '../kernel/messages';
import { claimCopy, isDeleted, leaseExpired, leaveGroup } from '../leases';
import {
  C_DEAD,
  C_DROPPED,
  C_EXPIRED,
  C_REDELIVERED,
  COUNTERS,
  T_DEAD,
  T_EMITTED,
  T_EXPIRED,
} from '../metrics';
import { retryDelay, scheduleRetry } from '../retry';
import { drop, endAt, endCopy } from '../routing';
import type { CompileContext, Topology } from '../topology';
import { arriveAt } from '.';
import { JITTER, KIND_CODE, kindAt, ON_FAILURE, OVERFLOW, RETRY, SOURCE, type SourceKind } from './codes';
import { passKey, releaseKey, requeue } from './queue';
import { deliverToGroup, requeuePartition } from './stream';
import { deliverToSubscription, requeueSubscription } from './topic';

/** A delivery record's token as the holder of its key (kinds/queue.ts). */
const tokenOfRecord = (r: number): number => -1 - r;

const OVERFLOW_CODE = {
  'drop-newest': OVERFLOW.dropNewest,
  'drop-oldest': OVERFLOW.dropOldest,
  block: OVERFLOW.block,
} as const;

export interface BusTables {
  /** Waiting room (per subscription on a topic); Infinity when unbounded. */
  capacity: Float64Array;
  overflow: Int32Array;
  atLeastOnce: Uint8Array;
  maxDeliveries: Int32Array;
  /** Dead-letter bus, or -1. */
  deadLetter: Int32Array;
  /** No outgoing edge: the bus keeps what it accepts. */
  terminal: Uint8Array;
  /** Time to live, drawn per message as it enters the bus (when hasTtl). */
  ttl: CompiledDist[];
  hasTtl: Uint8Array;
  /** Seconds a delivery may stay unacknowledged before the message is available again; Infinity: no lease. */
  lease: Float64Array;
  retryKind: Int32Array;
  /** The bus's own retry delay (RETRY.delay). */
  busRetryDelay: CompiledDist[];
  backoffInitial: Float64Array;
  backoffMultiplier: Float64Array;
  backoffMax: Float64Array;
  backoffJitter: Int32Array;
  /** 1: a retried message goes to the head of the bus, not the tail. */
  retryHead: Uint8Array;
  /** 1: at most one message per key in delivery at a time. */
  orderByKey: Uint8Array;
  /** Streams: ON_FAILURE. */
  onFailure: Int32Array;
}

const noDelay = compileDist({ dist: 'constant', value: 0 });

export const allocateBusTables = (N: number): BusTables => ({
  capacity: new Float64Array(N).fill(Infinity),
  overflow: new Int32Array(N),
  atLeastOnce: new Uint8Array(N),
  maxDeliveries: new Int32Array(N),
  deadLetter: new Int32Array(N).fill(-1),
  terminal: new Uint8Array(N),
  ttl: Array.from({ length: N }, () => noDelay),
  hasTtl: new Uint8Array(N),
  lease: new Float64Array(N).fill(Infinity),
  retryKind: new Int32Array(N),
  busRetryDelay: Array.from({ length: N }, () => noDelay),
  backoffInitial: new Float64Array(N),
  backoffMultiplier: new Float64Array(N),
  backoffMax: new Float64Array(N),
  backoffJitter: new Int32Array(N),
  retryHead: new Uint8Array(N),
  orderByKey: new Uint8Array(N),
  onFailure: new Int32Array(N).fill(ON_FAILURE.drop),
});

/** The delivery settings queues and topic subscriptions share (model/delivery.ts), into node n's tables. */
export function compileDelivery(
  topo: Topology,
  n: number,
  c: {
    delivery?: 'at-least-once' | 'at-most-once' | undefined;
    maxDeliveries?: number | undefined;
    deadLetter?: string | undefined;
    ttl?: Dist | undefined;
    lease?: number | undefined;
    retry?: Retry | undefined;
  },
  ctx: CompileContext,
): void {
  topo.atLeastOnce[n] = (c.delivery ?? DELIVERY_DEFAULTS.delivery) === 'at-least-once' ? 1 : 0;
  topo.maxDeliveries[n] = c.maxDeliveries ?? DELIVERY_DEFAULTS.maxDeliveries;
  topo.deadLetter[n] = c.deadLetter === undefined ? -1 : ctx.nodeIndex(c.deadLetter);
  if (c.ttl) {
    topo.ttl[n] = compileDist(c.ttl);
    topo.hasTtl[n] = 1;
  }
  topo.lease[n] = c.lease ?? Infinity;
  compileRetry(topo, n, c.retry);
}

export function compileRetry(topo: Topology, n: number, r: Retry | undefined): void {
  topo.retryHead[n] = (r?.position ?? DELIVERY_DEFAULTS.retryPosition) === 'head' ? 1 : 0;
  if (r?.backoff) {
    const b = r.backoff;
    topo.retryKind[n] = RETRY.backoff;
    topo.backoffInitial[n] = b.initial;
    topo.backoffMultiplier[n] = b.multiplier ?? DELIVERY_DEFAULTS.backoffMultiplier;
    // Without a max the delay still stops growing at the longest a run can last: a retry that
    // late never comes either way, and the delay stays finite (full jitter on an infinite one
    // could draw 0 × ∞, NaN, and break the clock).
    topo.backoffMax[n] = b.max ?? MAX_SECONDS;
    topo.backoffJitter[n] = JITTER[b.jitter ?? DELIVERY_DEFAULTS.jitter];
  } else if (r?.delay) {
    topo.retryKind[n] = RETRY.delay;
    topo.busRetryDelay[n] = compileDist(r.delay);
  }
}

export const overflowCode = (o: keyof typeof OVERFLOW_CODE | undefined): number =>
  OVERFLOW_CODE[o ?? FIELD_DEFAULTS.overflow];

/**
 * Puts slot at the tail of a FIFO of bus n, applying its capacity: a full FIFO applies the
 * overflow policy (topics always drop the newest). Dropping the oldest of `retained` messages
 * (a terminal bus, where they have already ended) only evicts it.
 */
export function enqueue(
  eng: Engine,
  n: number,
  fifo: Fifo,
  slot: number,
  overflow: number,
  retained: boolean,
): void {
  if (fifo.length < eng.topo.capacity[n]!) {
    fifo.push(slot);
    eng.metrics.addDepth(n, 1, eng.now);
    return;
  }
  if (overflow === OVERFLOW.block) {
    eng.blockedAt[n]!.push(slot);
    eng.metrics.blocked[n]!++;
    block(eng, eng.pool.pub[slot]!);
  } else if (overflow === OVERFLOW.dropOldest && fifo.length > 0) {
    const oldest = fifo.shift();
    eng.metrics.noteAge(n, eng.now - eng.pool.arrive[oldest]!);
    if (retained) {
      eng.counters[n * COUNTERS + C_DROPPED]!++;
      eng.pool.free(oldest);
    } else drop(eng, n, oldest);
    fifo.push(slot);
  } else drop(eng, n, slot);
}

/** A message enters bus n: it gets its time to live, if the bus gives one. */
export function setExpiry(eng: Engine, n: number, slot: number): void {
  if (eng.topo.hasTtl[n]) eng.pool.expires[slot] = eng.now + draw(eng.topo.ttl[n]!, eng.rng);
}

/** A message of bus n was past its TTL at the head: dead-lettered where the bus says, else it ends expired. */
export function expire(eng: Engine, n: number, slot: number): void {
  eng.metrics.noteAge(n, eng.now - eng.pool.arrive[slot]!);
  if (!claimCopy(eng, slot)) {
    eng.pool.free(slot);
    return;
  }
  if (eng.topo.deadLetter[n]! >= 0) {
    deadLetter(eng, n, slot);
    return;
  }
  eng.counters[n * COUNTERS + C_EXPIRED]!++;
  eng.metrics.totals[T_EXPIRED]!++;
  eng.pool.free(slot);
}

/**
 * Bus n has no outgoing edge: it keeps what it accepts (up to its capacity, with its overflow
 * policy), and the copy's journey ends there: completed, or dead-lettered when dead-lettering
 * brought it there. Kept messages show as the bus's depth and age.
 */
export function retain(eng: Engine, n: number, slot: number): void {
  const fifo = eng.queueFifo[n]!;
  const kind = kindAt(eng.topo, n);
  const overflow = kind === KIND_CODE.queue ? eng.topo.overflow[n]! : OVERFLOW.dropNewest;
  // Full (or no room at all): the newcomer is dropped or held, and its journey is not over here.
  if (fifo.length >= eng.topo.capacity[n]! && (overflow !== OVERFLOW.dropOldest || fifo.length === 0)) {
    enqueue(eng, n, fifo, slot, overflow, true);
    return;
  }
  eng.pool.pub[slot] = -1;
  endCopy(eng, slot);
  enqueue(eng, n, fifo, slot, overflow, true);
}

/**
 * Bus n gives up on a message after its last delivery: it counts it, and moves it to its
 * dead-letter bus (the same copy, flagged: end-to-end latency leaves it out) or, without one,
 * the copy ends there, dead-lettered.
 */
export function deadLetter(eng: Engine, n: number, slot: number): void {
  const pool = eng.pool;
  if (!claimCopy(eng, slot)) {
    pool.free(slot);
    return;
  }
  eng.counters[n * COUNTERS + C_DEAD]!++;
  const target = eng.topo.deadLetter[n]!;
  if (target < 0) {
    eng.metrics.totals[T_DEAD]!++;
    pool.free(slot);
    return;
  }
  pool.flags[slot]! |= FLAG_DEAD_LETTER;
  pool.deliveries[slot] = 0;
  pool.pub[slot] = -1;
  arriveAt(eng, slot, target);
}

/** A copy for each subscription or consumer group that passes the type; none: the journey ends at the bus. */
export function fanOutBus(eng: Engine, n: number, slot: number): void {
  const topo = eng.topo;
  const type = eng.pool.type[slot]!;
  const from = topo.outStart[n]!;
  const to = topo.outStart[n + 1]!;
  const stride = topo.acceptStride;
  if (topo.terminal[n]) {
    retain(eng, n, slot);
    return;
  }
  let last = -1;
  for (let i = from; i < to; i++) if (topo.accepts[topo.outEdges[i]! * stride + type]) last = i;
  if (last < 0) {
    endAt(eng, slot);
    return;
  }
  eng.pool.pub[slot] = -1;
  const kind = kindAt(topo, n);
  for (let i = from; i <= last; i++) {
    const e = topo.outEdges[i]!;
    if (!topo.accepts[e * stride + type]) continue;
    // The original goes last: delivering it may end it (and recycle its slot).
    const copy = i === last ? slot : eng.pool.clone(slot);
    if (i !== last) eng.metrics.totals[T_EMITTED]!++;
    switch (kind) {
      case KIND_CODE.topic:
        deliverToSubscription(eng, n, e, copy);
        break;
      case KIND_CODE.stream:
        deliverToGroup(eng, n, e, copy);
        break;
      case KIND_CODE.producer:
      case KIND_CODE.queue:
      case KIND_CODE.handler:
      case KIND_CODE.store:
        throw new Error(`node ${topo.nodeIds[n]} does not fan out to subscriptions`);
      default:
        assertNever(kind, 'node kind');
    }
  }
}

/** EV.redeliver: a failed message's retry delay is over; it goes back to the source it failed from. */
export function redeliver(eng: Engine, slot: number): void {
  if (isDeleted(eng, slot)) {
    // A completion of another delivery was acknowledged meanwhile: the bus deleted the message.
    leaveGroup(eng, slot, false);
    eng.pool.free(slot);
    return;
  }
  const topo = eng.topo;
  const s = eng.pool.src[slot]!;
  const kind = topo.srcKind[s] as SourceKind;
  switch (kind) {
    case SOURCE.queue:
      requeue(eng, topo.srcNode[s]!, slot);
      break;
    case SOURCE.subscription:
      requeueSubscription(eng, topo.srcEdge[s]!, slot);
      break;
    case SOURCE.group:
      requeuePartition(eng, topo.srcEdge[s]!, eng.pool.where[slot]!, slot);
      break;
    case SOURCE.inbox:
      throw new Error('a handler’s inbox does not redeliver');
    default:
      assertNever(kind, 'source kind');
  }
}

/**
 * EV.lease: delivery r was not acknowledged in time. Its bus counts a redelivery and offers the
 * message again (as a new delivery of the same copy, after its retry delay), or dead-letters it
 * past maxDeliveries; the first delivery goes on.
 */
export function leaseRanOut(eng: Engine, r: number): void {
  leaseExpired(eng, r, (slot, s) => {
    const topo = eng.topo;
    const pool = eng.pool;
    const n = topo.srcNode[s]!;
    const ordered = topo.orderByKey[n] === 1;
    const deliveries = pool.deliveries[slot]!;
    eng.counters[n * COUNTERS + C_REDELIVERED]!++;
    pool.src[slot] = s;
    if (eng.leaseGroups.done[pool.copy[slot]!]) {
      // A delivery completed it, but no acknowledgement of a completion has reached the bus: the
      // bus offers it again all the same (a duplicate in waiting), unless past its last delivery.
      if (deliveries >= topo.maxDeliveries[n]!) {
        leaveGroup(eng, slot, false);
        pool.free(slot);
      } else scheduleRetry(eng, slot, retryDelay(eng, n, topo.srcHandler[s]!, deliveries));
      return;
    }
    if (deliveries >= topo.maxDeliveries[n]!) {
      if (ordered) releaseKey(eng, n, pool.key[slot]!, tokenOfRecord(r));
      deadLetter(eng, n, slot);
      return;
    }
    if (ordered) passKey(eng, n, slot);
    scheduleRetry(eng, slot, retryDelay(eng, n, topo.srcHandler[s]!, deliveries));
  });
}

/** The age of bus n's oldest waiting (or kept) message now; 0 when it holds none. */
export function oldestAge(eng: Engine, n: number): number {
  const topo = eng.topo;
  let oldest = Infinity;
  const head = (f: Fifo): void => {
    if (f.length > 0) oldest = Math.min(oldest, eng.pool.arrive[f.peek()]!);
  };
  head(eng.queueFifo[n]!);
  for (let i = topo.outStart[n]!; i < topo.outStart[n + 1]!; i++) {
    const e = topo.outEdges[i]!;
    head(eng.subFifo[e]!);
    for (const f of eng.groupFifo[e]!) head(f);
  }
  return oldest === Infinity ? 0 : eng.now - oldest;
}
