// The discrete-event core: the state, the event loop, routing copies along edges and the books
// (emitted / completed / dropped). Node behaviours are functions over this state in producer code
// below, queue.ts, buses.ts and handler.ts. No objects or closures per event; semantics in docs/engine.md.
import { D_EXPONENTIAL, draw, sample } from './distributions';
import { E_PRODUCE, E_ARRIVE, E_DONE, E_REDELIVER, E_RESUME, E_RELEASE, E_WARMUP, E_SAMPLE } from './events';
import { EventHeap } from './kernel/heap';
import { Fifo } from './kernel/fifo';
import { FLAG_DEAD_LETTER, MessagePool } from './kernel/messages';
import {
  COUNTERS,
  C_DONE,
  C_DROPPED,
  C_IN,
  C_OUT,
  T_COMPLETED,
  T_DROPPED,
  T_EMITTED,
  Metrics,
} from './metrics';
import { Rng } from './rng';
import { K_HANDLER, K_PRODUCER, K_QUEUE, K_STREAM, K_TOPIC, type Topology } from './topology';
import { enqueueBounded, queueArrive, redeliver } from './queue';
import { fanOutBus } from './buses';
import { startIdle, finish, release } from './handler';

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
  readonly N: number;
  readonly types: number;
  readonly acceptStride: number;

  /** metrics.counters, held directly: the hot path bumps it several times per event. */
  readonly counters: Float64Array;
  /** Cumulative copies put on each edge, per event type. */
  readonly transits: Float64Array;
  /** Copies on each edge's wire now. */
  readonly inFlight: Float64Array;
  /**
   * Per node: its one outgoing edge when that edge is its only one, unfiltered and without
   * latency (a copy sent from n arrives at once at the edge's target), else -1. Compiled once:
   * the hot paths branch on it instead of walking the edge lists and filters.
   */
  readonly plainEdge: Int32Array;
  /**
   * Per queue: the handler that is its only consumer, over a plain edge, with the queue as its
   * only source; else -1. Per producer: the queue its plain edge leads to when that queue has
   * such a consumer; else -1. Per handler: its queue when it is that queue's plain consumer and
   * has no outgoing edge (its completions end journeys); else -1. These pick the fast lanes of
   * run(), which do exactly what the general functions would do for that shape, in fewer steps.
   */
  readonly plainConsumer: Int32Array;
  readonly fastProducer: Int32Array;
  readonly fastHandler: Int32Array;
  /**
   * Lane counters: the fast lanes count into one of these where the general path bumps several
   * counters that always move together; flushLanes() adds them to those counters (at the end of
   * every run() and before the run loop samples or ends warm-up), so readers never see them.
   * Per producer: emissions through its lane (emitted, its out, its edge's transits, the queue's
   * in). Per queue: takes by its plain consumer (the queue's out, the handler's in). Per handler:
   * completions in finishTerminal() (its done, completed).
   */
  private readonly laneEmitted: Float64Array;
  private readonly laneTaken: Float64Array;
  private readonly laneDone: Float64Array;

  // Buses: a queue's FIFO and blocked publications, a topic subscription's FIFO (per edge),
  // a stream consumer group's partition FIFOs and partition locks (per edge), a handler's inbox.
  readonly queueFifo: Fifo[];
  readonly pending: Fifo[];
  readonly subFifo: Fifo[];
  readonly groupFifo: Fifo[][];
  readonly partBusy: Uint8Array[];
  readonly groupNext: Int32Array;
  readonly inbox: Fifo[];
  readonly rrQueue: Int32Array;
  readonly rrSource: Int32Array;

  // Producers
  private readonly produced: Float64Array;
  private readonly held: Int32Array;
  private readonly stalled: Uint8Array;
  private nextKey = 0;

  // Handlers and their workers. Worker ids are never reused, so a stale reference is harmless.
  readonly concurrency: Int32Array;
  readonly workers: Int32Array;
  readonly idle: number[][];
  wHandler = new Int32Array(64);
  wSlot = new Int32Array(64);
  wSource = new Int32Array(64);
  wPart = new Int32Array(64);
  wHeld = new Int32Array(64);
  wWaiting = new Uint8Array(64);
  wWait = new Float64Array(64);
  wService = new Float64Array(64);
  wTransit = new Float64Array(64);
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
    this.plainEdge = new Int32Array(this.N).fill(-1);
    for (let n = 0; n < this.N; n++) {
      const from = t.outStart[n]!;
      const e = t.outEdges[from]!;
      if (t.outStart[n + 1]! - from === 1 && !t.edgeFiltered[e] && !t.edgeHasLatency[e])
        this.plainEdge[n] = e;
    }
    this.plainConsumer = new Int32Array(this.N).fill(-1);
    this.fastProducer = new Int32Array(this.N).fill(-1);
    this.fastHandler = new Int32Array(this.N).fill(-1);
    if (this.types > 0) {
      for (let q = 0; q < this.N; q++) {
        const e = this.plainEdge[q]!;
        if (t.kind[q] !== K_QUEUE || e < 0) continue;
        const h = t.edgeDst[e]!;
        if (t.kind[h] === K_HANDLER && t.srcStart[h + 1]! - t.srcStart[h]! === 1) this.plainConsumer[q] = h;
      }
      for (let n = 0; n < this.N; n++) {
        const e = this.plainEdge[n]!;
        if (t.kind[n] === K_PRODUCER && e >= 0 && this.plainConsumer[t.edgeDst[e]!]! >= 0)
          this.fastProducer[n] = t.edgeDst[e]!;
      }
      for (let q = 0; q < this.N; q++) {
        const h = this.plainConsumer[q]!;
        if (h >= 0 && t.outStart[h + 1] === t.outStart[h]) this.fastHandler[h] = q;
      }
    }
    this.laneEmitted = new Float64Array(this.N);
    this.laneTaken = new Float64Array(this.N);
    this.laneDone = new Float64Array(this.N);
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
    this.laneEmitted.fill(0);
    this.laneTaken.fill(0);
    this.laneDone.fill(0);
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
    const fastProducer = this.fastProducer;
    const fastHandler = this.fastHandler;
    const clock = this.metrics.clock;
    let k = 0;
    while (k < max && heap.size > 0) {
      const time = heap.peekTime();
      if (time > end) break;
      const code = heap.peekCode();
      // Taken, not popped: the event's own next event (a producer's next emission, a worker's
      // next completion) usually takes its place in the heap.
      heap.take();
      this.now = time;
      clock[0] = time;
      k++;
      const arg = code >> 3;
      switch (code & 7) {
        case E_PRODUCE: {
          const q = fastProducer[arg]!;
          if (q >= 0 && this.held[arg] === 0) this.produceToPlainQueue(arg, q);
          else this.produce(arg);
          break;
        }
        case E_DONE: {
          const h = this.wHandler[arg]!;
          const q = fastHandler[h]!;
          if (q >= 0 && this.t.failureRate[h] === 0 && this.wHeld[arg] === 0) this.finishTerminal(arg, h, q);
          else finish(this, arg);
          break;
        }
        case E_ARRIVE:
          this.inFlight[this.pool.where[arg]!]!--;
          this.arriveAt(arg, this.t.edgeDst[this.pool.where[arg]!]!);
          break;
        case E_REDELIVER:
          redeliver(this, arg);
          break;
        case E_RESUME:
          this.stalled[arg] = 0;
          this.produce(arg);
          break;
        case E_RELEASE:
          release(this, arg);
          break;
        case E_WARMUP:
          this.flushLanes();
          this.metrics.startMeasuring(time);
          break;
        default:
          this.flushLanes();
          this.metrics.sample(time);
          heap.push(time + this.seriesInterval, E_SAMPLE);
      }
      heap.settle();
    }
    this.events += k;
    this.flushLanes();
    // Time moves to `until` when nothing more is due before it, so time-weighted figures cover it.
    if (k < max && end > this.now && end < Infinity && (heap.size === 0 || heap.peekTime() > end))
      this.now = end;
    return k;
  }

  /** Adds the lane counters to the counters they stand for, and zeroes them. */
  private flushLanes(): void {
    const c = this.counters;
    const totals = this.metrics.totals;
    for (let n = 0; n < this.N; n++) {
      const emitted = this.laneEmitted[n]!;
      if (emitted > 0) {
        this.laneEmitted[n] = 0;
        totals[T_EMITTED]! += emitted;
        c[n * COUNTERS + C_OUT]! += emitted;
        this.transits[this.plainEdge[n]! * this.types + this.t.eventType[n]!]! += emitted;
        c[this.fastProducer[n]! * COUNTERS + C_IN]! += emitted;
      }
      const taken = this.laneTaken[n]!;
      if (taken > 0) {
        this.laneTaken[n] = 0;
        c[n * COUNTERS + C_OUT]! += taken;
        c[this.plainConsumer[n]! * COUNTERS + C_IN]! += taken;
      }
      const done = this.laneDone[n]!;
      if (done > 0) {
        this.laneDone[n] = 0;
        c[n * COUNTERS + C_DONE]! += done;
        totals[T_COMPLETED]! += done;
      }
    }
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
    const e = this.plainEdge[p]!;
    if (e < 0 && !this.anyPasses(p, type)) return;
    const pool = this.pool;
    const slot = pool.alloc();
    const now = this.now;
    pool.origin[slot] = now;
    pool.type[slot] = type;
    pool.key[slot] = key;
    pool.deliveries[slot] = 0;
    pool.pub[slot] = p;
    pool.flags[slot] = 0;
    this.metrics.totals[T_EMITTED]!++;
    if (e < 0) {
      this.fanOut(p, slot);
      return;
    }
    // One plain edge (the usual producer): fanOut(), send() and arriveAt() in one step.
    this.counters[p * COUNTERS + C_OUT]!++;
    this.transits[e * this.types + type]!++;
    const n = t.edgeDst[e]!;
    if (t.kind[n] === K_QUEUE) {
      this.counters[n * COUNTERS + C_IN]!++;
      pool.arrive[slot] = now;
      queueArrive(this, n, slot);
    } else this.arriveAt(slot, n);
  }

  // ---- fast lanes: producer → plain queue → sole plain consumer (see plainConsumer) ----

  /**
   * produce() for a producer whose plain edge leads to queue q with a plain consumer, not held:
   * the same steps as produce() → fanOut() → send() → arriveAt() → queueArrive() → startIdle() or
   * enqueueBounded(), in the same order (so the same random draws and event sequence).
   */
  private produceToPlainQueue(p: number, q: number): void {
    const t = this.t;
    const rng = this.rng;
    this.produced[p]!++;
    const type = t.eventType[p]!;
    const keys = t.keys[p]!;
    const key = keys > 0 ? rng.int(keys) : this.nextKey++;
    const now = this.now;
    if (this.produced[p]! < t.count[p]!) {
      // draw(), written out: a double returned from a call that is not inlined is boxed.
      const d = t.interarrival[p]!;
      const x = d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
      this.heap.push(now + x, p * 8 + E_PRODUCE);
    }
    const pool = this.pool;
    const slot = pool.alloc();
    pool.origin[slot] = now;
    pool.arrive[slot] = now;
    pool.type[slot] = type;
    pool.key[slot] = key;
    pool.deliveries[slot] = 0;
    pool.pub[slot] = p;
    pool.flags[slot] = 0;
    // Emitted, p's out, the edge's transits and q's in: see laneEmitted.
    this.laneEmitted[p]!++;
    const h = this.plainConsumer[q]!;
    const idle = this.idle[h]!;
    if (idle.length > 0) {
      this.metrics.stepBusy(h, 1);
      this.startPlain(idle.pop()!, h, q, slot);
      return;
    }
    const fifo = this.queueFifo[q]!;
    if (fifo.length < t.capacity[q]!) {
      fifo.push(slot);
      this.metrics.stepDepth(q, 1);
    } else enqueueBounded(this, q, fifo, slot, true);
  }

  /** startOn() for worker w of h taking slot from queue q over its plain edge (no latency). */
  private startPlain(w: number, h: number, q: number, slot: number): void {
    const pool = this.pool;
    const now = this.now;
    // h's in and q's out: see laneTaken.
    this.laneTaken[q]!++;
    const e = this.plainEdge[q]!;
    this.wSlot[w] = slot;
    this.wWait[w] = now - pool.arrive[slot]!;
    this.transits[e * this.types + pool.type[slot]!]!++;
    const d = this.t.service[h]!;
    const service =
      d.kind === D_EXPONENTIAL ? -d.a * Math.log(this.rng.next()) : sample(d.kind, d.a, d.b, this.rng);
    this.wService[w] = service;
    // wSource, wPart and wTransit: the same for every job of a plain consumer, set by newWorker().
    this.heap.push(now + service, w * 8 + E_DONE);
  }

  /**
   * finish() then release() for worker w of a terminal handler h that is the plain consumer of
   * queue q, with no failure rate and nothing held: records, completes the copy, and takes the
   * next message (the general release() when the queue has blocked publishers or h is shrinking).
   */
  private finishTerminal(w: number, h: number, q: number): void {
    const slot = this.wSlot[w]!;
    const wait = this.wWait[w]!;
    const service = this.wService[w]!;
    this.wSlot[w] = -1;
    const m = this.metrics;
    const hist = m.hist;
    const st = hist.staged;
    st[0] = wait;
    st[1] = service;
    st[2] = wait + service; // no transit time on a plain edge
    // h's done and complete(slot)'s completed: see laneDone.
    this.laneDone[h]!++;
    // complete(slot), with the handler's and the end-to-end records in one call.
    const pool = this.pool;
    if (pool.flags[slot]! & FLAG_DEAD_LETTER) hist.recordStaged(h * 3, -1);
    else {
      st[3] = this.now - pool.origin[slot]!;
      hist.recordStaged(h * 3, m.e2e);
    }
    pool.release(slot);
    if (this.workers[h]! > this.concurrency[h]! || this.pending[q]!.length > 0) {
      release(this, w);
      return;
    }
    const fifo = this.queueFifo[q]!;
    if (fifo.length === 0) {
      m.stepBusy(h, -1);
      this.idle[h]!.push(w);
      return;
    }
    const next = fifo.shift();
    m.stepDepth(q, -1);
    this.startPlain(w, h, q, next);
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
  fanOut(n: number, slot: number): void {
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
    this.fanOutMany(n, slot, type, from, to);
  }

  /** The general case of fanOut(): copies for several edges or filters. */
  private fanOutMany(n: number, slot: number, type: number, from: number, to: number): void {
    const t = this.t;
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

  send(slot: number, e: number): void {
    if (this.types > 0) this.transits[e * this.types + this.pool.type[slot]!]!++;
    if (this.t.edgeHasLatency[e]) {
      const d = this.t.edgeLatency[e]!;
      this.pool.where[slot] = e;
      this.inFlight[e]!++;
      this.heap.push(this.now + draw(d, this.rng), slot * 8 + E_ARRIVE);
    } else this.arriveAt(slot, this.t.edgeDst[e]!);
  }

  arriveAt(slot: number, n: number): void {
    const t = this.t;
    // A handler counts deliveries when a worker takes them, not on arrival in its inbox.
    if (t.kind[n] !== K_HANDLER) this.counters[n * COUNTERS + C_IN]!++;
    this.pool.arrive[slot] = this.now;
    switch (t.kind[n]) {
      case K_QUEUE:
        queueArrive(this, n, slot);
        break;
      case K_HANDLER: {
        // Directly fed: its own unbounded inbox.
        if (this.idle[n]!.length > 0) startIdle(this, n, slot, t.inboxSource[n]!, 0);
        else {
          this.inbox[n]!.push(slot);
          this.metrics.addDepth(n, 1, this.now);
        }
        break;
      }
      case K_TOPIC:
      case K_STREAM:
        this.pool.pub[slot] = -1;
        fanOutBus(this, n, slot);
        break;
      default:
        this.complete(slot);
    }
  }

  // ---- endings ----

  complete(slot: number): void {
    this.metrics.totals[T_COMPLETED]!++;
    if (!(this.pool.flags[slot]! & FLAG_DEAD_LETTER)) {
      this.metrics.hist.record(this.metrics.e2e, this.now - this.pool.origin[slot]!);
    }
    this.pool.release(slot);
  }

  drop(n: number, slot: number): void {
    this.counters[n * COUNTERS + C_DROPPED]!++;
    this.metrics.totals[T_DROPPED]!++;
    this.pool.release(slot);
  }

  // ---- queues ----

  hold(pub: number): void {
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

  unhold(pub: number): void {
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

  // ---- topics and streams ----

  // ---- handlers ----

  newWorker(h: number): void {
    if (this.nWorkers === this.wHandler.length) this.growWorkers();
    const w = this.nWorkers++;
    this.wHandler[w] = h;
    this.wSlot[w] = -1;
    this.wHeld[w] = 0;
    this.wWaiting[w] = 0;
    // A plain consumer's jobs all come from its one source, partition 0, with no transit time
    // (startOn() would set these values; startPlain() relies on them).
    this.wSource[w] =
      this.t.srcStart[h + 1]! - this.t.srcStart[h]! === 1 ? this.t.sources[this.t.srcStart[h]!]! : 0;
    this.wPart[w] = 0;
    this.wTransit[w] = 0;
    this.workers[h]!++;
    this.idle[h]!.push(w);
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
