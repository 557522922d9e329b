// Streams: a partitioned log. An event goes to partition hash(key) mod partitions; every outgoing
// edge is a consumer group with its own position in each partition (a FIFO per group and
// partition). A partition is held by at most one worker of a group at a time, so its messages are
// processed in order; a message older than `retention` when its group reaches it is dropped.
import type { Engine } from '../engine';
import { hashKey } from '../keys';
import { C_IN, C_OUT, COUNTERS } from '../metrics';
import { drop, send } from '../routing';
import { KIND_CODE, kindAt } from './codes';
import { startIdle } from './handler';
import type { EngineKind } from './types';

export interface StreamTables {
  partitions: Int32Array;
  retention: Float64Array;
}

export const allocateStreamTables = (N: number): StreamTables => ({
  partitions: new Int32Array(N),
  retention: new Float64Array(N).fill(Infinity),
});

/** A copy for consumer group e of stream n: to an idle worker if its partition is free, else into the partition. */
export function deliverToGroup(eng: Engine, n: number, e: number, slot: number): void {
  const topo = eng.topo;
  const h = topo.edgeDst[e]!;
  if (kindAt(topo, h) !== KIND_CODE.handler) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    send(eng, slot, e);
    return;
  }
  const p = hashKey(eng.pool.key[slot]!) % topo.partitions[n]!;
  if (!eng.partBusy[e]![p] && eng.idle[h]!.length > 0) startIdle(eng, h, slot, topo.edgeSource[e]!, p);
  else {
    eng.groupFifo[e]![p]!.push(slot);
    eng.metrics.addDepth(n, 1, eng.now);
  }
}

/** Group e's worker finished a message of partition p: the partition is free for the next one. */
export function unlockPartition(eng: Engine, e: number, p: number): void {
  eng.partBusy[e]![p] = 0;
  const fifo = eng.groupFifo[e]![p]!;
  const h = eng.topo.edgeDst[e]!;
  // Another idle worker of the group may take the partition's next message right away.
  if (fifo.length > 0 && eng.idle[h]!.length > 0) {
    const slot = takeFromPartition(eng, e, p);
    if (slot >= 0) startIdle(eng, h, slot, eng.topo.edgeSource[e]!, p);
  }
}

/**
 * The next message for group e from a free partition (round robin from the one after the last
 * served), or -1; `eng.takenPart` says which partition it came from.
 */
export function takeFromGroup(eng: Engine, e: number): number {
  const busy = eng.partBusy[e]!;
  const parts = busy.length;
  const g = eng.groupFifo[e]!;
  for (let k = 0; k < parts; k++) {
    const p = (eng.groupNext[e]! + k) % parts;
    if (busy[p] || g[p]!.length === 0) continue;
    const slot = takeFromPartition(eng, e, p);
    if (slot >= 0) {
      eng.takenPart = p;
      eng.groupNext[e] = (p + 1) % parts;
      return slot;
    }
  }
  return -1;
}

/** Head of partition p of group e, discarding messages older than the stream's retention; -1 if none. */
function takeFromPartition(eng: Engine, e: number, p: number): number {
  const n = eng.topo.edgeSrc[e]!;
  const fifo = eng.groupFifo[e]![p]!;
  const oldest = eng.now - eng.topo.retention[n]!;
  while (fifo.length > 0) {
    const slot = fifo.shift();
    eng.metrics.addDepth(n, -1, eng.now);
    if (eng.pool.arrive[slot]! >= oldest) return slot;
    drop(eng, n, slot);
  }
  return -1;
}

export const streamKind: EngineKind<'stream'> = {
  compile(topo, n, c) {
    topo.partitions[n] = c.partitions;
    topo.retention[n] = c.retention ?? Infinity;
  },
  throughput: C_IN,
  capacity: () => Infinity,
  workers: () => 0,
};
