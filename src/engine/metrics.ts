// Figures kept while the engine runs, all in preallocated typed arrays: per-node counters,
// time-weighted depth and busy workers, latency histograms, and a fixed-interval time series.
// Warm-up: when it ends, counters are copied to a baseline and the rest starts over, so every
// figure covers the time after warm-up only (except `totals`, which balance over the whole run).
import { HistogramSet } from './histogram';

export const C_IN = 0;
export const C_OUT = 1;
export const C_DROPPED = 2;
export const C_FAILED = 3;
export const C_LOST = 4;
export const C_DEAD = 5;
export const C_REDELIVERED = 6;
/** Handler completions (successful services) for throughput. */
export const C_DONE = 7;
/** Bus: messages past their TTL when they reached the head (not dead-lettered). */
export const C_EXPIRED = 8;
/** Handler: completions of a message already completed by another delivery (lease expiry). */
export const C_DUP = 9;
/** Handler: calls its jobs made to dependencies; dependency: calls it received (first attempts). */
export const C_CALLS = 10;
/** Attempts of those calls, retries included. */
export const C_ATTEMPTS = 11;
/** Attempts the caller stopped waiting for (the dependency still serves them). */
export const C_TIMEOUTS = 12;
export const COUNTERS = 13;
export type Counter =
  | typeof C_IN
  | typeof C_OUT
  | typeof C_DROPPED
  | typeof C_FAILED
  | typeof C_LOST
  | typeof C_DEAD
  | typeof C_REDELIVERED
  | typeof C_DONE
  | typeof C_EXPIRED
  | typeof C_DUP
  | typeof C_CALLS
  | typeof C_ATTEMPTS
  | typeof C_TIMEOUTS;

export const T_EMITTED = 0;
export const T_COMPLETED = 1;
export const T_DROPPED = 2;
export const T_LOST = 3;
export const T_DEAD = 4;
export const T_EXPIRED = 5;

/** Per-sample fields of the time series, per node. */
export const SERIES_FIELDS = ['depth', 'busy', 'in', 'out', 'done'] as const;
const SF = SERIES_FIELDS.length;

export interface Series {
  /** Simulated sample times, oldest first. */
  times: Float64Array;
  /** times.length × nodes × SERIES_FIELDS.length: depth and busy now, cumulative in/out/done since warm-up. */
  values: Float64Array;
  fields: readonly string[];
}

export class Metrics {
  readonly counters: Float64Array;
  readonly baseline: Float64Array;
  /** emitted, completed, dropped, lost, deadLettered, expired over the whole run. */
  readonly totals = new Float64Array(6);
  /** Per bus since warm-up: the oldest waiting message's age, the most it reached and the sum and count of samples of it. */
  readonly ageMax: Float64Array;
  readonly ageSum: Float64Array;
  readonly ageSamples: Float64Array;
  readonly depth: Float64Array;
  readonly depthMax: Float64Array;
  readonly depthArea: Float64Array;
  readonly busy: Float64Array;
  readonly busyArea: Float64Array;
  readonly blocked: Float64Array;
  /** Σ change × time of depth and of busy (see stepDepth()). */
  readonly depthMoments: Float64Array;
  readonly busyMoments: Float64Array;
  /** Rows: node n wait = 3n, service = 3n + 1, sojourn = 3n + 2; end to end = 3N. */
  readonly hist: HistogramSet;
  readonly e2e: number;
  /** Start of the measured period (end of warm-up, or 0). */
  since = 0;
  private readonly seriesTimes: Float64Array;
  private readonly seriesValues: Float64Array;
  private seriesNext = 0;
  private seriesCount = 0;

  constructor(
    readonly nodes: number,
    readonly seriesCapacity = 600,
  ) {
    this.counters = new Float64Array(nodes * COUNTERS);
    this.baseline = new Float64Array(nodes * COUNTERS);
    this.depth = new Float64Array(nodes);
    this.depthMax = new Float64Array(nodes);
    this.depthArea = new Float64Array(nodes);
    this.busy = new Float64Array(nodes);
    this.busyArea = new Float64Array(nodes);
    this.blocked = new Float64Array(nodes);
    this.depthMoments = new Float64Array(nodes);
    this.busyMoments = new Float64Array(nodes);
    this.ageMax = new Float64Array(nodes);
    this.ageSum = new Float64Array(nodes);
    this.ageSamples = new Float64Array(nodes);
    this.hist = new HistogramSet(nodes * 3 + 1);
    this.e2e = nodes * 3;
    this.seriesTimes = new Float64Array(seriesCapacity);
    this.seriesValues = new Float64Array(seriesCapacity * nodes * SF);
  }

  clear(): void {
    this.counters.fill(0);
    this.baseline.fill(0);
    this.totals.fill(0);
    this.depth.fill(0);
    this.depthMax.fill(0);
    this.depthArea.fill(0);
    this.busy.fill(0);
    this.busyArea.fill(0);
    this.blocked.fill(0);
    this.depthMoments.fill(0);
    this.busyMoments.fill(0);
    this.ageMax.fill(0);
    this.ageSum.fill(0);
    this.ageSamples.fill(0);
    this.hist.clear();
    this.since = 0;
    this.seriesNext = 0;
    this.seriesCount = 0;
  }

  /**
   * The engine's clock, set by its run loop for each event: the fast lanes call stepDepth() and
   * stepBusy() with integers only (a double passed to a call that is not inlined is boxed, and
   * that was one allocation per job).
   */
  readonly clock = new Float64Array(1);

  // Time-weighted sums without a clock per node: the area under depth (or busy) up to time T is
  // the sum over its changes d at times t of d × (T − t) = value × T − Σ d × t. A change adds one
  // product to Σ d × t (depthMoments, busyMoments); touch() works out the areas when they are read.

  /** addDepth(n, d, clock[0]), self-contained so that it inlines whole. */
  stepDepth(n: number, d: number): void {
    this.depthMoments[n]! += d * this.clock[0]!;
    const v = (this.depth[n]! += d);
    if (v > this.depthMax[n]!) this.depthMax[n] = v;
  }

  /** addBusy(n, d, clock[0]), self-contained so that it inlines whole. */
  stepBusy(n: number, d: number): void {
    this.busyMoments[n]! += d * this.clock[0]!;
    this.busy[n]! += d;
  }

  /** Sets node n's time-weighted areas (depthArea, busyArea) as of `now`, for reading them. */
  touch(n: number, now: number): void {
    this.depthArea[n] = this.depth[n]! * now - this.depthMoments[n]!;
    this.busyArea[n] = this.busy[n]! * now - this.busyMoments[n]!;
  }

  addDepth(n: number, d: number, now: number): void {
    this.depthMoments[n]! += d * now;
    const v = (this.depth[n]! += d);
    if (v > this.depthMax[n]!) this.depthMax[n] = v;
  }

  /** A worker counted busy from now starts its service `by` seconds later: the area counts from then. */
  delayBusy(n: number, by: number): void {
    this.busyMoments[n]! += by;
  }

  addBusy(n: number, d: number, now: number): void {
    this.busyMoments[n]! += d * now;
    this.busy[n]! += d;
  }

  /** Ends warm-up at `now`: figures from here on. */
  startMeasuring(now: number): void {
    for (let n = 0; n < this.nodes; n++) {
      this.depthArea[n] = 0;
      this.busyArea[n] = 0;
      this.depthMax[n] = this.depth[n]!;
      // Areas from `now` on: as if the current depth and busy had been reached at `now`.
      this.depthMoments[n] = this.depth[n]! * now;
      this.busyMoments[n] = this.busy[n]! * now;
    }
    this.baseline.set(this.counters);
    this.hist.clear();
    this.ageMax.fill(0);
    this.ageSum.fill(0);
    this.ageSamples.fill(0);
    this.since = now;
  }

  /** A waiting message of bus n is `age` old as it leaves its head (taken, expired, evicted). */
  noteAge(n: number, age: number): void {
    if (age > this.ageMax[n]!) this.ageMax[n] = age;
  }

  /** The oldest waiting message of bus n is `age` old now (0 when none waits): one sample of it. */
  sampleAge(n: number, age: number): void {
    this.ageSum[n]! += age;
    this.ageSamples[n]!++;
    if (age > this.ageMax[n]!) this.ageMax[n] = age;
  }

  /** Counter c of node n since warm-up. */
  count(n: number, c: number): number {
    const i = n * COUNTERS + c;
    return this.counters[i]! - this.baseline[i]!;
  }

  sample(now: number): void {
    const row = this.seriesNext;
    this.seriesTimes[row] = now;
    const base = row * this.nodes * SF;
    for (let n = 0; n < this.nodes; n++) {
      const o = base + n * SF;
      this.seriesValues[o] = this.depth[n]!;
      this.seriesValues[o + 1] = this.busy[n]!;
      this.seriesValues[o + 2] = this.count(n, C_IN);
      this.seriesValues[o + 3] = this.count(n, C_OUT);
      this.seriesValues[o + 4] = this.count(n, C_DONE);
    }
    this.seriesNext = (row + 1) % this.seriesCapacity;
    if (this.seriesCount < this.seriesCapacity) this.seriesCount++;
  }

  /** The last `seriesCapacity` samples, oldest first (a copy). */
  series(): Series {
    const k = this.seriesCount;
    const stride = this.nodes * SF;
    const times = new Float64Array(k);
    const values = new Float64Array(k * stride);
    const first = (this.seriesNext - k + this.seriesCapacity) % this.seriesCapacity;
    for (let i = 0; i < k; i++) {
      const row = (first + i) % this.seriesCapacity;
      times[i] = this.seriesTimes[row]!;
      values.set(this.seriesValues.subarray(row * stride, (row + 1) * stride), i * stride);
    }
    return { times, values, fields: SERIES_FIELDS };
  }
}

/**
 * Depth per partition of every stream, summed over its consumer groups (the lag), as time-weighted
 * sums like Metrics' depth: partitions of node n are rows start[n] .. start[n] + count.
 */
export class PartitionDepths {
  readonly start: Int32Array;
  readonly depth: Float64Array;
  readonly max: Float64Array;
  private readonly moments: Float64Array;
  since = 0;

  constructor(partitionsPerNode: Int32Array) {
    this.start = new Int32Array(partitionsPerNode.length + 1);
    for (let n = 0; n < partitionsPerNode.length; n++)
      this.start[n + 1] = this.start[n]! + partitionsPerNode[n]!;
    const P = this.start[partitionsPerNode.length]!;
    this.depth = new Float64Array(P);
    this.max = new Float64Array(P);
    this.moments = new Float64Array(P);
  }

  add(n: number, p: number, d: number, now: number): void {
    const i = this.start[n]! + p;
    this.moments[i]! += d * now;
    const v = (this.depth[i]! += d);
    if (v > this.max[i]!) this.max[i] = v;
  }

  /** Time-weighted mean depth of partition p of node n from `since` to `now`. */
  mean(n: number, p: number, now: number): number {
    const i = this.start[n]! + p;
    const elapsed = now - this.since;
    return elapsed > 0 ? (this.depth[i]! * now - this.moments[i]!) / elapsed : 0;
  }

  startMeasuring(now: number): void {
    for (let i = 0; i < this.depth.length; i++) {
      this.max[i] = this.depth[i]!;
      this.moments[i] = this.depth[i]! * now;
    }
    this.since = now;
  }

  clear(): void {
    this.depth.fill(0);
    this.max.fill(0);
    this.moments.fill(0);
    this.since = 0;
  }
}
