// Handlers: `concurrency` workers taking messages from their sources (the buses feeding them and,
// when anything feeds them directly, their own unbounded inbox), serving each for a drawn time,
// failing with `failureRate`, and on success emitting on their outgoing edges.
import { assertNever } from '../../model/assertNever';
import { FIELD_DEFAULTS } from '../../model/defaults';
import { moments } from '../../model/theory';
import { compileDist, D_EXPONENTIAL, draw, sample, type CompiledDist } from '../distributions';
import type { Engine } from '../engine';
import { checkEventArg, EV, eventCode } from '../kernel/events';
import { C_DONE, C_FAILED, C_IN, C_LOST, C_OUT, C_REDELIVERED, COUNTERS, T_LOST } from '../metrics';
import { complete, fanOut } from '../routing';
import { deadLetter, takeFromQueue } from './queue';
import { takeFromGroup, unlockPartition } from './stream';
import { takeFromSubscription } from './topic';
import { SOURCE, type SourceKind } from './codes';
import type { EngineKind } from './types';

export interface HandlerTables {
  concurrency: Int32Array;
  service: CompiledDist[];
  /** Mean service time as drawn (for messages about capacity). */
  serviceMean: Float64Array;
  failureRate: Float64Array;
  retryDelay: CompiledDist[];
  /** Type index a handler emits, or -1 to pass on the type it handled. */
  emits: Int32Array;
}

const none = compileDist({ dist: 'constant', value: 0 });

export const allocateHandlerTables = (N: number): HandlerTables => ({
  concurrency: new Int32Array(N),
  service: Array.from({ length: N }, () => none),
  serviceMean: new Float64Array(N),
  failureRate: new Float64Array(N),
  retryDelay: Array.from({ length: N }, () => none),
  emits: new Int32Array(N).fill(-1),
});

/** A copy sent straight to handler h (not by a bus) waits in its own unbounded inbox, unless a worker is idle. */
export function handlerArrive(eng: Engine, h: number, slot: number): void {
  if (eng.idle[h]!.length > 0) startIdle(eng, h, slot, eng.topo.inboxSource[h]!, 0);
  else {
    eng.inbox[h]!.push(slot);
    eng.metrics.addDepth(h, 1, eng.now);
  }
}

/** An idle worker of h starts on slot from source s (partition `part` of a stream group). */
export function startIdle(eng: Engine, h: number, slot: number, s: number, part: number): void {
  eng.metrics.addBusy(h, 1, eng.now);
  startOn(eng, eng.idle[h]!.pop()!, slot, s, part);
}

/** Worker w (busy from now on; the caller has counted it) starts on slot from source s. */
export function startOn(eng: Engine, w: number, slot: number, s: number, part: number): void {
  const topo = eng.topo;
  const h = eng.wHandler[w]!;
  eng.counters[h * COUNTERS + C_IN]!++;
  eng.wSlot[w] = slot;
  eng.wSource[w] = s;
  eng.wPart[w] = part;
  eng.wWait[w] = eng.now - eng.pool.arrive[slot]!;
  const e = topo.srcEdge[s]!;
  let transit = 0;
  if (e >= 0) {
    // Taken from a bus: the bus hands it over along the edge (which may add network time).
    eng.counters[topo.srcNode[s]! * COUNTERS + C_OUT]!++;
    if (eng.types > 0) eng.transits[e * eng.types + eng.pool.type[slot]!]!++;
    if (topo.srcKind[s] === SOURCE.group) eng.partBusy[e]![part] = 1;
    if (topo.edgeHasLatency[e]) transit = draw(topo.edgeLatency[e]!, eng.rng);
  }
  eng.wTransit[w] = transit;
  beginService(eng, w, h);
}

/** Draws worker w's service time and schedules its end, after the transit time already set. */
export function beginService(eng: Engine, w: number, h: number): void {
  // draw(), written out: a double returned from a call that is not inlined is boxed.
  const d = eng.topo.service[h]!;
  const rng = eng.rng;
  const service = d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
  eng.wService[w] = service;
  eng.heap.push(eng.now + eng.wTransit[w]! + service, eventCode(EV.done, w));
}

/** Stages worker w's job for the handler's histograms: wait, service, sojourn. */
export function stageJob(eng: Engine, w: number): void {
  const st = eng.metrics.hist.staged;
  const wait = eng.wWait[w]!;
  const service = eng.wService[w]!;
  st[0] = wait;
  st[1] = service;
  st[2] = wait + eng.wTransit[w]! + service;
}

/** EV.done outside a lane: records the job, fails or emits, then the worker takes the next one. */
export function finish(eng: Engine, w: number): void {
  const topo = eng.topo;
  const h = eng.wHandler[w]!;
  const slot = eng.wSlot[w]!;
  const s = eng.wSource[w]!;
  eng.wSlot[w] = -1;
  stageJob(eng, w);
  eng.metrics.hist.recordStaged(h * 3, -1);
  if (topo.srcKind[s] === SOURCE.group) unlockPartition(eng, topo.srcEdge[s]!, eng.wPart[w]!);
  const f = topo.failureRate[h]!;
  if (f > 0 && eng.rng.next() < f) fail(eng, h, slot, s);
  else {
    eng.counters[h * COUNTERS + C_DONE]!++;
    if (topo.outStart[h + 1] === topo.outStart[h]) complete(eng, slot);
    else {
      const type = topo.emits[h]!;
      if (type >= 0) eng.pool.type[slot] = type;
      eng.pool.pub[slot] = eng.N + w;
      fanOut(eng, h, slot);
    }
  }
  // A worker whose emission is blocked at a full "block" queue stays occupied.
  if (eng.wBlocked[w]! > 0) eng.wWaiting[w] = 1;
  else takeNext(eng, w);
}

/** A failed delivery: redelivered or dead-lettered from an at-least-once queue, otherwise lost. Kept out of finish() so that it stays small enough to inline its callees. */
function fail(eng: Engine, h: number, slot: number, s: number): void {
  const topo = eng.topo;
  eng.counters[h * COUNTERS + C_FAILED]!++;
  const q = topo.srcNode[s]!;
  if (topo.srcKind[s] === SOURCE.queue && topo.atLeastOnce[q]) {
    if (++eng.pool.deliveries[slot]! >= topo.maxDeliveries[q]!) deadLetter(eng, q, slot);
    else {
      eng.counters[q * COUNTERS + C_REDELIVERED]!++;
      eng.pool.where[slot] = q;
      eng.heap.push(eng.now + draw(topo.retryDelay[h]!, eng.rng), eventCode(EV.redeliver, slot));
    }
  } else {
    eng.counters[h * COUNTERS + C_LOST]!++;
    eng.metrics.totals[T_LOST]!++;
    eng.pool.free(slot);
  }
}

/** EV.resumeWorker: the worker's blocked emissions were all admitted; it takes work again. */
export function resumeWorker(eng: Engine, w: number): void {
  takeNext(eng, w);
}

/**
 * Worker w is free: it retires if its handler is shrinking, else takes the next message from its
 * handler's sources (round robin) or goes idle. `busyBefore`: it was counted busy until now.
 */
export function takeNext(eng: Engine, w: number, busyBefore = true): void {
  const h = eng.wHandler[w]!;
  if (eng.workers[h]! > eng.topo.concurrency[h]!) {
    eng.workers[h]!--;
    if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
    return;
  }
  const topo = eng.topo;
  const from = topo.srcStart[h]!;
  const n = topo.srcStart[h + 1]! - from;
  if (n === 1 && topo.srcKind[from] === SOURCE.queue) {
    // One queue feeding this handler: the common case, without the round robin.
    const slot = takeFromQueue(eng, topo.srcNode[from]!, topo.srcEdge[from]!);
    if (slot >= 0) {
      if (!busyBefore) eng.metrics.addBusy(h, 1, eng.now);
      startOn(eng, w, slot, from, 0);
    } else {
      if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
      eng.idle[h]!.push(w);
    }
    return;
  }
  pullFromSources(eng, w, h, busyBefore);
}

/** The general case of takeNext(): several sources, polled in round robin from the one after the last served. */
function pullFromSources(eng: Engine, w: number, h: number, busyBefore: boolean): void {
  const topo = eng.topo;
  const from = topo.srcStart[h]!;
  const n = topo.srcStart[h + 1]! - from;
  for (let j = 0; j < n; j++) {
    const s = from + ((eng.rrSource[h]! + j) % n);
    let slot = -1;
    let part = 0;
    const kind = topo.srcKind[s] as SourceKind;
    switch (kind) {
      case SOURCE.queue:
        slot = takeFromQueue(eng, topo.srcNode[s]!, topo.srcEdge[s]!);
        break;
      case SOURCE.subscription:
        slot = takeFromSubscription(eng, topo.srcEdge[s]!);
        break;
      case SOURCE.group:
        slot = takeFromGroup(eng, topo.srcEdge[s]!);
        part = eng.takenPart;
        break;
      case SOURCE.inbox: {
        const fifo = eng.inbox[h]!;
        if (fifo.length > 0) {
          slot = fifo.shift();
          eng.metrics.addDepth(h, -1, eng.now);
        }
        break;
      }
      default:
        assertNever(kind, 'source kind');
    }
    if (slot >= 0) {
      eng.rrSource[h] = (s - from + 1) % n;
      if (!busyBefore) eng.metrics.addBusy(h, 1, eng.now);
      startOn(eng, w, slot, s, part);
      return;
    }
  }
  if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
  eng.idle[h]!.push(w);
}

/** Adds or retires workers of handler h to match a new concurrency (retiring ones finish their job first). */
export function setConcurrency(eng: Engine, h: number, c: number): void {
  eng.topo.concurrency[h] = c;
  while (eng.workers[h]! < c) {
    newWorker(eng, h);
    takeNext(eng, eng.idle[h]!.pop()!, false);
  }
  while (eng.workers[h]! > c && eng.idle[h]!.length > 0) {
    eng.idle[h]!.pop();
    eng.workers[h]!--;
  }
}

/** A new idle worker of h. Worker numbers are never reused, so a stale reference is harmless. */
export function newWorker(eng: Engine, h: number): void {
  checkEventArg(eng.nWorkers + 1, 'workers');
  if (eng.nWorkers === eng.wHandler.length) eng.growWorkers();
  const w = eng.nWorkers++;
  const topo = eng.topo;
  eng.wHandler[w] = h;
  eng.wSlot[w] = -1;
  eng.wBlocked[w] = 0;
  eng.wWaiting[w] = 0;
  // A handler with one source: every job comes from it, partition 0 and (for a lane's plain
  // edge) no transit time; the lanes rely on these being set here (startOn() sets them for others).
  eng.wSource[w] = topo.srcStart[h + 1]! - topo.srcStart[h]! === 1 ? topo.srcStart[h]! : 0;
  eng.wPart[w] = 0;
  eng.wTransit[w] = 0;
  eng.workers[h]!++;
  eng.idle[h]!.push(w);
}

export const handlerKind: EngineKind<'handler'> = {
  compile(topo, n, c, ctx) {
    topo.concurrency[n] = c.concurrency;
    topo.service[n] = compileDist(c.service);
    topo.serviceMean[n] = moments(c.service).mean;
    topo.failureRate[n] = c.failureRate ?? FIELD_DEFAULTS.failureRate;
    topo.retryDelay[n] = compileDist(c.retryDelay ?? FIELD_DEFAULTS.retryDelay);
    topo.emits[n] = c.emits ? ctx.typeIndex(c.emits) : -1;
  },
  throughput: C_DONE,
  capacity: () => Infinity,
  workers: (eng, n) => eng.topo.concurrency[n]!,
};
