// Streams: a partitioned log. An event goes to partition hash(key) mod partitions; every outgoing
// edge is a consumer group with its own position in each partition (a FIFO per group and
// partition). A group's partitions are assigned to its workers round robin — worker i of c owns
// partitions i, i + c, … — and a worker serves only its own, one message of a partition at a time,
// in order: a hot partition delays the others its worker owns. A message older than `retention`
// when its group reaches it is dropped. A failed message is dropped (v1), retried in place while
// the partition waits ("block"), or dead-lettered after maxDeliveries ("dead-letter").
import { DELIVERY_DEFAULTS } from '../../model/delivery';
import type { Engine } from '../engine';
import { busOut, edgeCut } from '../faults';
import { hashKey } from '../keys';
import { C_IN, C_OUT, COUNTERS } from '../metrics';
import { drop, send } from '../routing';
import { compileRetry } from './bus';
import { ON_FAILURE } from './codes';
import { KIND_CODE, kindAt } from './codes';
import { startOn } from './handler';
import type { EngineKind } from './types';

export interface StreamTables {
  partitions: Int32Array;
  retention: Float64Array;
}

export const allocateStreamTables = (N: number): StreamTables => ({
  partitions: new Int32Array(N),
  retention: new Float64Array(N).fill(Infinity),
});

const ON_FAILURE_CODE = {
  block: ON_FAILURE.block,
  'dead-letter': ON_FAILURE.deadLetter,
  drop: ON_FAILURE.drop,
};

/** The worker of handler h that owns partition p (its workers in order, round robin). */
export function ownerOf(eng: Engine, h: number, p: number): number {
  const owners = eng.owners[h]!;
  return owners.length > 0 ? owners[p % owners.length]! : -1;
}

/** A copy for consumer group e of stream n: into its partition, and to the owner if it is free. */
export function deliverToGroup(eng: Engine, n: number, e: number, slot: number): void {
  const topo = eng.topo;
  const h = topo.edgeDst[e]!;
  if (kindAt(topo, h) !== KIND_CODE.handler) {
    eng.counters[n * COUNTERS + C_OUT]!++;
    send(eng, slot, e);
    return;
  }
  const p = hashKey(eng.pool.key[slot]!) % topo.partitions[n]!;
  eng.groupFifo[e]![p]!.push(slot);
  eng.metrics.addDepth(n, 1, eng.now);
  eng.partitionDepths.add(n, p, 1, eng.now);
  offerPartition(eng, e, p);
}

/** Partition p of group e has a message and may be free: its owner takes it if idle. */
export function offerPartition(eng: Engine, e: number, p: number): void {
  if (eng.partBusy[e]![p] || eng.groupFifo[e]![p]!.length === 0) return;
  if (busOut(eng, eng.topo.edgeSrc[e]!) || edgeCut(eng, e)) return;
  const h = eng.topo.edgeDst[e]!;
  const w = ownerOf(eng, h, p);
  // Only a worker on the idle list: one finishing its job takes its next itself.
  const idle = eng.idle[h]!;
  const i = w < 0 ? -1 : idle.indexOf(w);
  if (i < 0) return;
  const slot = takeFromPartition(eng, e, p);
  if (slot < 0) return;
  idle[i] = idle[idle.length - 1]!;
  idle.pop();
  eng.metrics.addBusy(h, 1, eng.now);
  startOn(eng, w, slot, eng.topo.edgeSource[e]!, p);
}

/** Every partition of group e offered to its owner (after a reassignment). */
export function offerGroup(eng: Engine, e: number): void {
  for (let p = 0; p < eng.partBusy[e]!.length; p++) offerPartition(eng, e, p);
}

/** The group's worker finished a message of partition p: the partition is free for the next one. */
export function unlockPartition(eng: Engine, e: number, p: number): void {
  eng.partBusy[e]![p] = 0;
  offerPartition(eng, e, p);
}

/**
 * The next message for worker w of group e: from the partitions it owns that are free (round robin
 * from the one after its last); −1 if none. `eng.takenPart` says which partition.
 */
export function takeOwned(eng: Engine, e: number, w: number): number {
  if (busOut(eng, eng.topo.edgeSrc[e]!) || edgeCut(eng, e)) return -1;
  const h = eng.topo.edgeDst[e]!;
  const owners = eng.owners[h]!;
  const i = owners.indexOf(w);
  if (i < 0) return -1;
  const c = owners.length;
  const parts = eng.partBusy[e]!.length;
  const busy = eng.partBusy[e]!;
  const g = eng.groupFifo[e]!;
  // The owned partitions are i, i + c, …: k-th of them is i + k·c.
  const owned = Math.ceil((parts - i) / c);
  for (let j = 0; j < owned; j++) {
    const k = (eng.wPartNext[w]! + j) % owned;
    const p = i + k * c;
    if (busy[p] || g[p]!.length === 0) continue;
    const slot = takeFromPartition(eng, e, p);
    if (slot >= 0) {
      eng.takenPart = p;
      eng.wPartNext[w] = (k + 1) % owned;
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
    eng.partitionDepths.add(n, p, -1, eng.now);
    if (eng.pool.arrive[slot]! >= oldest) return slot;
    eng.metrics.noteAge(n, eng.now - eng.pool.arrive[slot]!);
    drop(eng, n, slot);
  }
  return -1;
}

/** A failed message goes back to the head of its partition, which it has kept locked (block, dead-letter). */
export function requeuePartition(eng: Engine, e: number, p: number, slot: number): void {
  const n = eng.topo.edgeSrc[e]!;
  eng.groupFifo[e]![p]!.unshift(slot);
  eng.metrics.addDepth(n, 1, eng.now);
  eng.partitionDepths.add(n, p, 1, eng.now);
  unlockPartition(eng, e, p);
}

export const streamKind: EngineKind<'stream'> = {
  compile(topo, n, c, ctx) {
    topo.partitions[n] = c.partitions;
    topo.retention[n] = c.retention ?? Infinity;
    topo.onFailure[n] = ON_FAILURE_CODE[c.onFailure ?? DELIVERY_DEFAULTS.onFailure];
    topo.maxDeliveries[n] = c.maxDeliveries ?? DELIVERY_DEFAULTS.maxDeliveries;
    topo.deadLetter[n] = c.deadLetter === undefined ? -1 : ctx.nodeIndex(c.deadLetter);
    compileRetry(topo, n, c.retry);
  },
  throughput: C_IN,
  capacity: () => Infinity,
  workers: () => 0,
};
