// Topics and streams: a copy per subscription or consumer group; stream partitions taken by one
// worker of a group at a time, in order, with retention.
import type { Engine } from './engine';
import { COUNTERS, C_OUT, T_EMITTED } from './metrics';
import { K_TOPIC, K_HANDLER } from './topology';
import { hashKey } from './keys';
import { enqueueBounded } from './queue';
import { startIdle } from './handler';

/** A copy for each subscription / consumer group that passes the type; none: the journey ends at the bus. */
export function fanOutBus(eng: Engine, n: number, slot: number): void {
  const t = eng.t;
  const type = eng.pool.type[slot]!;
  const from = t.outStart[n]!;
  const to = t.outStart[n + 1]!;
  let last = -1;
  for (let i = from; i < to; i++) if (t.accepts[t.outEdges[i]! * eng.acceptStride + type]) last = i;
  if (last < 0) {
    eng.complete(slot);
    return;
  }
  for (let i = from; i <= last; i++) {
    const e = t.outEdges[i]!;
    if (!t.accepts[e * eng.acceptStride + type]) continue;
    // The original goes last: delivering it may recycle it.
    const copy = i === last ? slot : eng.pool.clone(slot);
    if (i !== last) eng.metrics.totals[T_EMITTED]!++;
    deliverSub(eng, n, e, copy);
  }
}

export function deliverSub(eng: Engine, n: number, e: number, slot: number): void {
  const t = eng.t;
  const h = t.edgeDst[e]!;
  if (t.kind[h] !== K_HANDLER) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    eng.send(slot, e);
    return;
  }
  const s = t.edgeSource[e]!;
  if (t.kind[n] === K_TOPIC) {
    if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, s, 0);
    else enqueueBounded(eng, n, eng.subFifo[e]!, slot, false);
    return;
  }
  const p = hashKey(eng.pool.key[slot]!) % t.partitions[n]!;
  const busy = eng.partBusy[e]!;
  if (!busy[p] && eng.idle[h]!.length > 0) startIdle(eng, h, slot, s, p);
  else {
    eng.groupFifo[e]![p]!.push(slot);
    eng.metrics.addDepth(n, 1, eng.now);
  }
}

export function unlockPartition(eng: Engine, e: number, p: number): void {
  eng.partBusy[e]![p] = 0;
  const fifo = eng.groupFifo[e]![p]!;
  const h = eng.t.edgeDst[e]!;
  // Another idle worker of the group may take the partition's next message right away.
  if (fifo.length > 0 && eng.idle[h]!.length > 0) {
    const slot = takeFromPartition(eng, e, p);
    if (slot >= 0) startIdle(eng, h, slot, eng.t.edgeSource[e]!, p);
  }
}

/** Head of partition p of group e, discarding messages older than the stream's retention; -1 if none. */
export function takeFromPartition(eng: Engine, e: number, p: number): number {
  const n = eng.t.edgeSrc[e]!;
  const fifo = eng.groupFifo[e]![p]!;
  const oldest = eng.now - eng.t.retention[n]!;
  while (fifo.length > 0) {
    const slot = fifo.shift();
    eng.metrics.addDepth(n, -1, eng.now);
    if (eng.pool.arrive[slot]! >= oldest) return slot;
    eng.drop(n, slot);
  }
  return -1;
}
