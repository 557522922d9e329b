// Synchronous calls from handlers to dependencies (Flow JSON v2; docs/engine.md, "Dependencies").
// After its own service a job makes its calls, edge by edge in the order of the handler's call
// edges, `calls` per edge, one after another; the worker is held until each returns. An attempt
// waits for one of the dependency's `pool` slots (FIFO), is served for a drawn time and fails with
// the dependency's failure rate. A caller that has waited `timeout` abandons the attempt, but the
// dependency does not know: the attempt keeps its place and its slot until it is served (wasted
// work, what turns an outage into a retry storm). A failed or abandoned attempt is retried after
// the edge's backoff while attempts remain; then the job fails as if the handler had failed.
//
// Each attempt is a record in pooled typed arrays. Records are referred to by heap events (the
// answer, the timeout, the wait before a retry) and by the dependency's queue; `refs` counts
// those, and a record is reused only when none is left, so no event ever sees a reused record.
import type { Engine } from './engine';
import { checkEventArg, EV, eventCode } from './kernel/events';
import { sample } from './distributions';
import { backoff } from './retry';
import { C_ATTEMPTS, C_CALLS, C_FAILED, C_IN, C_OUT, C_TIMEOUTS, COUNTERS } from './metrics';

/** Attempts, as a struct of arrays. */
export class CallRecords {
  /** The calling worker. */
  worker = new Int32Array(16);
  /** The handler → dependency edge. */
  edge = new Int32Array(16);
  /** When the attempt reached the dependency (for its pool wait). */
  start = new Float64Array(16);
  /** Drawn service time, once in service. */
  service = new Float64Array(16);
  /** The dependency's crash count when service began: an answer from before a crash is void. */
  epoch = new Int32Array(16);
  /** Heap events and queue places that refer to the record. */
  refs = new Int32Array(16);
  /** 1 while the caller waits for this attempt (or, for a backoff record, to make the next one). */
  live = new Uint8Array(16);
  /** 1 while the dependency serves it. */
  serving = new Uint8Array(16);
  /** 1 for a call's first attempt. */
  first = new Uint8Array(16);
  private free: number[] = [];
  private n = 0;

  alloc(): number {
    const c = this.free.pop() ?? this.n++;
    if (c >= this.worker.length) this.grow();
    this.refs[c] = 0;
    this.live[c] = 1;
    this.serving[c] = 0;
    return c;
  }

  /** Drops one reference; the record is free again when none is left. */
  release(c: number): void {
    if (--this.refs[c]! === 0) this.free.push(c);
  }

  /** Records in use or used (for scans at a crash: rare). */
  get used(): number {
    return this.n;
  }

  clear(): void {
    this.free = [];
    this.n = 0;
  }

  private grow(): void {
    const cap = this.worker.length * 2;
    checkEventArg(cap, 'calls');
    const grow = <A extends Int32Array | Uint8Array | Float64Array>(a: A, make: (k: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    const i32 = (k: number) => new Int32Array(k);
    const u8 = (k: number) => new Uint8Array(k);
    this.worker = grow(this.worker, i32);
    this.edge = grow(this.edge, i32);
    this.start = grow(this.start, (k) => new Float64Array(k));
    this.service = grow(this.service, (k) => new Float64Array(k));
    this.epoch = grow(this.epoch, i32);
    this.refs = grow(this.refs, i32);
    this.live = grow(this.live, u8);
    this.serving = grow(this.serving, u8);
    this.first = grow(this.first, u8);
  }
}

/** Where a job is: in its own service, making its calls, or done with them (its EV.done is due). */
export const PHASE = { service: 0, calls: 1, called: 2 } as const;

/** True when handler h's jobs make calls: its EV.done begins them. */
export const makesCalls = (eng: Engine, h: number): boolean =>
  eng.topo.callStart[h + 1]! > eng.topo.callStart[h]!;

/** Worker w's own service is over: its first call begins (the handler makes calls). */
export function beginCalls(eng: Engine, w: number): void {
  const h = eng.wHandler[w]!;
  const topo = eng.topo;
  const i = topo.callStart[h]!;
  eng.wPhase[w] = PHASE.calls;
  eng.wCallStart[w] = eng.now;
  eng.wCallIdx[w] = i;
  eng.wCallsLeft[w] = topo.callsPerJob[topo.callEdges[i]!]!;
  eng.wAttempt[w] = 1;
  attempt(eng, w, eng.calls.alloc());
}

/** Worker w makes attempt wAttempt[w] of its current call, as record c (live, no references yet). */
function attempt(eng: Engine, w: number, c: number): void {
  const topo = eng.topo;
  const rec = eng.calls;
  const e = topo.callEdges[eng.wCallIdx[w]!]!;
  const h = eng.wHandler[w]!;
  const d = topo.edgeDst[e]!;
  const first = eng.wAttempt[w] === 1 ? 1 : 0;
  rec.worker[c] = w;
  rec.edge[c] = e;
  rec.start[c] = eng.now;
  rec.first[c] = first;
  eng.wCall[w] = c;
  const counters = eng.counters;
  counters[h * COUNTERS + C_CALLS]! += first;
  counters[h * COUNTERS + C_ATTEMPTS]!++;
  counters[d * COUNTERS + C_CALLS]! += first;
  counters[d * COUNTERS + C_ATTEMPTS]!++;
  counters[d * COUNTERS + C_IN]!++;
  const timeout = topo.callTimeout[e]!;
  if (timeout < Infinity) {
    rec.refs[c]!++;
    eng.heap.push(eng.now + timeout, eventCode(EV.callTimeout, c));
  }
  if (eng.crashedSince[d]! >= 0) {
    // Refused at once: nothing listens while the dependency is down.
    counters[d * COUNTERS + C_FAILED]!++;
    rec.refs[c]!++;
    settle(eng, c, false);
    rec.release(c);
  } else if (eng.slotsBusy[d]! < topo.concurrency[d]!) {
    rec.refs[c]!++;
    serve(eng, d, c);
  } else {
    rec.refs[c]!++;
    eng.callQueue[d]!.push(c);
    eng.metrics.addDepth(d, 1, eng.now);
  }
}

/** A slot of dependency d serves attempt c, whose caller's reference (or queue place) passes to its answer. */
function serve(eng: Engine, d: number, c: number): void {
  const rec = eng.calls;
  const dist = eng.topo.service[d]!;
  rec.service[c] = sample(dist.kind, dist.a, dist.b, eng.rng) * eng.serviceFactor[d]!;
  rec.epoch[c] = eng.depEpoch[d]!;
  rec.serving[c] = 1;
  eng.slotsBusy[d]!++;
  eng.metrics.addBusy(d, 1, eng.now);
  eng.heap.push(eng.now + rec.service[c]!, eventCode(EV.answer, c));
}

/** EV.answer: dependency d has served attempt c (void if d crashed since it began). */
export function answer(eng: Engine, c: number): void {
  const rec = eng.calls;
  const d = eng.topo.edgeDst[rec.edge[c]!]!;
  if (rec.epoch[c] !== eng.depEpoch[d] || !rec.serving[c]) {
    rec.release(c);
    return;
  }
  rec.serving[c] = 0;
  eng.slotsBusy[d]!--;
  eng.metrics.addBusy(d, -1, eng.now);
  const service = rec.service[c]!;
  const wait = eng.now - service - rec.start[c]!;
  const st = eng.metrics.hist.staged;
  st[0] = wait;
  st[1] = service;
  st[2] = wait + service;
  eng.metrics.hist.recordStaged(d * 3, -1);
  const counters = eng.counters;
  counters[d * COUNTERS + C_OUT]!++;
  const override = eng.failureOverride[d]!;
  const f = override === override ? override : eng.topo.failureRate[d]!;
  const ok = !(f > 0 && eng.rng.next() < f);
  if (!ok) counters[d * COUNTERS + C_FAILED]!++;
  takeQueued(eng, d);
  if (rec.live[c]) settle(eng, c, ok);
  rec.release(c);
}

/** A freed slot of d takes the next waiting attempt, abandoned or not: the dependency cannot tell. */
function takeQueued(eng: Engine, d: number): void {
  const q = eng.callQueue[d]!;
  if (q.length === 0 || eng.slotsBusy[d]! >= eng.topo.concurrency[d]!) return;
  eng.metrics.addDepth(d, -1, eng.now);
  serve(eng, d, q.shift());
}

/** EV.callTimeout: the caller of attempt c stops waiting for it, if it still does. */
export function callTimedOut(eng: Engine, c: number): void {
  const rec = eng.calls;
  if (rec.live[c]) {
    const e = rec.edge[c]!;
    eng.counters[eng.wHandler[rec.worker[c]!]! * COUNTERS + C_TIMEOUTS]!++;
    eng.counters[eng.topo.edgeDst[e]! * COUNTERS + C_TIMEOUTS]!++;
    settle(eng, c, false);
  }
  rec.release(c);
}

/** EV.callRetry: the backoff before worker's next attempt is over (unless a crash took the job). */
export function callRetry(eng: Engine, c: number): void {
  const rec = eng.calls;
  const live = rec.live[c] === 1;
  const w = rec.worker[c]!;
  rec.release(c);
  if (live) attempt(eng, w, rec.alloc());
}

/**
 * The caller learns how attempt c went: the next call, the next attempt (after the edge's
 * backoff), or the job's end, failed when the call ran out of attempts.
 */
function settle(eng: Engine, c: number, ok: boolean): void {
  const rec = eng.calls;
  rec.live[c] = 0;
  const w = rec.worker[c]!;
  const topo = eng.topo;
  const h = eng.wHandler[w]!;
  const e = rec.edge[c]!;
  eng.wCall[w] = -1;
  if (ok) {
    if (--eng.wCallsLeft[w]! === 0) {
      const next = eng.wCallIdx[w]! + 1;
      if (next === topo.callStart[h + 1]) {
        endCalls(eng, w, false);
        return;
      }
      eng.wCallIdx[w] = next;
      eng.wCallsLeft[w] = topo.callsPerJob[topo.callEdges[next]!]!;
    }
    eng.wAttempt[w] = 1;
    attempt(eng, w, rec.alloc());
    return;
  }
  const n = eng.wAttempt[w]!;
  if (n >= topo.callAttempts[e]!) {
    endCalls(eng, w, true);
    return;
  }
  eng.wAttempt[w] = n + 1;
  const delay = topo.callHasBackoff[e]
    ? backoff(
        eng,
        topo.callBackoffInitial[e]!,
        topo.callBackoffMultiplier[e]!,
        topo.callBackoffMax[e]!,
        topo.callBackoffJitter[e]!,
        n,
      )
    : 0;
  const next = rec.alloc();
  if (delay > 0) {
    rec.worker[next] = w;
    rec.refs[next] = 1;
    eng.wCall[w] = next;
    eng.heap.push(eng.now + delay, eventCode(EV.callRetry, next));
  } else attempt(eng, w, next);
}

/** Worker w's calls are over; its job ends now through EV.done (where pauses and crashes are heeded). */
function endCalls(eng: Engine, w: number, failed: boolean): void {
  eng.wPhase[w] = PHASE.called;
  eng.wCallFailed[w] = failed ? 1 : 0;
  eng.wService[w]! += eng.now - eng.wCallStart[w]!;
  eng.heap.push(eng.now, eventCode(EV.done, w));
}

/** A crash took worker w's job while it made calls: its attempt goes on without a caller. */
export function dropCalls(eng: Engine, w: number): void {
  const c = eng.wCall[w]!;
  if (c >= 0) eng.calls.live[c] = 0;
  eng.wCall[w] = -1;
  eng.wPhase[w] = PHASE.service;
}

/**
 * Dependency d crashes: the attempts it serves and those waiting for a slot fail at once (the
 * connection drops), answers due from before the crash are void, and attempts made while it is
 * down fail at once (see attempt()).
 */
export function crashDependency(eng: Engine, d: number): void {
  const rec = eng.calls;
  eng.depEpoch[d]!++;
  eng.metrics.addBusy(d, -eng.slotsBusy[d]!, eng.now);
  eng.slotsBusy[d] = 0;
  const failed: number[] = [];
  for (let c = 0; c < rec.used; c++) {
    if (rec.serving[c] && eng.topo.edgeDst[rec.edge[c]!] === d) {
      rec.serving[c] = 0;
      failed.push(c);
    }
  }
  const served = failed.length;
  const q = eng.callQueue[d]!;
  eng.metrics.addDepth(d, -q.length, eng.now);
  while (q.length > 0) failed.push(q.shift());
  eng.counters[d * COUNTERS + C_FAILED]! += failed.length;
  // In the order the attempts reached it; each caller hears in turn (and may try again, and be refused).
  const order = failed
    .map((_, i) => i)
    .sort((i, j) => rec.start[failed[i]!]! - rec.start[failed[j]!]! || failed[i]! - failed[j]!);
  for (const i of order) {
    const c = failed[i]!;
    if (rec.live[c]) settle(eng, c, false);
  }
  // The queue's places are given up; a voided answer still holds its own reference.
  for (let i = served; i < failed.length; i++) rec.release(failed[i]!);
}
