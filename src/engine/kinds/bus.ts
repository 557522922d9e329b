// What queues and topics share: bounded FIFOs with an overflow policy, delivery guarantees and
// dead-lettering, as tables indexed by node; and the fan-out of a topic or stream to its
// subscriptions or consumer groups.
import { FIELD_DEFAULTS } from '../../model/defaults';
import { assertNever } from '../../model/assertNever';
import type { Engine } from '../engine';
import type { Fifo } from '../kernel/fifo';
import { T_EMITTED } from '../metrics';
import { complete, drop } from '../routing';
import { KIND_CODE, kindAt } from './codes';
import { block } from '../backpressure';
import { deliverToSubscription } from './topic';
import { deliverToGroup } from './stream';

export const OVERFLOW = { dropNewest: 0, dropOldest: 1, block: 2 } as const;
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
}

export const allocateBusTables = (N: number): BusTables => ({
  capacity: new Float64Array(N).fill(Infinity),
  overflow: new Int32Array(N),
  atLeastOnce: new Uint8Array(N),
  maxDeliveries: new Int32Array(N),
  deadLetter: new Int32Array(N).fill(-1),
});

export const overflowCode = (o: keyof typeof OVERFLOW_CODE | undefined): number =>
  OVERFLOW_CODE[o ?? FIELD_DEFAULTS.overflow];

/**
 * Puts slot in a FIFO of bus n, applying its capacity. A full FIFO applies the bus's overflow
 * policy (topics always drop the newest).
 */
export function enqueueBounded(eng: Engine, n: number, fifo: Fifo, slot: number, overflow: number): void {
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
    drop(eng, n, fifo.shift());
    fifo.push(slot);
  } else drop(eng, n, slot);
}

/** A copy for each subscription or consumer group that passes the type; none: the journey ends at the bus. */
export function fanOutBus(eng: Engine, n: number, slot: number): void {
  const topo = eng.topo;
  const type = eng.pool.type[slot]!;
  const from = topo.outStart[n]!;
  const to = topo.outStart[n + 1]!;
  const stride = topo.acceptStride;
  let last = -1;
  for (let i = from; i < to; i++) if (topo.accepts[topo.outEdges[i]! * stride + type]) last = i;
  if (last < 0) {
    complete(eng, slot);
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
