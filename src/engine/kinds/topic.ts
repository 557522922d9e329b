// Topics: publish/subscribe. Every outgoing edge is a subscription with its own FIFO (capacity
// per subscription, newest dropped when full) and gets a copy of every event it passes.
import { FIELD_DEFAULTS } from '../../model/defaults';
import type { Engine } from '../engine';
import { C_IN, C_OUT, COUNTERS } from '../metrics';
import { send } from '../routing';
import { enqueueBounded, OVERFLOW } from './bus';
import { KIND_CODE, kindAt } from './codes';
import { startIdle } from './handler';
import type { EngineKind } from './types';

/** A copy for subscription e of topic n: to an idle worker, else into the subscription's FIFO. */
export function deliverToSubscription(eng: Engine, n: number, e: number, slot: number): void {
  const topo = eng.topo;
  const h = topo.edgeDst[e]!;
  if (kindAt(topo, h) !== KIND_CODE.handler) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    send(eng, slot, e);
    return;
  }
  if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, topo.edgeSource[e]!, 0);
  else enqueueBounded(eng, n, eng.subFifo[e]!, slot, OVERFLOW.dropNewest);
}

/** The oldest message of subscription e, or -1. */
export function takeFromSubscription(eng: Engine, e: number): number {
  const fifo = eng.subFifo[e]!;
  if (fifo.length === 0) return -1;
  eng.metrics.addDepth(eng.topo.edgeSrc[e]!, -1, eng.now);
  return fifo.shift();
}

export const topicKind: EngineKind<'topic'> = {
  compile(topo, n, c) {
    topo.capacity[n] = c.capacity ?? FIELD_DEFAULTS.capacity;
  },
  throughput: C_IN,
  capacity: (eng, n) => eng.topo.capacity[n]!,
  workers: () => 0,
};
