// The discrete-event core: one loop over a heap of integer-coded events, node behaviours as
// methods over typed-array state, no objects or closures per event. Semantics are documented in
// docs/engine.md; this file is the reference for them.
import { draw } from './distributions';
import { EventHeap } from './kernel/heap';
import { Fifo } from './kernel/fifo';
import { FLAG_DEAD_LETTER, MessagePool } from './kernel/messages';
import {
  COUNTERS,
  C_DEAD,
  C_DONE,
  C_DROPPED,
  C_FAILED,
  C_IN,
  C_LOST,
  C_OUT,
  C_REDELIVERED,
  T_COMPLETED,
  T_DEAD,
  T_DROPPED,
  T_EMITTED,
  T_LOST,
  Metrics,
} from './metrics';
import { Rng } from './rng';
import {
  K_HANDLER,
  K_PRODUCER,
  K_QUEUE,
  K_STREAM,
  K_TOPIC,
  OV_BLOCK,
  OV_DROP_NEWEST,
  OV_DROP_OLDEST,
  S_GROUP,
  S_QUEUE,
  S_SUB,
  type Topology,
} from './topology';
import { hashKey } from './keys';

// Event codes: kind in the low 3 bits, argument (node, slot or worker) above.
const E_PRODUCE = 0;
const E_ARRIVE = 1;
const E_DONE = 2;
const E_REDELIVER = 3;
const E_RESUME = 4;
const E_RELEASE = 5;
const E_WARMUP = 6;
const E_SAMPLE = 7;

export interface EngineOptions {
  seed: number;
  duration: number;
  warmup: number;
  seriesInterval: number;
}

export class Engine {
  readonly t: Topology;
  readonly metrics: Metrics;
  readonly heap = new EventHeap();
  readonly pool = new MessagePool();
  readonly rng: Rng;
  now = 0;
  events = 0;
  seed: number;
  readonly duration: number;
  readonly warmup: number;
  readonly seriesInterval: number;
  private readonly N: number;
  private readonly types: number;
  private readonly acceptStride: number;

  /** metrics.counters, held directly: the hot path bumps it several times per event. */
  private readonly counters: Float64Array;
  /** Cumulative copies put on each edge, per event type. */
  readonly transits: Float64Array;
  /** Copies on each edge's wire now. */
  readonly inFlight: Float64Array;

  // Buses: a queue's FIFO and blocked publications, a topic subscription's FIFO (per edge),
  // a stream consumer group's partition FIFOs and partition locks (per edge), a handler's inbox.
  readonly queueFifo: Fifo[];
  readonly pending: Fifo[];
  readonly subFifo: Fifo[];
  readonly groupFifo: Fifo[][];
  readonly partBusy: Uint8Array[];
  private readonly groupNext: Int32Array;
  readonly inbox: Fifo[];
  private readonly rrQueue: Int32Array;
  private readonly rrSource: Int32Array;

  // Producers
  private readonly produced: Float64Array;
  private readonly held: Int32Array;
  private readonly stalled: Uint8Array;
  private nextKey = 0;

  // Handlers and their workers. Worker ids are never reused, so a stale reference is harmless.
  readonly concurrency: Int32Array;
  readonly workers: Int32Array;
  private readonly idle: number[][];
  wHandler = new Int32Array(64);
  wSlot = new Int32Array(64);
  private wSource = new Int32Array(64);
  private wPart = new Int32Array(64);
  private wHeld = new Int32Array(64);
  private wWaiting = new Uint8Array(64);
  private wWait = new Float64Array(64);
  private wService = new Float64Array(64);
  private wTransit = new Float64Array(64);
  private nWorkers = 0;
  private scratch = new Int32Array(64);
  private scratchTop = 0;

  constructor(t: Topology, o: EngineOptions) {
    this.t = t;
    this.N = t.kind.length;
    this.types = t.eventTypes.length;
    this.acceptStride = Math.max(1, this.types);
    this.seed = o.seed;
    this.duration = o.duration;
    this.warmup = o.warmup;
    this.seriesInterval = o.seriesInterval;
    this.rng = new Rng(o.seed);
    this.metrics = new Metrics(this.N);
    this.counters = this.metrics.counters;
    const E = t.edgeIds.length;
    this.transits = new Float64Array(E * this.types);
    this.inFlight = new Float64Array(E);
    const perNode = <X>(make: (n: number) => X): X[] => Array.from({ length: this.N }, (_, n) => make(n));
    const perEdge = <X>(make: (e: number) => X): X[] => Array.from({ length: E }, (_, e) => make(e));
    this.queueFifo = perNode(() => new Fifo());
    this.pending = perNode(() => new Fifo());
    this.inbox = perNode(() => new Fifo());
    this.subFifo = perEdge(() => new Fifo());
    const parts = (e: number): number => t.partitions[t.edgeSrc[e]!] ?? 0;
    this.groupFifo = perEdge((e) => Array.from({ length: parts(e) }, () => new Fifo()));
    this.partBusy = perEdge((e) => new Uint8Array(parts(e)));
    this.groupNext = new Int32Array(E);
    this.rrQueue = new Int32Array(this.N);
    this.rrSource = new Int32Array(this.N);
    this.produced = new Float64Array(this.N);
    this.held = new Int32Array(this.N);
    this.stalled = new Uint8Array(this.N);
    this.concurrency = Int32Array.from(t.concurrency);
    this.workers = new Int32Array(this.N);
    this.idle = perNode(() => []);
    this.start();
  }

  /** Back to time 0 with the given seed. */
  reset(seed: number): void {
    this.seed = seed;
    this.rng.seed(seed);
    this.heap.clear();
    this.pool.clear();
    this.metrics.clear();
    this.transits.fill(0);
    this.inFlight.fill(0);
    for (const f of [...this.queueFifo, ...this.pending, ...this.inbox, ...this.subFifo]) f.clear();
    for (const g of this.groupFifo) for (const f of g) f.clear();
    for (const b of this.partBusy) b.fill(0);
    this.groupNext.fill(0);
    this.rrQueue.fill(0);
    this.rrSource.fill(0);
    this.produced.fill(0);
    this.held.fill(0);
    this.stalled.fill(0);
    this.workers.fill(0);
    for (const s of this.idle) s.length = 0;
    this.nWorkers = 0;
    this.now = 0;
    this.events = 0;
    this.nextKey = 0;
    this.start();
  }

  private start(): void {
    for (let h = 0; h < this.N; h++) {
      if (this.t.kind[h] === K_HANDLER) for (let i = 0; i < this.concurrency[h]!; i++) this.newWorker(h);
    }
    for (let p = 0; p < this.N; p++) {
      if (this.t.kind[p] === K_PRODUCER && this.t.count[p]! > 0)
        this.heap.push(this.t.start[p]!, p * 8 + E_PRODUCE);
    }
    if (this.warmup > 0) this.heap.push(this.warmup, E_WARMUP);
    if (this.seriesInterval > 0) this.heap.push(this.warmup, E_SAMPLE);
  }

  /** Runs events due at or before `until`, at most `max` of them; returns how many ran. */
  run(until: number, max: number): number {
    const heap = this.heap;
    const end = Math.min(until, this.duration);
    let k = 0;
    while (k < max && heap.size > 0) {
      const time = heap.peekTime();
      if (time > end) break;
      const code = heap.peekCode();
      heap.pop();
      this.now = time;
      k++;
      const arg = code >> 3;
      switch (code & 7) {
        case E_PRODUCE:
          this.produce(arg);
          break;
        case E_ARRIVE:
          this.inFlight[this.pool.where[arg]!]!--;
          this.arriveAt(arg, this.t.edgeDst[this.pool.where[arg]!]!);
          break;
        case E_DONE:
          this.finish(arg);
          break;
        case E_REDELIVER:
          this.redeliver(arg);
          break;
        case E_RESUME:
          this.stalled[arg] = 0;
          this.produce(arg);
          break;
        case E_RELEASE:
          this.release(arg);
          break;
        case E_WARMUP:
          this.metrics.startMeasuring(time);
          break;
        default:
          this.metrics.sample(time);
          heap.push(time + this.seriesInterval, E_SAMPLE);
      }
    }
    this.events += k;
    // Time moves to `until` when nothing more is due before it, so time-weighted figures cover it.
    if (k < max && end > this.now && end < Infinity && (heap.size === 0 || heap.peekTime() > end))
      this.now = end;
    return k;
  }

  get done(): boolean {
    return this.now >= this.duration || this.heap.size === 0;
  }

  // ---- producers ----

  private produce(p: number): void {
    const t = this.t;
    if (this.held[p]! > 0) {
      // Backpressure: a copy of ours waits at a full "block" queue; pause until it is admitted.
      this.stalled[p] = 1;
      return;
    }
    this.produced[p]!++;
    const type = t.eventType[p]!;
    const keys = t.keys[p]!;
    const key = keys > 0 ? this.rng.int(keys) : this.nextKey++;
    const iaKind = t.interarrival[p]!;
    if (this.produced[p]! < t.count[p]!) {
      this.heap.push(this.now + draw(iaKind, this.rng), p * 8 + E_PRODUCE);
    }
    if (!this.anyPasses(p, type)) return;
    const slot = this.pool.alloc();
    const pool = this.pool;
    pool.origin[slot] = this.now;
    pool.type[slot] = type;
    pool.key[slot] = key;
    pool.deliveries[slot] = 0;
    pool.pub[slot] = p;
    pool.flags[slot] = 0;
    this.metrics.totals[T_EMITTED]!++;
    this.fanOut(p, slot);
  }

  private anyPasses(n: number, type: number): boolean {
    const t = this.t;
    for (let i = t.outStart[n]!; i < t.outStart[n + 1]!; i++) {
      if (t.accepts[t.outEdges[i]! * this.acceptStride + type]) return true;
    }
    return false;
  }

  /**
   * Sends `slot` on every outgoing edge of n that passes its type: the first such edge takes the
   * slot itself, each further one a new copy (counted as emitted). With no such edge the journey
   * ends here and the copy completes.
   */
  private fanOut(n: number, slot: number): void {
    const t = this.t;
    const type = this.pool.type[slot]!;
    const from = t.outStart[n]!;
    const to = t.outStart[n + 1]!;
    if (to === from) {
      this.complete(slot);
      return;
    }
    if (to - from === 1 && t.accepts[t.outEdges[from]! * this.acceptStride + type]) {
      this.counters[n * COUNTERS + C_OUT]!++;
      this.send(slot, t.outEdges[from]!);
      return;
    }
    // Copies are made before any is sent: sending may end (and recycle) the original at once.
    const base = this.scratchTop;
    if (base + 2 * (to - from) > this.scratch.length) {
      const s = new Int32Array(Math.max(this.scratch.length * 2, base + 2 * (to - from)));
      s.set(this.scratch);
      this.scratch = s;
    }
    let k = 0;
    for (let i = from; i < to; i++) {
      const e = t.outEdges[i]!;
      if (!t.accepts[e * this.acceptStride + type]) continue;
      if (k > 0) {
        this.scratch[base + k * 2] = this.pool.clone(slot);
        this.metrics.totals[T_EMITTED]!++;
      } else this.scratch[base] = slot;
      this.scratch[base + k * 2 + 1] = e;
      k++;
    }
    if (k === 0) {
      this.complete(slot);
      return;
    }
    this.scratchTop = base + 2 * k;
    this.counters[n * COUNTERS + C_OUT]! += k;
    for (let j = 0; j < k; j++) this.send(this.scratch[base + 2 * j]!, this.scratch[base + 2 * j + 1]!);
    this.scratchTop = base;
  }

  private send(slot: number, e: number): void {
    if (this.types > 0) this.transits[e * this.types + this.pool.type[slot]!]!++;
    if (this.t.edgeHasLatency[e]) {
      const d = this.t.edgeLatency[e]!;
      this.pool.where[slot] = e;
      this.inFlight[e]!++;
      this.heap.push(this.now + draw(d, this.rng), slot * 8 + E_ARRIVE);
    } else this.arriveAt(slot, this.t.edgeDst[e]!);
  }

  private arriveAt(slot: number, n: number): void {
    const t = this.t;
    // A handler counts deliveries when a worker takes them, not on arrival in its inbox.
    if (t.kind[n] !== K_HANDLER) this.counters[n * COUNTERS + C_IN]!++;
    this.pool.arrive[slot] = this.now;
    switch (t.kind[n]) {
      case K_QUEUE:
        this.queueArrive(n, slot);
        break;
      case K_HANDLER: {
        // Directly fed: its own unbounded inbox.
        if (this.idle[n]!.length > 0) this.startIdle(n, slot, t.inboxSource[n]!, 0);
        else {
          this.inbox[n]!.push(slot);
          this.metrics.addDepth(n, 1, this.now);
        }
        break;
      }
      case K_TOPIC:
      case K_STREAM:
        this.pool.pub[slot] = -1;
        this.fanOutBus(n, slot);
        break;
      default:
        this.complete(slot);
    }
  }

  // ---- endings ----

  private complete(slot: number): void {
    this.metrics.totals[T_COMPLETED]!++;
    if (!(this.pool.flags[slot]! & FLAG_DEAD_LETTER)) {
      this.metrics.hist.record(this.metrics.e2e, this.now - this.pool.origin[slot]!);
    }
    this.pool.release(slot);
  }

  private drop(n: number, slot: number): void {
    this.counters[n * COUNTERS + C_DROPPED]!++;
    this.metrics.totals[T_DROPPED]!++;
    this.pool.release(slot);
  }

  // ---- queues ----

  /** A message reaches queue q: straight to an idle consumer, else into the FIFO (bounded unless it is a redelivery). */
  private queueArrive(q: number, slot: number, bounded = true): void {
    const t = this.t;
    const type = this.pool.type[slot]!;
    const from = t.outStart[q]!;
    const n = t.outStart[q + 1]! - from;
    if (n === 1 && !t.edgeFiltered[t.outEdges[from]!]) {
      // One consumer, no filter: the common case, without the round robin.
      const e = t.outEdges[from]!;
      const h = t.edgeDst[e]!;
      if (t.kind[h] === K_HANDLER) {
        if (this.idle[h]!.length > 0) this.startIdle(h, slot, t.edgeSource[e]!, 0);
        else if (bounded) this.enqueueBounded(q, this.queueFifo[q]!, slot, true);
        else {
          this.queueFifo[q]!.push(slot);
          this.metrics.addDepth(q, 1, this.now);
        }
        return;
      }
    }
    let accepted = false;
    // Competing consumers: the first consumer (round robin) with an idle worker gets it.
    for (let j = 0; j < n; j++) {
      const i = from + ((this.rrQueue[q]! + j) % n);
      const e = t.outEdges[i]!;
      if (!t.accepts[e * this.acceptStride + type]) continue;
      accepted = true;
      const h = t.edgeDst[e]!;
      if (t.kind[h] !== K_HANDLER) {
        this.rrQueue[q] = (i - from + 1) % n;
        this.counters[q * COUNTERS + C_OUT]!++;
        this.pool.pub[slot] = -1;
        this.send(slot, e);
        return;
      }
      if (this.idle[h]!.length > 0) {
        this.rrQueue[q] = (i - from + 1) % n;
        this.startIdle(h, slot, t.edgeSource[e]!, 0);
        return;
      }
    }
    if (!accepted) {
      this.complete(slot);
      return;
    }
    if (bounded) this.enqueueBounded(q, this.queueFifo[q]!, slot, true);
    else {
      this.queueFifo[q]!.push(slot);
      this.metrics.addDepth(q, 1, this.now);
    }
  }

  /** Puts slot in a bus FIFO of node n, applying capacity and overflow. */
  private enqueueBounded(n: number, fifo: Fifo, slot: number, isQueue: boolean): void {
    const t = this.t;
    if (fifo.length < t.capacity[n]!) {
      fifo.push(slot);
      this.metrics.addDepth(n, 1, this.now);
      return;
    }
    const ov = isQueue ? t.overflow[n]! : OV_DROP_NEWEST;
    if (ov === OV_BLOCK) {
      this.pending[n]!.push(slot);
      this.metrics.blocked[n]!++;
      this.hold(this.pool.pub[slot]!);
    } else if (ov === OV_DROP_OLDEST && fifo.length > 0) {
      this.drop(n, fifo.shift());
      fifo.push(slot);
    } else this.drop(n, slot);
  }

  private hold(pub: number): void {
    if (pub < 0) return;
    if (pub < this.N) {
      this.held[pub]!++;
      this.metrics.blocked[pub]!++;
    } else {
      const w = pub - this.N;
      this.wHeld[w]!++;
      this.metrics.blocked[this.wHandler[w]!]!++;
    }
  }

  private unhold(pub: number): void {
    if (pub < 0) return;
    if (pub < this.N) {
      this.metrics.blocked[pub]!--;
      if (--this.held[pub]! === 0 && this.stalled[pub]) this.heap.push(this.now, pub * 8 + E_RESUME);
    } else {
      const w = pub - this.N;
      this.metrics.blocked[this.wHandler[w]!]!--;
      if (--this.wHeld[w]! === 0 && this.wWaiting[w]) {
        this.wWaiting[w] = 0;
        this.heap.push(this.now, w * 8 + E_RELEASE);
      }
    }
  }

  /** Moves blocked publications into queue q while it has room. */
  private admit(q: number): void {
    const fifo = this.queueFifo[q]!;
    const pend = this.pending[q]!;
    while (pend.length > 0 && fifo.length < this.t.capacity[q]!) {
      const slot = pend.shift();
      this.metrics.blocked[q]!--;
      this.pool.arrive[slot] = this.now;
      fifo.push(slot);
      this.metrics.addDepth(q, 1, this.now);
      this.unhold(this.pool.pub[slot]!);
    }
  }

  private redeliver(slot: number): void {
    // Back to the tail of the queue it came from; it is still that queue's message, so capacity does not apply.
    const q = this.pool.where[slot]!;
    this.pool.arrive[slot] = this.now;
    this.pool.pub[slot] = -1;
    this.queueArrive(q, slot, false);
  }

  private deadLetter(q: number, slot: number): void {
    this.counters[q * COUNTERS + C_DEAD]!++;
    this.metrics.totals[T_DEAD]!++;
    const target = this.t.deadLetter[q]!;
    if (target < 0) {
      this.pool.release(slot);
      return;
    }
    // The dead letter sent on is a new copy (its predecessor ended as dead-lettered). It keeps its
    // origin time but is left out of end-to-end latency, which describes successful journeys.
    this.metrics.totals[T_EMITTED]!++;
    this.pool.flags[slot]! |= FLAG_DEAD_LETTER;
    this.pool.deliveries[slot] = 0;
    this.pool.pub[slot] = -1;
    this.arriveAt(slot, target);
  }

  // ---- topics and streams ----

  /** A copy for each subscription / consumer group that passes the type; none: the journey ends at the bus. */
  private fanOutBus(n: number, slot: number): void {
    const t = this.t;
    const type = this.pool.type[slot]!;
    const from = t.outStart[n]!;
    const to = t.outStart[n + 1]!;
    let last = -1;
    for (let i = from; i < to; i++) if (t.accepts[t.outEdges[i]! * this.acceptStride + type]) last = i;
    if (last < 0) {
      this.complete(slot);
      return;
    }
    for (let i = from; i <= last; i++) {
      const e = t.outEdges[i]!;
      if (!t.accepts[e * this.acceptStride + type]) continue;
      // The original goes last: delivering it may recycle it.
      const copy = i === last ? slot : this.pool.clone(slot);
      if (i !== last) this.metrics.totals[T_EMITTED]!++;
      this.deliverSub(n, e, copy);
    }
  }

  private deliverSub(n: number, e: number, slot: number): void {
    const t = this.t;
    const h = t.edgeDst[e]!;
    if (t.kind[h] !== K_HANDLER) {
      this.counters[n * COUNTERS + C_OUT]!++;
      this.send(slot, e);
      return;
    }
    const s = t.edgeSource[e]!;
    if (t.kind[n] === K_TOPIC) {
      if (this.idle[h]!.length > 0) this.startIdle(h, slot, s, 0);
      else this.enqueueBounded(n, this.subFifo[e]!, slot, false);
      return;
    }
    const p = hashKey(this.pool.key[slot]!) % t.partitions[n]!;
    const busy = this.partBusy[e]!;
    if (!busy[p] && this.idle[h]!.length > 0) this.startIdle(h, slot, s, p);
    else {
      this.groupFifo[e]![p]!.push(slot);
      this.metrics.addDepth(n, 1, this.now);
    }
  }

  // ---- handlers ----

  private newWorker(h: number): void {
    if (this.nWorkers === this.wHandler.length) this.growWorkers();
    const w = this.nWorkers++;
    this.wHandler[w] = h;
    this.wSlot[w] = -1;
    this.wHeld[w] = 0;
    this.wWaiting[w] = 0;
    this.workers[h]!++;
    this.idle[h]!.push(w);
  }

  /** Adds or retires workers of handler h to match a new concurrency. */
  setConcurrency(h: number, c: number): void {
    this.concurrency[h] = c;
    while (this.workers[h]! < c) {
      this.newWorker(h);
      this.release(this.idle[h]!.pop()!, false);
    }
    while (this.workers[h]! > c && this.idle[h]!.length > 0) {
      this.idle[h]!.pop();
      this.workers[h]!--;
    }
  }

  /** An idle worker of h starts on slot from source s. */
  private startIdle(h: number, slot: number, s: number, part: number): void {
    this.metrics.addBusy(h, 1, this.now);
    this.startOn(this.idle[h]!.pop()!, slot, s, part);
  }

  /** Worker w (busy from now on; the caller has counted it) starts on slot from source s. */
  private startOn(w: number, slot: number, s: number, part: number): void {
    const t = this.t;
    const h = this.wHandler[w]!;
    const pool = this.pool;
    const now = this.now;
    this.counters[h * COUNTERS + C_IN]!++;
    this.wSlot[w] = slot;
    this.wSource[w] = s;
    this.wPart[w] = part;
    this.wWait[w] = now - pool.arrive[slot]!;
    const e = t.srcEdge[s]!;
    let transit = 0;
    if (e >= 0) {
      // Taken from a bus: the bus hands it over along the edge (which may add network time).
      this.counters[t.srcNode[s]! * COUNTERS + C_OUT]!++;
      if (this.types > 0) this.transits[e * this.types + pool.type[slot]!]!++;
      if (t.srcKind[s] === S_GROUP) this.partBusy[e]![part] = 1;
      if (t.edgeHasLatency[e]) {
        const d = t.edgeLatency[e]!;
        transit = draw(d, this.rng);
      }
    }
    const d = t.service[h]!;
    const service = draw(d, this.rng);
    this.wService[w] = service;
    this.wTransit[w] = transit;
    this.heap.push(now + transit + service, w * 8 + E_DONE);
  }

  private finish(w: number): void {
    const t = this.t;
    const m = this.metrics;
    const h = this.wHandler[w]!;
    const slot = this.wSlot[w]!;
    const s = this.wSource[w]!;
    const wait = this.wWait[w]!;
    const service = this.wService[w]!;
    this.wSlot[w] = -1;
    m.hist.record(h * 3, wait);
    m.hist.record(h * 3 + 1, service);
    m.hist.record(h * 3 + 2, wait + this.wTransit[w]! + service);
    const kind = t.srcKind[s]!;
    if (kind === S_GROUP) this.unlockPartition(t.srcEdge[s]!, this.wPart[w]!);
    const f = t.failureRate[h]!;
    if (f > 0 && this.rng.next() < f) {
      this.counters[h * COUNTERS + C_FAILED]!++;
      const q = t.srcNode[s]!;
      if (kind === S_QUEUE && t.atLeastOnce[q]) {
        if (++this.pool.deliveries[slot]! >= t.maxDeliveries[q]!) this.deadLetter(q, slot);
        else {
          this.counters[q * COUNTERS + C_REDELIVERED]!++;
          this.pool.where[slot] = q;
          const r = t.retryDelay[h]!;
          this.heap.push(this.now + draw(r, this.rng), slot * 8 + E_REDELIVER);
        }
      } else {
        this.counters[h * COUNTERS + C_LOST]!++;
        m.totals[T_LOST]!++;
        this.pool.release(slot);
      }
    } else {
      this.counters[h * COUNTERS + C_DONE]!++;
      const e = t.emits[h]!;
      if (e >= 0) this.pool.type[slot] = e;
      this.pool.pub[slot] = this.N + w;
      this.fanOut(h, slot);
    }
    // Backpressure: a worker whose emission waits at a full "block" queue stays occupied.
    if (this.wHeld[w]! > 0) this.wWaiting[w] = 1;
    else this.release(w);
  }

  private unlockPartition(e: number, p: number): void {
    this.partBusy[e]![p] = 0;
    const fifo = this.groupFifo[e]![p]!;
    const h = this.t.edgeDst[e]!;
    // Another idle worker of the group may take the partition's next message right away.
    if (fifo.length > 0 && this.idle[h]!.length > 0) {
      const slot = this.takeFromPartition(e, p);
      if (slot >= 0) this.startIdle(h, slot, this.t.edgeSource[e]!, p);
    }
  }

  /** Head of partition p of group e, discarding messages older than the stream's retention; -1 if none. */
  private takeFromPartition(e: number, p: number): number {
    const n = this.t.edgeSrc[e]!;
    const fifo = this.groupFifo[e]![p]!;
    const oldest = this.now - this.t.retention[n]!;
    while (fifo.length > 0) {
      const slot = fifo.shift();
      this.metrics.addDepth(n, -1, this.now);
      if (this.pool.arrive[slot]! >= oldest) return slot;
      this.drop(n, slot);
    }
    return -1;
  }

  /** Worker w is free: it takes the next message from its handler's sources (round robin) or goes idle. */
  private release(w: number, busyBefore = true): void {
    const h = this.wHandler[w]!;
    if (this.workers[h]! > this.concurrency[h]!) {
      this.workers[h]!--;
      if (busyBefore) this.metrics.addBusy(h, -1, this.now);
      return;
    }
    const t = this.t;
    const from = t.srcStart[h]!;
    const n = t.srcStart[h + 1]! - from;
    if (n === 1 && t.srcKind[t.sources[from]!] === S_QUEUE) {
      // One queue feeding this handler: the common case, without the round robin.
      const s = t.sources[from]!;
      const slot = this.takeFromQueue(t.srcNode[s]!, t.srcEdge[s]!);
      if (slot >= 0) {
        if (!busyBefore) this.metrics.addBusy(h, 1, this.now);
        this.startOn(w, slot, s, 0);
      } else {
        if (busyBefore) this.metrics.addBusy(h, -1, this.now);
        this.idle[h]!.push(w);
      }
      return;
    }
    for (let j = 0; j < n; j++) {
      const i = from + ((this.rrSource[h]! + j) % n);
      const s = t.sources[i]!;
      let slot = -1;
      let part = 0;
      switch (t.srcKind[s]) {
        case S_QUEUE:
          slot = this.takeFromQueue(t.srcNode[s]!, t.srcEdge[s]!);
          break;
        case S_SUB: {
          const fifo = this.subFifo[t.srcEdge[s]!]!;
          if (fifo.length > 0) {
            slot = fifo.shift();
            this.metrics.addDepth(t.srcNode[s]!, -1, this.now);
          }
          break;
        }
        case S_GROUP: {
          const e = t.srcEdge[s]!;
          const busy = this.partBusy[e]!;
          const parts = busy.length;
          const g = this.groupFifo[e]!;
          for (let k = 0; k < parts && slot < 0; k++) {
            const p = (this.groupNext[e]! + k) % parts;
            if (busy[p] || g[p]!.length === 0) continue;
            slot = this.takeFromPartition(e, p);
            if (slot >= 0) {
              part = p;
              this.groupNext[e] = (p + 1) % parts;
            }
          }
          break;
        }
        default: {
          const fifo = this.inbox[h]!;
          if (fifo.length > 0) {
            slot = fifo.shift();
            this.metrics.addDepth(h, -1, this.now);
          }
        }
      }
      if (slot >= 0) {
        this.rrSource[h] = (i - from + 1) % n;
        if (!busyBefore) this.metrics.addBusy(h, 1, this.now);
        this.startOn(w, slot, s, part);
        return;
      }
    }
    if (busyBefore) this.metrics.addBusy(h, -1, this.now);
    this.idle[h]!.push(w);
  }

  /** The first message in queue q that edge e accepts (the head, unless e filters), or -1. */
  private takeFromQueue(q: number, e: number): number {
    const fifo = this.queueFifo[q]!;
    if (fifo.length === 0 && this.pending[q]!.length > 0) {
      // Capacity 0 with "block": a publication waits for a free worker, not for room.
      const slot = this.pending[q]!.shift();
      this.metrics.blocked[q]!--;
      this.pool.arrive[slot] = this.now;
      this.unhold(this.pool.pub[slot]!);
      return slot;
    }
    if (fifo.length === 0) return -1;
    let slot = -1;
    if (!this.t.edgeFiltered[e]) slot = fifo.shift();
    else {
      const stride = this.acceptStride;
      for (let i = 0; i < fifo.length; i++) {
        if (this.t.accepts[e * stride + this.pool.type[fifo.at(i)]!]) {
          slot = fifo.removeAt(i);
          break;
        }
      }
      if (slot < 0) return -1;
    }
    this.metrics.addDepth(q, -1, this.now);
    if (this.pending[q]!.length > 0) this.admit(q);
    return slot;
  }

  private growWorkers(): void {
    const cap = this.wHandler.length * 2;
    const grow = <A extends Int32Array | Uint8Array | Float64Array>(a: A, make: (n: number) => A): A => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    const i32 = (n: number) => new Int32Array(n);
    const f64 = (n: number) => new Float64Array(n);
    this.wHandler = grow(this.wHandler, i32);
    this.wSlot = grow(this.wSlot, i32);
    this.wSource = grow(this.wSource, i32);
    this.wPart = grow(this.wPart, i32);
    this.wHeld = grow(this.wHeld, i32);
    this.wWaiting = grow(this.wWaiting, (n) => new Uint8Array(n));
    this.wWait = grow(this.wWait, f64);
    this.wService = grow(this.wService, f64);
    this.wTransit = grow(this.wTransit, f64);
  }

  /** Copies held anywhere (queues, subscriptions, partitions, inboxes, blocked lists, workers, wires, retries): for conservation checks. */
  audit(): number {
    let n = 0;
    for (const f of [...this.queueFifo, ...this.pending, ...this.inbox, ...this.subFifo]) n += f.length;
    for (const g of this.groupFifo) for (const f of g) n += f.length;
    for (let w = 0; w < this.nWorkers; w++) if (this.wSlot[w]! >= 0) n++;
    for (let i = 0; i < this.heap.size; i++) {
      const k = this.heap.codeAt(i) & 7;
      if (k === E_ARRIVE || k === E_REDELIVER) n++;
    }
    return n;
  }
}
