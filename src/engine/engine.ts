// The discrete-event core: the run's state as typed arrays, and the event loop. What each event
// does lives with the node kind it concerns (kinds/), the copies' movement in routing.ts, the
// "block" policy in backpressure.ts, timed actions in actions.ts and the fast lanes in lanes.ts.
// Nothing here allocates per event; semantics are in docs/engine.md.
import { assertNever } from '../model/assertNever';
import { runAction, scheduleAction } from './actions';
import { Fifo } from './kernel/fifo';
import { EV, eventArg, eventCode, eventKind } from './kernel/events';
import { EventHeap, PastEventError } from './kernel/heap';
import { FLAG_LEASED, MessagePool } from './kernel/messages';
import { Scratch } from './kernel/scratch';
import { ACTION, Timeline } from './kernel/timeline';
import { KIND_CODE, kindAt } from './kinds/codes';
import { finish, newWorker, resumeWorker } from './kinds/handler';
import { answer, CallRecords, callRetry, callTimedOut } from './calls';
import { emit, firstEmission, resume } from './kinds/producer';
import { leaseRanOut, redeliver } from './kinds/bus';
import { acknowledged, delivered, type Receipt } from './consume';
import { DeliveryRecords, LeaseGroups } from './leases';
import { newStories, type FaultStory } from './faults';
import { emitLane, finishLane, Lanes } from './lanes';
import { Metrics, PartitionDepths } from './metrics';
import { Rng } from './rng';
import type { Halt, RunLimits } from './api';
import { checkDeadlock, checkGuards, GUARD_EVERY, GuardState } from './guards';
import { arriveFromWire } from './routing';
import type { Topology } from './topology';

export interface EngineOptions {
  seed: number;
  duration: number;
  warmup: number;
  seriesInterval: number;
  /** Fast lanes on (default) or off: results are identical either way, only speed differs. */
  lanes?: boolean;
  limits: RunLimits;
}

export class Engine {
  readonly topo: Topology;
  readonly metrics: Metrics;
  readonly heap = new EventHeap();
  readonly pool = new MessagePool();
  readonly timeline = new Timeline();
  readonly rng: Rng;
  readonly lanes: Lanes;
  readonly scratch = new Scratch();
  readonly limits: RunLimits;
  readonly guard = new GuardState();
  /** Set when a guard stopped the run (guards.ts). */
  halted: Halt | null = null;
  /** Timeline entries in the heap: when it holds nothing else, only actions can still happen. */
  timelinePending = 0;
  /** Events until the next guard check (guards.ts). */
  private guardIn = GUARD_EVERY;
  now = 0;
  events = 0;
  seed: number;
  readonly duration: number;
  readonly warmup: number;
  /** Nodes. Publishers (pool.pub) are numbered with producers as their node and workers from N up. */
  readonly N: number;
  /** Event types (edge transits are counted per type). */
  readonly types: number;

  /** metrics.counters, held directly: the hot path bumps it several times per event. */
  readonly counters: Float64Array;
  /** Cumulative copies put on each edge, per event type. */
  readonly transits: Float64Array;
  /** Copies on each edge's wire now. */
  readonly inFlight: Float64Array;

  // Buses: a queue's FIFO and its blocked publications (backpressure.ts), a topic subscription's
  // FIFO (per edge), a stream consumer group's partition FIFOs and partition locks (per edge), a
  // directly fed handler's inbox; round-robin positions.
  readonly queueFifo: Fifo[];
  readonly blockedAt: Fifo[];
  readonly subFifo: Fifo[];
  readonly groupFifo: Fifo[][];
  readonly partBusy: Uint8Array[];
  readonly inbox: Fifo[];
  readonly rrQueue: Int32Array;
  readonly rrSource: Int32Array;
  /** The partition takeOwned() took its message from (a return value that needs no allocation). */
  takenPart = 0;
  /** Per stream node: depth per partition (the lag). */
  readonly partitionDepths: PartitionDepths;
  /** Per ordered queue: which delivery holds each key (kinds/queue.ts). */
  readonly keyHolder: Map<number, number>[];

  // Windowed sources (consume.ts): unacknowledged deliveries, and those waiting at the handler.
  readonly unacked: Int32Array;
  readonly local: Fifo[];
  /** Open deliveries of buses with leases or acknowledgement latencies, and copies delivered more than once (leases.ts). */
  readonly deliveries = new DeliveryRecords();
  readonly leaseGroups = new LeaseGroups();
  /** Scratch for finish(): what acknowledging a delivery needs. */
  readonly receipt: Receipt = { s: 0, r: -1, key: 0, slot: -1 };
  /** Arrivals caused by an arrival, as (slot, node) pairs, and whether one is being handled (kinds/index.ts arriveAt). */
  readonly arrivals = new Fifo();
  arriving = false;

  // Producers: emissions so far, copies blocked at full queues, and whether an emission waits.
  readonly produced: Float64Array;
  readonly pBlocked: Int32Array;
  readonly pWaiting: Uint8Array;
  /** A profiled producer's segment now (its clock only moves forward). */
  readonly pSegment: Int32Array;
  /** The next key for producers without `keys`: every event its own. */
  nextKey = 0;

  // Handlers' workers, as a struct of arrays by worker number. Numbers are never reused.
  readonly workers: Int32Array;
  readonly idle: number[][];
  /** Per handler: its working workers in order; a stream group's partition p belongs to owners[p mod length]. */
  readonly owners: number[][];
  // Faults (faults.ts): what active faults change, read by the paths they act on.
  /** Multiplies each handler's service draws (a slow fault); 1 otherwise. */
  readonly serviceFactor: Float64Array;
  /** Multiplies each edge's latency draws (a slow fault); 1 otherwise. */
  readonly latencyFactor: Float64Array;
  /** A handler's failure rate while a fail fault is active; NaN otherwise. */
  readonly failureOverride: Float64Array;
  /** When a handler's pause began; −1 when it is not paused. */
  readonly pausedSince: Float64Array;
  /** Buses in an outage now; 0 in almost every run, so the paths that check pay one load. */
  outages = 0;
  /** When a bus's outage began; −1 while it works. */
  readonly outageSince: Float64Array;
  /** Copies a bus in an outage did not accept, in order; their publishers are held. */
  readonly held: Fifo[];
  /** Edges cut by a partition now; 0 in almost every run (one load on the paths that check). */
  cuts = 0;
  /** When an edge's partition began; −1 while it carries. */
  readonly cutSince: Float64Array;
  /** Copies held at a cut edge, in order (counted on its wire). */
  readonly edgeHeld: Fifo[];
  /** When a handler crashed; −1 while it runs. */
  readonly crashedSince: Float64Array;
  /** A paused handler's idle workers, set aside until it resumes. */
  readonly parked: number[][];
  faultStories: FaultStory[];

  // Dependencies (calls.ts): attempts in progress, each dependency's busy slots, its attempts
  // waiting for a slot, and its crash count (answers from before a crash are void).
  readonly calls = new CallRecords();
  readonly slotsBusy: Int32Array;
  readonly callQueue: Fifo[];
  readonly depEpoch: Int32Array;

  wHandler = new Int32Array(64);
  /** The message in service, or -1. */
  wSlot = new Int32Array(64);
  wSource = new Int32Array(64);
  wPart = new Int32Array(64);
  /** Copies this worker emitted that are blocked at full queues; while > 0 it stays occupied. */
  wBlocked = new Int32Array(64);
  /** Finished, waiting for its blocked copies to be admitted before it takes work. */
  wWaiting = new Uint8Array(64);
  wWait = new Float64Array(64);
  wService = new Float64Array(64);
  wTransit = new Float64Array(64);
  /** Round-robin position among the stream partitions a worker owns. */
  wPartNext = new Int32Array(64);
  /** A worker's remaining service, frozen by a pause when it would have ended; −1 when not frozen. */
  wFrozen = new Float64Array(64).fill(-1);
  /** Time a pause added to the worker's current service, to be waited out when it would end. */
  wDelay = new Float64Array(64);
  /** Completions of the worker to ignore: jobs a crash took from it. */
  wIgnore = new Int32Array(64);
  /** Where the worker's job is (calls.ts PHASE): its own service, its calls, or done with them. */
  wPhase = new Uint8Array(64);
  /** The attempt (or backoff) record the worker waits on, or −1. */
  wCall = new Int32Array(64).fill(-1);
  /** Its current call edge, as a position in topo.callEdges; calls left on it; attempt of this call. */
  wCallIdx = new Int32Array(64);
  wCallsLeft = new Int32Array(64);
  wAttempt = new Int32Array(64);
  /** 1 when a call ran out of attempts: the job fails. */
  wCallFailed = new Uint8Array(64);
  /** When the worker's calls began (their time counts as service). */
  wCallStart = new Float64Array(64);
  nWorkers = 0;

  constructor(topo: Topology, o: EngineOptions) {
    this.topo = topo;
    this.N = topo.nodeIds.length;
    this.types = topo.eventTypes.length;
    this.seed = o.seed;
    this.duration = o.duration;
    this.warmup = o.warmup;
    this.rng = new Rng(o.seed);
    this.limits = o.limits;
    this.metrics = new Metrics(this.N);
    this.counters = this.metrics.counters;
    this.lanes = new Lanes(topo, o.lanes ?? true);
    const E = topo.edgeIds.length;
    this.transits = new Float64Array(E * this.types);
    this.inFlight = new Float64Array(E);
    const perNode = <X>(make: (n: number) => X): X[] => Array.from({ length: this.N }, (_, n) => make(n));
    const perEdge = <X>(make: (e: number) => X): X[] => Array.from({ length: E }, (_, e) => make(e));
    this.queueFifo = perNode(() => new Fifo());
    this.blockedAt = perNode(() => new Fifo());
    this.inbox = perNode(() => new Fifo());
    this.subFifo = perEdge(() => new Fifo());
    const parts = (e: number): number => topo.partitions[topo.edgeSrc[e]!] ?? 0;
    this.groupFifo = perEdge((e) => Array.from({ length: parts(e) }, () => new Fifo()));
    this.partBusy = perEdge((e) => new Uint8Array(parts(e)));
    this.partitionDepths = new PartitionDepths(topo.partitions);
    this.keyHolder = perNode(() => new Map());
    this.unacked = new Int32Array(topo.srcKind.length);
    this.local = Array.from({ length: topo.srcKind.length }, () => new Fifo());
    this.rrQueue = new Int32Array(this.N);
    this.rrSource = new Int32Array(this.N);
    this.produced = new Float64Array(this.N);
    this.pBlocked = new Int32Array(this.N);
    this.pWaiting = new Uint8Array(this.N);
    this.pSegment = new Int32Array(this.N);
    this.workers = new Int32Array(this.N);
    this.idle = perNode(() => []);
    this.owners = perNode(() => []);
    this.serviceFactor = new Float64Array(this.N).fill(1);
    this.latencyFactor = new Float64Array(topo.edgeIds.length).fill(1);
    this.failureOverride = new Float64Array(this.N).fill(NaN);
    this.pausedSince = new Float64Array(this.N).fill(-1);
    this.crashedSince = new Float64Array(this.N).fill(-1);
    this.outageSince = new Float64Array(this.N).fill(-1);
    this.held = perNode(() => new Fifo());
    this.cutSince = new Float64Array(topo.edgeIds.length).fill(-1);
    this.edgeHeld = perEdge(() => new Fifo());
    this.parked = perNode(() => []);
    this.slotsBusy = new Int32Array(this.N);
    this.callQueue = perNode(() => new Fifo());
    this.depEpoch = new Int32Array(this.N);
    this.faultStories = newStories(topo.faults.length);
    topo.faults.forEach(({ fault }, i) => {
      this.timeline.add(fault.at, ACTION.faultStart, { target: i });
      this.timeline.add(fault.at + fault.duration, ACTION.faultEnd, { target: i });
    });
    if (o.warmup > 0) this.timeline.add(o.warmup, ACTION.endWarmup);
    if (o.seriesInterval > 0) this.timeline.add(o.warmup, ACTION.sample, { period: o.seriesInterval });
    this.start();
  }

  /** Back to time 0 with the given seed. */
  reset(seed: number): void {
    this.seed = seed;
    this.rng.seed(seed);
    this.heap.clear();
    this.pool.clear();
    this.metrics.clear();
    this.lanes.emitted.fill(0);
    this.lanes.taken.fill(0);
    this.lanes.done.fill(0);
    this.transits.fill(0);
    this.inFlight.fill(0);
    for (const f of [...this.queueFifo, ...this.blockedAt, ...this.inbox, ...this.subFifo]) f.clear();
    for (const g of this.groupFifo) for (const f of g) f.clear();
    for (const b of this.partBusy) b.fill(0);
    this.arrivals.clear();
    this.arriving = false;
    this.partitionDepths.clear();
    for (const m of this.keyHolder) m.clear();
    this.unacked.fill(0);
    for (const f of this.local) f.clear();
    this.deliveries.clear();
    this.leaseGroups.clear();
    this.rrQueue.fill(0);
    this.rrSource.fill(0);
    this.produced.fill(0);
    this.pBlocked.fill(0);
    this.pWaiting.fill(0);
    this.pSegment.fill(0);
    this.workers.fill(0);
    for (const s of this.idle) s.length = 0;
    for (const s of this.owners) s.length = 0;
    this.serviceFactor.fill(1);
    this.latencyFactor.fill(1);
    this.failureOverride.fill(NaN);
    this.pausedSince.fill(-1);
    this.crashedSince.fill(-1);
    this.outageSince.fill(-1);
    this.outages = 0;
    for (const f of this.held) f.clear();
    this.cutSince.fill(-1);
    this.cuts = 0;
    for (const f of this.edgeHeld) f.clear();
    for (const s of this.parked) s.length = 0;
    this.faultStories = newStories(this.topo.faults.length);
    this.calls.clear();
    this.slotsBusy.fill(0);
    for (const f of this.callQueue) f.clear();
    this.depEpoch.fill(0);
    this.wPhase.fill(0);
    this.wCall.fill(-1);
    this.wCallFailed.fill(0);
    this.wFrozen.fill(-1);
    this.wDelay.fill(0);
    this.wIgnore.fill(0);
    this.nWorkers = 0;
    this.now = 0;
    this.events = 0;
    this.nextKey = 0;
    this.halted = null;
    this.guard.reset();
    this.guardIn = GUARD_EVERY;
    this.start();
  }

  private start(): void {
    const topo = this.topo;
    for (let h = 0; h < this.N; h++) {
      if (kindAt(topo, h) === KIND_CODE.handler)
        for (let i = 0; i < topo.concurrency[h]!; i++) newWorker(this, h);
    }
    for (let p = 0; p < this.N; p++) {
      if (kindAt(topo, p) !== KIND_CODE.producer || !(topo.count[p]! > 0)) continue;
      const first = firstEmission(topo, p);
      if (first < Infinity) this.heap.push(first, eventCode(EV.produce, p));
    }
    this.timelinePending = 0;
    this.timeline.rows.forEach((r, i) => scheduleAction(this, i, r.at));
  }

  /** Runs events due at or before `until`, at most `max` of them; returns how many ran. */
  run(until: number, max: number): number {
    if (this.halted) return 0;
    const end = Math.min(until, this.duration);
    let k = 0;
    // Guards run between stretches of at most GUARD_EVERY events (counted across calls: hosts
    // advance in chunks of any size), so the event loop itself pays nothing for them.
    while (k < max) {
      const stretch = Math.min(max - k, this.guardIn);
      const ran = this.loop(end, stretch);
      k += ran;
      this.guardIn -= ran;
      if (this.guardIn === 0) {
        this.guardIn = GUARD_EVERY;
        if (checkGuards(this)) break;
      }
      if (ran < stretch) break;
    }
    this.events += k;
    this.lanes.flush(this);
    if (this.now < this.duration) checkDeadlock(this);
    // Time moves to `until` when nothing more is due before it, so time-weighted figures cover it.
    const heap = this.heap;
    if (k < max && end > this.now && end < Infinity && (heap.size === 0 || heap.peekTime() > end))
      this.now = end;
    return k;
  }

  /** The event loop: runs events due at or before `end`, at most `max`; returns how many ran. */
  private loop(end: number, max: number): number {
    const heap = this.heap;
    const { fastProducer, fastHandler } = this.lanes;
    const clock = this.metrics.clock;
    let k = 0;
    while (k < max && heap.size > 0) {
      const time = heap.peekTime();
      if (time > end) break;
      // A past event is the earliest: checked here, not at each push. (Written so NaN fails too.)
      if (!(time >= this.now)) throw new PastEventError(time, this.now);
      const code = heap.peekCode();
      // Taken, not popped: the event's own next event (a producer's next emission, a worker's
      // next completion) usually takes its place in the heap.
      heap.take();
      this.now = time;
      clock[0] = time;
      k++;
      const arg = eventArg(code);
      const kind = eventKind(code);
      switch (kind) {
        case EV.produce: {
          const q = fastProducer[arg]!;
          if (q >= 0) emitLane(this, arg, q);
          else emit(this, arg);
          break;
        }
        case EV.done: {
          const h = this.wHandler[arg]!;
          const q = fastHandler[h]!;
          if (q >= 0) finishLane(this, arg, h, q);
          else finish(this, arg);
          break;
        }
        case EV.arrive:
          arriveFromWire(this, arg);
          break;
        case EV.redeliver:
          redeliver(this, arg);
          break;
        case EV.resumeProducer:
          resume(this, arg);
          break;
        case EV.resumeWorker:
          resumeWorker(this, arg);
          break;
        case EV.action:
          runAction(this, arg);
          break;
        case EV.deliver:
          delivered(this, arg);
          break;
        case EV.ack:
          acknowledged(this, arg);
          break;
        case EV.lease:
          leaseRanOut(this, arg);
          break;
        case EV.answer:
          answer(this, arg);
          break;
        case EV.callTimeout:
          callTimedOut(this, arg);
          break;
        case EV.callRetry:
          callRetry(this, arg);
          break;
        default:
          assertNever(kind, 'event kind');
      }
      heap.settle();
    }
    return k;
  }

  get done(): boolean {
    return this.now >= this.duration || this.heap.size === 0 || this.halted !== null;
  }

  /** Doubles the worker tables (a live concurrency increase past their size). */
  growWorkers(): void {
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
    this.wBlocked = grow(this.wBlocked, i32);
    this.wWaiting = grow(this.wWaiting, (n) => new Uint8Array(n));
    this.wWait = grow(this.wWait, f64);
    this.wService = grow(this.wService, f64);
    this.wTransit = grow(this.wTransit, f64);
    this.wPartNext = grow(this.wPartNext, i32);
    this.wFrozen = grow(this.wFrozen, f64);
    this.wFrozen.fill(-1, cap / 2);
    this.wDelay = grow(this.wDelay, f64);
    this.wIgnore = grow(this.wIgnore, i32);
    this.wPhase = grow(this.wPhase, (n) => new Uint8Array(n));
    this.wCall = grow(this.wCall, i32);
    this.wCall.fill(-1, cap / 2);
    this.wCallIdx = grow(this.wCallIdx, i32);
    this.wCallsLeft = grow(this.wCallsLeft, i32);
    this.wAttempt = grow(this.wAttempt, i32);
    this.wCallFailed = grow(this.wCallFailed, (n) => new Uint8Array(n));
    this.wCallStart = grow(this.wCallStart, f64);
  }

  /**
   * Copies in flight, counted from the containers (FIFOs, blocked lists, buffers at handlers,
   * workers, wires, retries), for conservation checks: the deliveries of one copy count once,
   * and what terminal buses keep has ended.
   */
  audit(): number {
    const pool = this.pool;
    const counted = new Set<number>();
    let n = 0;
    const count = (slot: number): void => {
      if (pool.flags[slot]! & FLAG_LEASED) {
        const g = pool.copy[slot]!;
        if (this.leaseGroups.done[g] || counted.has(g)) return;
        counted.add(g);
      }
      n++;
    };
    const fifos = [
      ...this.queueFifo.filter((_, q) => !this.topo.terminal[q]),
      ...this.blockedAt,
      ...this.held,
      ...this.edgeHeld,
      ...this.inbox,
      ...this.subFifo,
      ...this.local,
      ...this.groupFifo.flat(),
    ];
    for (const f of fifos) for (let i = 0; i < f.length; i++) count(f.at(i));
    for (let w = 0; w < this.nWorkers; w++) if (this.wSlot[w]! >= 0) count(this.wSlot[w]!);
    for (let i = 0; i < this.heap.size; i++) {
      const code = this.heap.codeAt(i);
      const kind = eventKind(code);
      if (kind === EV.arrive || kind === EV.redeliver || kind === EV.deliver) count(eventArg(code));
    }
    return n;
  }
}
