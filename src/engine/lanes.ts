// Fast lanes: straight-line code for the commonest shape, producer → queue → its sole consumer,
// doing exactly what the general path does for it (the same steps, random draws and event order,
// sharing the general path's helpers), in fewer steps. Which nodes take a lane is compiled from
// the topology: every feature the lanes do not implement opts the nodes it touches out, with one
// bit of LANE_OPT_OUT, so a new feature is one line in laneOptOuts() and can never run through a
// lane that ignores it. `lanes: false` turns them all off: the differential test runs every flow
// both ways and requires identical results.
import type { Engine } from './engine';
import { enqueue } from './kinds/bus';
import { OVERFLOW } from './kinds/codes';
import { KIND_CODE, kindAt } from './kinds/codes';
import { beginService, stageJob, takeNext } from './kinds/handler';
import { D_EXPONENTIAL, sample } from './distributions';
import { EV, eventCode } from './kernel/events';
import { newCopy } from './kinds/producer';
import { C_DONE, C_IN, C_OUT, COUNTERS, T_COMPLETED, T_EMITTED } from './metrics';
import { stageEndToEnd } from './routing';
import type { Topology } from './topology';

/** Why a node takes no lane: one bit per feature the lanes leave to the general path. */
export const LANE_OPT_OUT = {
  /** The run has lanes switched off. */
  off: 1 << 0,
  /** An edge with latency leaves the node. */
  latency: 1 << 1,
  /** A filtered edge leaves the node. */
  filter: 1 << 2,
  /** The node sends on other than exactly one edge (a producer or queue). */
  fanOut: 1 << 3,
  /** A queue that blocks its publishers when full. */
  blockOverflow: 1 << 4,
  /** A handler fed by more than one source. */
  sources: 1 << 5,
  /** A handler that emits onward, so its completions do not end journeys (closes its finish lane only). */
  forwards: 1 << 6,
  /** A handler that can fail; follows live edits (closes its finish lane only). */
  failures: 1 << 7,
  /** A queue whose messages expire (TTL). */
  ttl: 1 << 8,
  /** A consumer pushed to within a delivery window (prefetch, latency, acknowledgement latency, lease, ordering). */
  windowed: 1 << 9,
  /** A producer drawing keys from a skewed (Zipf) distribution. */
  keySkew: 1 << 10,
  /** A producer with a load profile (its clock runs at the profile's factor). */
  profile: 1 << 11,
  /** A fault acts on the node, or on an edge leaving it. */
  fault: 1 << 12,
  /** A handler whose jobs call dependencies (its completion is where the calls begin). */
  calls: 1 << 13,
} as const;
export type LaneOptOut = (typeof LANE_OPT_OUT)[keyof typeof LANE_OPT_OUT];

/**
 * Bits that close a handler's finish lane but still let the emit lane start its jobs: what
 * happens after a service (failures, anything about its outgoing edges).
 */
const FINISH_ONLY =
  LANE_OPT_OUT.forwards |
  LANE_OPT_OUT.failures |
  LANE_OPT_OUT.latency |
  LANE_OPT_OUT.filter |
  LANE_OPT_OUT.calls;

/** The opt-outs the topology implies, per node: one line per feature. */
function laneOptOuts(topo: Topology, on: boolean): Uint32Array {
  const N = topo.nodeIds.length;
  const optOut = new Uint32Array(N);
  const set = (n: number, bit: LaneOptOut): void => {
    optOut[n]! |= bit;
  };
  for (let e = 0; e < topo.edgeIds.length; e++) {
    if (topo.edgeHasLatency[e]) set(topo.edgeSrc[e]!, LANE_OPT_OUT.latency);
    if (topo.edgeFiltered[e]) set(topo.edgeSrc[e]!, LANE_OPT_OUT.filter);
  }
  for (let n = 0; n < N; n++) {
    if (!on) set(n, LANE_OPT_OUT.off);
    const outs = topo.outStart[n + 1]! - topo.outStart[n]!;
    const kind = kindAt(topo, n);
    if (kind === KIND_CODE.handler) {
      if (topo.srcStart[n + 1]! - topo.srcStart[n]! !== 1) set(n, LANE_OPT_OUT.sources);
      if (outs > 0) set(n, LANE_OPT_OUT.forwards);
      if (topo.failureRate[n]! > 0 || topo.failsOn[n]) set(n, LANE_OPT_OUT.failures);
      if (topo.callStart[n + 1]! > topo.callStart[n]!) set(n, LANE_OPT_OUT.calls);
    } else if (outs !== 1) set(n, LANE_OPT_OUT.fanOut);
    if (kind === KIND_CODE.queue && topo.overflow[n] === OVERFLOW.block) set(n, LANE_OPT_OUT.blockOverflow);
    if (kind === KIND_CODE.queue && topo.hasTtl[n]) set(n, LANE_OPT_OUT.ttl);
    if (kind === KIND_CODE.producer && topo.keyAlias[n]) set(n, LANE_OPT_OUT.keySkew);
    if (kind === KIND_CODE.producer && topo.profile[n]) set(n, LANE_OPT_OUT.profile);
  }
  for (const f of topo.faults) set(f.node >= 0 ? f.node : topo.edgeSrc[f.edge]!, LANE_OPT_OUT.fault);
  for (let s = 0; s < topo.srcKind.length; s++) {
    if (topo.srcWindowed[s]) {
      set(topo.srcNode[s]!, LANE_OPT_OUT.windowed);
      set(topo.srcHandler[s]!, LANE_OPT_OUT.windowed);
    }
  }
  return optOut;
}

export class Lanes {
  readonly optOut: Uint32Array;
  /** Per node: its one outgoing edge when it has no filter or latency (a copy sent on it arrives at once); else -1. */
  readonly plainEdge: Int32Array;
  /** Per queue: the handler that is its only consumer, over a plain edge, with the queue as its only source; else -1. */
  readonly plainConsumer: Int32Array;
  /** Per producer: the queue its plain edge leads to when that queue has a plain consumer; else -1 (emit lane). */
  readonly fastProducer: Int32Array;
  /** Per handler: its queue when it is that queue's plain consumer and its completions end journeys; else -1 (finish lane). */
  readonly fastHandler: Int32Array;
  /**
   * Lane counters: a lane counts into one of these where the general path bumps several counters
   * that always move together; flush() adds them to those counters, so readers never see them.
   * Per producer: emissions (emitted, its out, its edge's transits, the queue's in). Per queue:
   * takes by its plain consumer (the queue's out, the handler's in). Per handler: completions
   * (its done, completed).
   */
  readonly emitted: Float64Array;
  readonly taken: Float64Array;
  readonly done: Float64Array;

  constructor(
    private readonly topo: Topology,
    on: boolean,
  ) {
    const N = topo.nodeIds.length;
    this.optOut = laneOptOuts(topo, on);
    this.plainEdge = new Int32Array(N);
    this.plainConsumer = new Int32Array(N);
    this.fastProducer = new Int32Array(N);
    this.fastHandler = new Int32Array(N);
    this.emitted = new Float64Array(N);
    this.taken = new Float64Array(N);
    this.done = new Float64Array(N);
    this.compile();
  }

  /** Sets or clears one opt-out of node n (a live edit, a fault) and recompiles the lanes. */
  setOptOut(n: number, bit: LaneOptOut, on: boolean): void {
    if (on) this.optOut[n]! |= bit;
    else this.optOut[n]! &= ~bit;
    this.compile();
  }

  /** The lane tables from the opt-outs, in place (the run loop holds them). */
  private compile(): void {
    const { topo, optOut } = this;
    const N = topo.nodeIds.length;
    this.plainEdge.fill(-1);
    this.plainConsumer.fill(-1);
    this.fastProducer.fill(-1);
    this.fastHandler.fill(-1);
    // Producers' and queues' plain edges (handlers' outgoing side is the finish lane's business).
    for (let n = 0; n < N; n++) {
      const from = topo.outStart[n]!;
      if (kindAt(topo, n) !== KIND_CODE.handler && optOut[n] === 0 && topo.outStart[n + 1]! - from === 1)
        this.plainEdge[n] = topo.outEdges[from]!;
    }
    // Lanes need an event type to count transits under (a flow always has one once it has a producer).
    if (topo.eventTypes.length === 0) return;
    for (let q = 0; q < N; q++) {
      const e = this.plainEdge[q]!;
      if (kindAt(topo, q) !== KIND_CODE.queue || e < 0) continue;
      const h = topo.edgeDst[e]!;
      if (kindAt(topo, h) === KIND_CODE.handler && !(optOut[h]! & ~FINISH_ONLY)) this.plainConsumer[q] = h;
    }
    for (let p = 0; p < N; p++) {
      const e = this.plainEdge[p]!;
      if (kindAt(topo, p) === KIND_CODE.producer && e >= 0 && this.plainConsumer[topo.edgeDst[e]!]! >= 0)
        this.fastProducer[p] = topo.edgeDst[e]!;
    }
    for (let q = 0; q < N; q++) {
      const h = this.plainConsumer[q]!;
      if (h >= 0 && optOut[h] === 0) this.fastHandler[h] = q;
    }
  }

  /** Adds the lane counters to the counters they stand for, and zeroes them. */
  flush(eng: Engine): void {
    const c = eng.counters;
    const totals = eng.metrics.totals;
    const N = this.emitted.length;
    for (let n = 0; n < N; n++) {
      const emitted = this.emitted[n]!;
      if (emitted > 0) {
        this.emitted[n] = 0;
        totals[T_EMITTED]! += emitted;
        c[n * COUNTERS + C_OUT]! += emitted;
        eng.transits[this.plainEdge[n]! * eng.types + this.topo.eventType[n]!]! += emitted;
        c[this.fastProducer[n]! * COUNTERS + C_IN]! += emitted;
      }
      const taken = this.taken[n]!;
      if (taken > 0) {
        this.taken[n] = 0;
        c[n * COUNTERS + C_OUT]! += taken;
        c[this.plainConsumer[n]! * COUNTERS + C_IN]! += taken;
      }
      const done = this.done[n]!;
      if (done > 0) {
        this.done[n] = 0;
        c[n * COUNTERS + C_DONE]! += done;
        totals[T_COMPLETED]! += done;
      }
    }
  }
}

/**
 * EV.produce for producer p in the emit lane to queue q: emit() → send() → arriveAt() →
 * queueArrive() → startIdle() or enqueueBounded(), in one step.
 */
export function emitLane(eng: Engine, p: number, q: number): void {
  // nextEmission(), written out: through the call, V8's inlining budget for this function runs
  // out before the heap and RNG calls below it, and the bench loses about 6 %. The differential
  // test (lanes.test.ts) holds the two copies to the same results.
  const topo = eng.topo;
  const rng = eng.rng;
  eng.produced[p]!++;
  const keys = topo.keys[p]!;
  const key = keys > 0 ? rng.int(keys) : eng.nextKey++;
  const now = eng.now;
  if (eng.produced[p]! < topo.count[p]!) {
    const d = topo.interarrival[p]!;
    const x = d.kind === D_EXPONENTIAL ? -d.a * Math.log(rng.next()) : sample(d.kind, d.a, d.b, rng);
    eng.heap.push(now + x, eventCode(EV.produce, p));
  }
  const slot = newCopy(eng, p, key);
  const lanes = eng.lanes;
  lanes.emitted[p]!++;
  const h = lanes.plainConsumer[q]!;
  const idle = eng.idle[h]!;
  if (idle.length > 0) {
    eng.metrics.stepBusy(h, 1);
    startLane(eng, idle.pop()!, h, q, slot);
    return;
  }
  const fifo = eng.queueFifo[q]!;
  if (fifo.length < topo.capacity[q]!) {
    fifo.push(slot);
    eng.metrics.stepDepth(q, 1);
  } else enqueue(eng, q, fifo, slot, topo.overflow[q]!, false);
}

/** startOn() for worker w of h taking slot from queue q over its plain edge (no transit time). */
function startLane(eng: Engine, w: number, h: number, q: number, slot: number): void {
  eng.lanes.taken[q]!++;
  eng.wSlot[w] = slot;
  const wait = eng.now - eng.pool.arrive[slot]!;
  eng.wWait[w] = wait;
  eng.metrics.noteAge(q, wait);
  eng.transits[eng.lanes.plainEdge[q]! * eng.types + eng.pool.type[slot]!]!++;
  // wSource, wPart and wTransit: the same for every job of a plain consumer, set by newWorker().
  beginService(eng, w, h, 0);
}

/**
 * EV.done for worker w of handler h in the finish lane from queue q: finish() → complete() →
 * takeNext() in one step (takeNext() itself when h is shrinking).
 */
export function finishLane(eng: Engine, w: number, h: number, q: number): void {
  const slot = eng.wSlot[w]!;
  eng.wSlot[w] = -1;
  const m = eng.metrics;
  stageJob(eng, w);
  eng.lanes.done[h]!++;
  // The handler's three records and end to end in one call.
  m.hist.recordStaged(h * 3, stageEndToEnd(eng, slot));
  eng.pool.free(slot);
  if (eng.workers[h]! > eng.topo.concurrency[h]!) {
    takeNext(eng, w);
    return;
  }
  const fifo = eng.queueFifo[q]!;
  if (fifo.length === 0) {
    m.stepBusy(h, -1);
    eng.idle[h]!.push(w);
    return;
  }
  const next = fifo.shift();
  m.stepDepth(q, -1);
  startLane(eng, w, h, q, next);
}
