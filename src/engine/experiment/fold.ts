// A sweep's document built as its runs come in, so that a host keeps each report only until it is
// folded into its point, not until the sweep ends. Every number of a report is folded into a
// running sum (its mean: the same sum, in the same order, as adding the R values up at the end)
// and Welford's running M2 (its variance, without a second pass over the values). Runs arrive in
// any order (threads, workers, shards), and floating-point sums depend on order, so a point folds
// its replications in replication order: a report that comes early waits for those before it.
// The document is then the same, to the bit, however the runs were spread. Hosts hand out units
// in order, so few reports wait at once.
import { checkSlos, type Slo } from '../../model/slo';
import type { SimulationReport } from '../api';
import { bucketHalfWidth } from '../histogram';
import { PERCENTILES, t975 } from './aggregate';
import type { Aggregate, ReportStat, SweepDocument, SweepPoint, SweepSpec, SweepUnit } from './types';

/** Where each figure of a report is: a number (its slot in the sums), text, a list or an object. */
type Shape =
  | { kind: 'number'; slot: number; percentile: boolean }
  | { kind: 'text'; value: unknown }
  | { kind: 'list'; items: Shape[] }
  | { kind: 'object'; keys: string[]; items: Shape[] };

/** The running figures of one point: the report's shape (from replication 0) and a slot per number. */
class PointSums {
  readonly shape: Shape;
  private slots = 0;
  private readonly sum: Float64Array;
  /** Welford's running mean and sum of squared deviations. */
  private readonly mean: Float64Array;
  private readonly m2: Float64Array;
  /** Σ bucket half-widths, for percentiles (aggregate.ts). */
  private readonly rounding: Float64Array;
  /** A run without the figure (a drain time that never came): no mean, no interval, whatever the sums hold. */
  private readonly missing: Uint8Array;
  private n = 0;

  constructor(first: unknown) {
    this.shape = this.shapeOf(first, '');
    this.sum = new Float64Array(this.slots);
    this.mean = new Float64Array(this.slots);
    this.m2 = new Float64Array(this.slots);
    this.rounding = new Float64Array(this.slots);
    this.missing = new Uint8Array(this.slots);
  }

  // Numbers and nulls are figures; lists and objects are walked by the first run's elements and
  // keys; anything else (a node's kind) is text, the same in every run.
  private shapeOf(value: unknown, key: string): Shape {
    if (typeof value === 'number' || value === null)
      return { kind: 'number', slot: this.slots++, percentile: PERCENTILES.has(key) };
    if (Array.isArray(value)) return { kind: 'list', items: value.map((v: unknown) => this.shapeOf(v, '')) };
    if (typeof value === 'object') {
      const keys = Object.keys(value);
      const record = value as Record<string, unknown>;
      return { kind: 'object', keys, items: keys.map((k) => this.shapeOf(record[k], k)) };
    }
    return { kind: 'text', value };
  }

  add(report: unknown): void {
    this.n++;
    this.fold(this.shape, report);
  }

  private fold(shape: Shape, value: unknown): void {
    switch (shape.kind) {
      case 'number': {
        const i = shape.slot;
        if (typeof value !== 'number') {
          this.missing[i] = 1;
          return;
        }
        this.sum[i]! += value;
        const delta = value - this.mean[i]!;
        this.mean[i]! += delta / this.n;
        this.m2[i]! += delta * (value - this.mean[i]!);
        if (shape.percentile) this.rounding[i]! += bucketHalfWidth(value);
        return;
      }
      case 'list':
        shape.items.forEach((s, k) =>
          this.fold(s, Array.isArray(value) ? (value as unknown[])[k] : undefined),
        );
        return;
      case 'object': {
        const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
        shape.keys.forEach((k, j) =>
          this.fold(shape.items[j]!, Object.hasOwn(record, k) ? record[k] : undefined),
        );
        return;
      }
      case 'text':
        return;
    }
  }

  /** The mean, or the 95 % half-width (null for one run): a report-shaped tree. */
  out(which: 'mean' | 'half', shape: Shape = this.shape): Aggregate<unknown> {
    switch (shape.kind) {
      case 'number': {
        const i = shape.slot;
        if (this.missing[i]) return null;
        if (which === 'mean') return this.sum[i]! / this.n;
        if (this.n < 2) return null;
        const half = t975(this.n - 1) * Math.sqrt(this.m2[i]! / (this.n - 1) / this.n);
        return shape.percentile ? half + this.rounding[i]! / this.n : half;
      }
      case 'list':
        return shape.items.map((s) => this.out(which, s));
      case 'object': {
        // Null prototype: node ids such as "__proto__" are keys like any other.
        const out = Object.create(null) as Record<string, unknown>;
        shape.keys.forEach((k, j) => (out[k] = this.out(which, shape.items[j]!)));
        return out;
      }
      case 'text':
        return shape.value;
    }
  }
}

interface PointState {
  /** The next replication to fold. */
  next: number;
  /** Reports that came before the replications ahead of them. */
  waiting: Map<number, SimulationReport>;
  sums: PointSums | null;
  done: SweepPoint | null;
}

/**
 * The sweep's document from its units' reports, given one by one in any order (add), each
 * released once folded. document() when every unit is in; SLOs are checked on each point's mean.
 */
export class SweepFold {
  private readonly points: PointState[];

  constructor(
    private readonly spec: SweepSpec,
    private readonly replications: number,
    private readonly seed: number,
    private readonly slos: readonly Slo[] = [],
  ) {
    this.points = spec.values.map(() => ({ next: 0, waiting: new Map(), sums: null, done: null }));
  }

  add(unit: SweepUnit, report: SimulationReport): void {
    const p = this.points[unit.point];
    const r = unit.replication;
    if (!p || !Number.isInteger(r) || r < 0 || r >= this.replications)
      throw new Error(
        `no unit ${unit.point}/${r} in a sweep of ${this.spec.values.length} × ${this.replications}`,
      );
    if (r < p.next || p.waiting.has(r)) throw new Error(`unit ${unit.point}/${r} is given twice`);
    p.waiting.set(r, report);
    for (let next = p.waiting.get(p.next); next; next = p.waiting.get(p.next)) {
      p.waiting.delete(p.next);
      p.next++;
      // Wall time varies from run to run; a document must not depend on where each ran.
      const plain = { ...next, wallMs: 0 };
      p.sums ??= new PointSums(plain);
      p.sums.add(plain);
    }
    if (p.next === this.replications && !p.done) {
      p.done = this.pointOf(unit.point, p.sums!);
      p.sums = null;
    }
  }

  private pointOf(i: number, sums: PointSums): SweepPoint {
    const mean = sums.out('mean') as ReportStat;
    const ci95 = sums.out('half') as ReportStat;
    const seeds = Array.from({ length: this.replications }, (_, r) => this.seed + r);
    const point = { value: this.spec.values[i]!, seeds, mean, ci95 };
    // Checked on the mean as a report: its numbers are all there (null only where a run had none).
    return this.slos.length ? { ...point, slos: checkSlos(mean, this.slos) } : point;
  }

  document(): SweepDocument {
    return {
      sweep: this.spec,
      replications: this.replications,
      seed: this.seed,
      points: this.points.map((p, i) => {
        if (p.done) return p.done;
        const have = p.next + p.waiting.size;
        throw new Error(
          `point ${i} (${this.spec.values[i]}) has ${have} of ${this.replications} replications`,
        );
      }),
    };
  }
}
