// Handlers: `concurrency` workers taking messages from their sources (the buses feeding them and,
// when anything feeds them directly, their own unbounded inbox), serving each for a drawn time,
// failing with `failureRate`, and on success emitting on their outgoing edges. How a message gets
// to a worker depends on the source: consume.ts (queues, topics), stream.ts (partition owners).
import { assertNever } from '../../model/assertNever';
import { FIELD_DEFAULTS } from '../../model/defaults';
import { moments } from '../../model/theory';
import { beginCalls, dropCalls, makesCalls, PHASE } from '../calls';
import { acknowledge, receiptOf, takeLocal } from '../consume';
import { deferDone, parkIfStopped } from '../faults';
import { compileDist, D_EXPONENTIAL, draw, sample, type CompiledDist } from '../distributions';
import type { Engine } from '../engine';
import { checkEventArg, EV, eventCode } from '../kernel/events';
import { FLAG_LEASED } from '../kernel/messages';
import { leaveGroup } from '../leases';
import {
  C_DONE,
  C_DUP,
  C_FAILED,
  C_IN,
  C_LOST,
  C_OUT,
  C_REDELIVERED,
  COUNTERS,
  T_EMITTED,
  T_LOST,
} from '../metrics';
import { complete, fanOut } from '../routing';
import { scheduleRetry, retryDelay } from '../retry';
import { deadLetter } from './bus';
import { ON_FAILURE, SOURCE, type SourceKind } from './codes';
import { passKey, takeFromQueue } from './queue';
import { offerGroup, requeuePartition, takeOwned, unlockPartition } from './stream';
import { takeFromSubscription } from './topic';
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
  /** Per handler, the type indices it always fails on (failsOn), or null. */
  failsOn: (Int32Array | null)[];
  /** 1 for a handler whose jobs make calls or that has failsOn: its completions look further (finish()). */
  jobExtras: Uint8Array;
}

const none = compileDist({ dist: 'constant', value: 0 });

export const allocateHandlerTables = (N: number): HandlerTables => ({
  concurrency: new Int32Array(N),
  service: Array.from({ length: N }, () => none),
  serviceMean: new Float64Array(N),
  failureRate: new Float64Array(N),
  retryDelay: Array.from({ length: N }, () => none),
  emits: new Int32Array(N).fill(-1),
  failsOn: new Array<Int32Array | null>(N).fill(null),
  jobExtras: new Uint8Array(N),
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
  const pool = eng.pool;
  eng.counters[h * COUNTERS + C_IN]!++;
  eng.wSlot[w] = slot;
  eng.wSource[w] = s;
  eng.wPart[w] = part;
  const e = topo.srcEdge[s]!;
  let transit = 0;
  // Network time the worker waits out before serving (a stream consumer's fetch).
  let hold = 0;
  if (e >= 0 && topo.srcWindowed[s]) {
    // Pushed by its bus (consume.ts), which counted the hand-over; it has crossed the edge already.
    transit = pool.transit[slot]!;
  } else if (e >= 0) {
    // Taken from its bus by this worker.
    const n = topo.srcNode[s]!;
    eng.counters[n * COUNTERS + C_OUT]!++;
    if (eng.types > 0) eng.transits[e * eng.types + pool.type[slot]!]!++;
    eng.metrics.noteAge(n, eng.now - pool.arrive[slot]!);
    if (topo.srcKind[s] === SOURCE.group) {
      eng.partBusy[e]![part] = 1;
      if (topo.edgeHasLatency[e]) {
        // A stream consumer fetches: the worker waits out the network time, which is not service.
        transit = draw(topo.edgeLatency[e]!, eng.rng) * eng.latencyFactor[e]!;
        hold = transit;
        eng.metrics.delayBusy(h, transit);
      }
    }
  }
  eng.wWait[w] = eng.now - pool.arrive[slot]! - transit;
  eng.wTransit[w] = transit;
  beginService(eng, w, h, hold);
}

/** Draws worker w's service time and schedules its end, `hold` seconds of waiting from now. */
export function beginService(eng: Engine, w: number, h: number, hold: number): void {
  // draw(), written out: a double returned from a call that is not inlined is boxed.
  const d = eng.topo.service[h]!;
  const rng = eng.rng;
  const drawn = d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
  // × 1 unless a slow fault is active.
  const service = drawn * eng.serviceFactor[h]!;
  eng.wService[w] = service;
  eng.heap.push(eng.now + hold + service, eventCode(EV.done, w));
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

/**
 * EV.done outside a lane: the job's own service is over, so it makes its calls (calls.ts, which
 * brings it back here when they are over) or it ends: records the job, fails or emits,
 * acknowledges, then the worker takes the next one.
 */
export function finish(eng: Engine, w: number): void {
  const topo = eng.topo;
  const h = eng.wHandler[w]!;
  const slot = eng.wSlot[w]!;
  const s = eng.wSource[w]!;
  if (topo.stoppable[h] && deferDone(eng, w, h)) return;
  // Failed whatever the failure rate: a call ran out of attempts, or a poison message.
  let forced = false;
  if (topo.jobExtras[h]) {
    const phase = eng.wPhase[w]!;
    if (phase === PHASE.service && makesCalls(eng, h)) {
      beginCalls(eng, w);
      return;
    }
    eng.wPhase[w] = PHASE.service;
    const poison = topo.failsOn[h] ?? null;
    forced =
      (phase === PHASE.called && eng.wCallFailed[w] === 1) ||
      (poison !== null && poison.includes(eng.pool.type[slot]!));
  }
  eng.wSlot[w] = -1;
  stageJob(eng, w);
  eng.metrics.hist.recordStaged(h * 3, -1);
  const windowed = topo.srcWindowed[s] === 1;
  const receipt = windowed ? receiptOf(eng, s, slot, eng.receipt) : null;
  const override = eng.failureOverride[h]!;
  const f = override === override ? override : topo.failureRate[h]!;
  const failed = forced || (f > 0 && eng.rng.next() < f);
  if (topo.srcKind[s] === SOURCE.group && !(failed && holdsPartition(eng, s))) {
    unlockPartition(eng, topo.srcEdge[s]!, eng.wPart[w]!);
  }
  if (failed) fail(eng, h, slot, s, w);
  else succeed(eng, h, slot, w);
  if (receipt) acknowledge(eng, receipt, !failed);
  // A worker whose emission is blocked at a full "block" queue stays occupied.
  if (eng.wBlocked[w]! > 0) eng.wWaiting[w] = 1;
  else takeNext(eng, w);
}

/** A stream that retries in place keeps a failed message's partition locked until it is offered again. */
const holdsPartition = (eng: Engine, s: number): boolean =>
  eng.topo.onFailure[eng.topo.srcNode[s]!] !== ON_FAILURE.drop;

/** A successful service: the copy ends here or goes on; a delivery of a copy that already ended is a duplicate. */
function succeed(eng: Engine, h: number, slot: number, w: number): void {
  const topo = eng.topo;
  const pool = eng.pool;
  const terminal = topo.outStart[h + 1] === topo.outStart[h];
  eng.counters[h * COUNTERS + C_DONE]!++;
  if (pool.flags[slot]! & FLAG_LEASED) {
    const done = eng.leaseGroups.done[pool.copy[slot]!] === 1;
    leaveGroup(eng, slot, true);
    if (done) {
      // A lease ran out on this copy and another delivery completed it first: the work is done
      // twice, and so are its emissions (new copies), but the copy ends once.
      eng.counters[h * COUNTERS + C_DUP]!++;
      if (terminal) {
        pool.free(slot);
        return;
      }
      eng.metrics.totals[T_EMITTED]!++;
    }
  }
  if (terminal) complete(eng, slot);
  else {
    const type = topo.emits[h]!;
    if (type >= 0) pool.type[slot] = type;
    pool.pub[slot] = eng.N + w;
    fanOut(eng, h, slot);
  }
}

/**
 * A failed delivery. From an at-least-once queue or subscription: offered again after the retry
 * delay (to the tail or head), or dead-lettered at maxDeliveries. From a stream: per onFailure.
 * Otherwise (at most once, a handler's inbox) the message is lost.
 */
function fail(eng: Engine, h: number, slot: number, s: number, w: number): void {
  const topo = eng.topo;
  const pool = eng.pool;
  eng.counters[h * COUNTERS + C_FAILED]!++;
  if (pool.flags[slot]! & FLAG_LEASED && eng.leaseGroups.done[pool.copy[slot]!]) {
    // A later delivery of a copy that has already ended: nothing more to do with it.
    leaveGroup(eng, slot, false);
    pool.free(slot);
    return;
  }
  const n = topo.srcNode[s]!;
  const kind = topo.srcKind[s] as SourceKind;
  const retries =
    ((kind === SOURCE.queue || kind === SOURCE.subscription) && topo.atLeastOnce[n] === 1) ||
    (kind === SOURCE.group && topo.onFailure[n] !== ON_FAILURE.drop);
  if (!retries) {
    eng.counters[h * COUNTERS + C_LOST]!++;
    eng.metrics.totals[T_LOST]!++;
    if (pool.flags[slot]! & FLAG_LEASED) leaveGroup(eng, slot, true);
    pool.free(slot);
    return;
  }
  const deliveries = ++pool.deliveries[slot]!;
  const unlimited = kind === SOURCE.group && topo.onFailure[n] === ON_FAILURE.block;
  if (!unlimited && deliveries >= topo.maxDeliveries[n]!) {
    if (kind === SOURCE.group) unlockPartition(eng, topo.srcEdge[s]!, eng.wPart[w]!);
    deadLetter(eng, n, slot);
    return;
  }
  eng.counters[n * COUNTERS + C_REDELIVERED]!++;
  pool.src[slot] = s;
  if (kind === SOURCE.group) pool.where[slot] = eng.wPart[w]!;
  // An ordered queue keeps the key for the message it gives back.
  if (topo.orderByKey[n]) passKey(eng, n, slot);
  scheduleRetry(eng, slot, retryDelay(eng, n, h, deliveries));
}

/**
 * A crash takes worker w's job (faults.ts): it fails as in a crash — its bus redelivers it with
 * its delivery count + 1 or it is lost, as for any failure — except from a stream, whose consumer
 * reads it again first when it restarts.
 */
export function abortJob(eng: Engine, w: number): void {
  const topo = eng.topo;
  const h = eng.wHandler[w]!;
  const slot = eng.wSlot[w]!;
  const s = eng.wSource[w]!;
  eng.wSlot[w] = -1;
  dropCalls(eng, w);
  const receipt = topo.srcWindowed[s] === 1 ? receiptOf(eng, s, slot, eng.receipt) : null;
  if (topo.srcKind[s] === SOURCE.group) {
    eng.pool.deliveries[slot]!++;
    eng.counters[topo.srcNode[s]! * COUNTERS + C_REDELIVERED]!++;
    requeuePartition(eng, topo.srcEdge[s]!, eng.wPart[w]!, slot);
  } else fail(eng, h, slot, s, w);
  if (receipt) acknowledge(eng, receipt, false);
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
    retire(eng, w, busyBefore);
    return;
  }
  const topo = eng.topo;
  if (topo.stoppable[h] && parkIfStopped(eng, w, h, busyBefore)) return;
  const from = topo.srcStart[h]!;
  const n = topo.srcStart[h + 1]! - from;
  if (n === 1 && topo.srcKind[from] === SOURCE.queue && !topo.srcWindowed[from]) {
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
        slot = topo.srcWindowed[s]
          ? takeLocal(eng, s)
          : takeFromQueue(eng, topo.srcNode[s]!, topo.srcEdge[s]!);
        break;
      case SOURCE.subscription:
        slot = topo.srcWindowed[s] ? takeLocal(eng, s) : takeFromSubscription(eng, topo.srcEdge[s]!);
        break;
      case SOURCE.group:
        slot = takeOwned(eng, topo.srcEdge[s]!, w);
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

/** Worker w leaves its shrinking handler; stream partitions are assigned again over those left. */
function retire(eng: Engine, w: number, busyBefore: boolean): void {
  const h = eng.wHandler[w]!;
  eng.workers[h]!--;
  if (busyBefore) eng.metrics.addBusy(h, -1, eng.now);
  const owners = eng.owners[h]!;
  owners.splice(owners.indexOf(w), 1);
  reassign(eng, h);
}

/** Offers every partition of h's stream groups to its owner, after the owners changed. */
function reassign(eng: Engine, h: number): void {
  const topo = eng.topo;
  for (let s = topo.srcStart[h]!; s < topo.srcStart[h + 1]!; s++) {
    if (topo.srcKind[s] === SOURCE.group) offerGroup(eng, topo.srcEdge[s]!);
  }
}

/** Adds or retires workers of handler h to match a new concurrency (retiring ones finish their job first). */
export function setConcurrency(eng: Engine, h: number, c: number): void {
  eng.topo.concurrency[h] = c;
  while (eng.workers[h]! < c) {
    newWorker(eng, h);
    takeNext(eng, eng.idle[h]!.pop()!, false);
  }
  while (eng.workers[h]! > c && eng.idle[h]!.length > 0) retire(eng, eng.idle[h]!.pop()!, false);
  reassign(eng, h);
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
  eng.wPartNext[w] = 0;
  // A handler with one source: every job comes from it, partition 0 and (for a lane's plain
  // edge) no transit time; the lanes rely on these being set here (startOn() sets them for others).
  eng.wSource[w] = topo.srcStart[h + 1]! - topo.srcStart[h]! === 1 ? topo.srcStart[h]! : 0;
  eng.wPart[w] = 0;
  eng.wTransit[w] = 0;
  eng.workers[h]!++;
  eng.owners[h]!.push(w);
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
    topo.failsOn[n] = c.failsOn?.length ? Int32Array.from(c.failsOn, (t) => ctx.typeIndex(t)) : null;
  },
  throughput: C_DONE,
  capacity: () => Infinity,
  workers: (eng, n) => eng.topo.concurrency[n]!,
};
