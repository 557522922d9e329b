// Handlers: workers taking messages from their sources, service, failure and emission.
import type { Engine } from './engine';
import { COUNTERS, C_IN, C_OUT, C_FAILED, C_LOST, C_REDELIVERED, C_DONE, T_LOST } from './metrics';
import { S_QUEUE, S_SUB, S_GROUP } from './topology';
import { E_DONE, E_REDELIVER } from './events';
import { draw } from './distributions';
import { deadLetter, takeFromQueue } from './queue';
import { unlockPartition, takeFromPartition } from './buses';

/** An idle worker of h starts on slot from source s. */
export function startIdle(eng: Engine, h: number, slot: number, s: number, part: number): void {
  eng.metrics.addBusy(h, 1, eng.now);
  startOn(eng, eng.idle[h]!.pop()!, slot, s, part);
}

/** Worker w (busy from now on; the caller has counted it) starts on slot from source s. */
export function startOn(eng: Engine, w: number, slot: number, s: number, part: number): void {
  const t = eng.t;
  const h = eng.wHandler[w]!;
  const pool = eng.pool;
  const now = eng.now;
  eng.counters[h * COUNTERS + C_IN]!++;
  eng.wSlot[w] = slot;
  eng.wSource[w] = s;
  eng.wPart[w] = part;
  eng.wWait[w] = now - pool.arrive[slot]!;
  const e = t.srcEdge[s]!;
  let transit = 0;
  if (e >= 0) {
    // Taken from a bus: the bus hands it over along the edge (which may add network time).
    eng.counters[t.srcNode[s]! * COUNTERS + C_OUT]!++;
    if (eng.types > 0) eng.transits[e * eng.types + pool.type[slot]!]!++;
    if (t.srcKind[s] === S_GROUP) eng.partBusy[e]![part] = 1;
    if (t.edgeHasLatency[e]) {
      const d = t.edgeLatency[e]!;
      transit = draw(d, eng.rng);
    }
  }
  const d = t.service[h]!;
  const service = draw(d, eng.rng);
  eng.wService[w] = service;
  eng.wTransit[w] = transit;
  eng.heap.push(now + transit + service, w * 8 + E_DONE);
}

export function finish(eng: Engine, w: number): void {
  const t = eng.t;
  const m = eng.metrics;
  const h = eng.wHandler[w]!;
  const slot = eng.wSlot[w]!;
  const s = eng.wSource[w]!;
  const wait = eng.wWait[w]!;
  const service = eng.wService[w]!;
  eng.wSlot[w] = -1;
  const st = m.hist.staged;
  st[0] = wait;
  st[1] = service;
  st[2] = wait + eng.wTransit[w]! + service;
  m.hist.recordStaged(h * 3, -1);
  if (t.srcKind[s] === S_GROUP) unlockPartition(eng, t.srcEdge[s]!, eng.wPart[w]!);
  const f = t.failureRate[h]!;
  if (f > 0 && eng.rng.next() < f) fail(eng, h, slot, s);
  else {
    eng.counters[h * COUNTERS + C_DONE]!++;
    if (t.outStart[h + 1] === t.outStart[h]) eng.complete(slot);
    else {
      const e = t.emits[h]!;
      if (e >= 0) eng.pool.type[slot] = e;
      eng.pool.pub[slot] = eng.N + w;
      eng.fanOut(h, slot);
    }
  }
  // Backpressure: a worker whose emission waits at a full "block" queue stays occupied.
  if (eng.wHeld[w]! > 0) eng.wWaiting[w] = 1;
  else release(eng, w);
}

/** A failed delivery: redelivered or dead-lettered from an at-least-once queue, otherwise lost. Kept out of finish() so that it stays small enough to inline its callees. */
function fail(eng: Engine, h: number, slot: number, s: number): void {
  const t = eng.t;
  eng.counters[h * COUNTERS + C_FAILED]!++;
  const q = t.srcNode[s]!;
  if (t.srcKind[s] === S_QUEUE && t.atLeastOnce[q]) {
    if (++eng.pool.deliveries[slot]! >= t.maxDeliveries[q]!) deadLetter(eng, q, slot);
    else {
      eng.counters[q * COUNTERS + C_REDELIVERED]!++;
      eng.pool.where[slot] = q;
      const r = t.retryDelay[h]!;
      eng.heap.push(eng.now + draw(r, eng.rng), slot * 8 + E_REDELIVER);
    }
  } else {
    eng.counters[h * COUNTERS + C_LOST]!++;
    eng.metrics.totals[T_LOST]!++;
    eng.pool.release(slot);
  }
}

/** Worker w is free: it takes the next message from its handler's sources (round robin) or goes idle. */
export function release(eng: Engine, w: number, busyBefore = true): void {
  const h = eng.wHandler[w]!;
  if (eng.workers[h]! > eng.concurrency[h]!) {
    eng.workers[h]!--;
    if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
    return;
  }
  const t = eng.t;
  const from = t.srcStart[h]!;
  const n = t.srcStart[h + 1]! - from;
  if (n === 1 && t.srcKind[t.sources[from]!] === S_QUEUE) {
    // One queue feeding this handler: the common case, without the round robin.
    const s = t.sources[from]!;
    const slot = takeFromQueue(eng, t.srcNode[s]!, t.srcEdge[s]!);
    if (slot >= 0) {
      if (!busyBefore) eng.metrics.addBusy(h, 1, eng.now);
      startOn(eng, w, slot, s, 0);
    } else {
      if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
      eng.idle[h]!.push(w);
    }
    return;
  }
  pullFromSources(eng, w, h, busyBefore);
}

/** Adds or retires workers of handler h to match a new concurrency. */
export function setConcurrency(eng: Engine, h: number, c: number): void {
  eng.concurrency[h] = c;
  while (eng.workers[h]! < c) {
    eng.newWorker(h);
    release(eng, eng.idle[h]!.pop()!, false);
  }
  while (eng.workers[h]! > c && eng.idle[h]!.length > 0) {
    eng.idle[h]!.pop();
    eng.workers[h]!--;
  }
}

/** The general case of release(): several sources, polled in round robin from the one after the last served. */
function pullFromSources(eng: Engine, w: number, h: number, busyBefore: boolean): void {
  const t = eng.t;
  const from = t.srcStart[h]!;
  const n = t.srcStart[h + 1]! - from;
  for (let j = 0; j < n; j++) {
    const i = from + ((eng.rrSource[h]! + j) % n);
    const s = t.sources[i]!;
    let slot = -1;
    let part = 0;
    switch (t.srcKind[s]) {
      case S_QUEUE:
        slot = takeFromQueue(eng, t.srcNode[s]!, t.srcEdge[s]!);
        break;
      case S_SUB: {
        const fifo = eng.subFifo[t.srcEdge[s]!]!;
        if (fifo.length > 0) {
          slot = fifo.shift();
          eng.metrics.addDepth(t.srcNode[s]!, -1, eng.now);
        }
        break;
      }
      case S_GROUP: {
        const e = t.srcEdge[s]!;
        const busy = eng.partBusy[e]!;
        const parts = busy.length;
        const g = eng.groupFifo[e]!;
        for (let k = 0; k < parts && slot < 0; k++) {
          const p = (eng.groupNext[e]! + k) % parts;
          if (busy[p] || g[p]!.length === 0) continue;
          slot = takeFromPartition(eng, e, p);
          if (slot >= 0) {
            part = p;
            eng.groupNext[e] = (p + 1) % parts;
          }
        }
        break;
      }
      default: {
        const fifo = eng.inbox[h]!;
        if (fifo.length > 0) {
          slot = fifo.shift();
          eng.metrics.addDepth(h, -1, eng.now);
        }
      }
    }
    if (slot >= 0) {
      eng.rrSource[h] = (i - from + 1) % n;
      if (!busyBefore) eng.metrics.addBusy(h, 1, eng.now);
      startOn(eng, w, slot, s, part);
      return;
    }
  }
  if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
  eng.idle[h]!.push(w);
}
