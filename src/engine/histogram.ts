// Latency histograms with bounded memory and bounded relative error (HDR-style). A value's bucket
// is its float64 exponent plus the top SUB_BITS bits of its mantissa, read straight from the bit
// pattern: 64 buckets per power of two, so a bucket spans a factor of 1 + 1/64 and reporting its
// midpoint is within 1/128 (< 0.8%) of any value inside it (the worst case is the bucket's low end). Range 2^-30 s (~1 ns) to 2^24 s
// (~194 days); smaller values share the lowest bucket, larger the highest (max stays exact).

const SUB_BITS = 6;
const SUB = 1 << SUB_BITS;
const MIN_EXP = -30;
const MAX_EXP = 24;
const BIASED_MIN = MIN_EXP + 1023;
export const HISTOGRAM_BUCKETS = (MAX_EXP - MIN_EXP) * SUB + 1;
/** (biased exponent << SUB_BITS | top mantissa bits) − BUCKET_BIAS = bucket index (see bucketOf). */
const BUCKET_BIAS = BIASED_MIN * SUB - 1;

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
// Index of the high word of a float64 in a Uint32 view (1 on little-endian machines).
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Bucket index of a value ≥ 0 (bucket 0 holds everything below 2^MIN_EXP, including 0). */
export function bucketOf(x: number): number {
  f64[0] = x;
  const hi = u32[HI]!;
  const e = (hi >>> 20) - BIASED_MIN;
  if (e < 0) return 0;
  const i = e * SUB + ((hi >>> (20 - SUB_BITS)) & (SUB - 1)) + 1;
  return i < HISTOGRAM_BUCKETS ? i : HISTOGRAM_BUCKETS - 1;
}

/** Midpoint of a bucket's range: the value reported for every sample in it. */
export function bucketValue(i: number): number {
  if (i === 0) return 0;
  const e = Math.floor((i - 1) / SUB);
  const m = (i - 1) % SUB;
  return Math.pow(2, e + MIN_EXP) * (1 + (m + 0.5) / SUB);
}

/**
 * How far the exact quantile may be from a reported one: half the width of the bucket the
 * reported value lies in (a bucket's midpoint, or the exact max when that is lower, is within
 * half a bucket of every value in it: 1/129 of the value at most). 0 for 0, which stands for
 * values below 2^MIN_EXP (about 1 ns, under the shortest time a flow may hold).
 */
export function bucketHalfWidth(x: number): number {
  const i = bucketOf(x);
  if (i === 0) return 0;
  return Math.pow(2, Math.floor((i - 1) / SUB) + MIN_EXP) / SUB / 2;
}

// Per-row summary slots in HistogramSet.stats (sum, max): one array, adjacent values.
const S_SUM = 0;
const S_MAX = 1;
const S_STRIDE = 2;
/** The max of a row nothing was recorded in (values are ≥ 0). */
const EMPTY = -1;

/**
 * Many histograms in one Float64Array (row h = histogram h), plus the exact sum and max per row,
 * so per-node histograms cost no objects and recording touches two arrays. The count is the sum
 * of a row's buckets, computed when read (reads are rare, records are per event).
 */
export class HistogramSet {
  readonly counts: Float64Array;
  readonly stats: Float64Array;

  constructor(readonly rows: number) {
    this.counts = new Float64Array(rows * HISTOGRAM_BUCKETS);
    this.stats = new Float64Array(rows * S_STRIDE);
    this.clear();
  }

  record(h: number, x: number): void {
    this.counts[h * HISTOGRAM_BUCKETS + bucketOf(x)]!++;
    const s = this.stats;
    const o = h * S_STRIDE;
    s[o + S_SUM]! += x;
    if (x > s[o + S_MAX]!) s[o + S_MAX] = x;
  }

  /**
   * Values for recordStaged(), written by the caller: that call then takes integers only (a
   * double passed to a call that is not inlined is boxed, one allocation per value).
   */
  readonly staged = new Float64Array(4);
  private readonly stagedBits = new Uint32Array(this.staged.buffer);

  /**
   * A handler's rows h, h + 1, h + 2 (wait, service, sojourn) from staged[0..2], and when
   * e2e ≥ 0 row e2e (end to end) from staged[3]: the same as four record() calls.
   */
  recordStaged(h: number, e2e: number): void {
    this.put(h, 0);
    this.put(h + 1, 1);
    this.put(h + 2, 2);
    if (e2e >= 0) this.put(e2e, 3);
  }

  /** record(row, staged[i]), bucketing from the high word of staged[i] in place. */
  recordStagedAt(row: number, i: number): void {
    this.put(row, i);
  }

  private put(row: number, i: number): void {
    // The high word's bits 14–30 are the exponent then the top SUB_BITS of the mantissa, so one
    // shift and one subtraction give the bucket (values are ≥ 0: the sign bit is 0).
    let b = (this.stagedBits[2 * i + HI]! >>> (20 - SUB_BITS)) - BUCKET_BIAS;
    if (b < 0) b = 0;
    else if (b >= HISTOGRAM_BUCKETS) b = HISTOGRAM_BUCKETS - 1;
    this.counts[row * HISTOGRAM_BUCKETS + b]!++;
    const x = this.staged[i]!;
    const s = this.stats;
    const o = row * S_STRIDE;
    s[o + S_SUM]! += x;
    if (x > s[o + S_MAX]!) s[o + S_MAX] = x;
  }

  clear(): void {
    this.counts.fill(0);
    this.stats.fill(0);
    // A row's max starts below every value: a row nothing was recorded in is known without
    // scanning its buckets (most rows of a big flow are buses' and stay empty).
    for (let o = S_MAX; o < this.stats.length; o += S_STRIDE) this.stats[o] = EMPTY;
  }

  private empty(h: number): boolean {
    return this.stats[h * S_STRIDE + S_MAX]! === EMPTY;
  }

  count(h: number): number {
    if (this.empty(h)) return 0;
    let c = 0;
    const base = h * HISTOGRAM_BUCKETS;
    for (let i = 0; i < HISTOGRAM_BUCKETS; i++) c += this.counts[base + i]!;
    return c;
  }

  max(h: number): number {
    return this.empty(h) ? 0 : this.stats[h * S_STRIDE + S_MAX]!;
  }

  mean(h: number): number {
    const c = this.count(h);
    return c > 0 ? this.stats[h * S_STRIDE + S_SUM]! / c : 0;
  }

  /** The q-quantile (0 < q ≤ 1) by nearest rank; 0 when empty. Never above the exact max. */
  quantile(h: number, q: number): number {
    return this.quantiles(h, [q])[0]!;
  }

  /**
   * The given quantiles (ascending) of row h, in one pass over its buckets after count()'s; all 0
   * when nothing was recorded (no pass at all).
   */
  quantiles(h: number, qs: readonly number[]): number[] {
    const c = this.count(h);
    if (c === 0) return qs.map(() => 0);
    const max = this.max(h);
    const out: number[] = [];
    const base = h * HISTOGRAM_BUCKETS;
    let seen = 0;
    for (let i = 0; i < HISTOGRAM_BUCKETS && out.length < qs.length; i++) {
      seen += this.counts[base + i]!;
      while (out.length < qs.length && seen >= Math.max(1, Math.ceil(qs[out.length]! * c)))
        out.push(Math.min(max, bucketValue(i)));
    }
    while (out.length < qs.length) out.push(max);
    return out;
  }
}
