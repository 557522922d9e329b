// A sweep's points and units, its document, and the search for the smallest passing value. Any
// host (the CLI's worker threads, the app's Web Workers, a shard on a batch runner) runs units
// with runUnit() (unit.ts); whatever order they finish in, a SweepFold (fold.ts) folds each
// point's replications in order, so the document is the same.
import type { Flow } from '../../model/flow';
import { metricValue, type Slo } from '../../model/slo';
import type { SimulationReport } from '../api';
import { SweepFold } from './fold';
import { applySweepValue, shardOf, sweepUnits } from './sweep';
import type { SweepDocument, SweepSpec, SweepUnit } from './types';

/** The flow of each point, validated once; the first refused value stops the sweep before any run. */
export function pointFlows(
  flow: Flow,
  spec: SweepSpec,
): { ok: true; flows: Flow[] } | { ok: false; message: string } {
  const flows: Flow[] = [];
  for (const v of spec.values) {
    const r = applySweepValue(flow, spec.path, v);
    if (!r.ok) return r;
    flows.push(r.value);
  }
  return { ok: true, flows };
}

/** Unit order: point by point, replications in order (the order a shard lists its runs in). */
export const byUnit = (a: { unit: SweepUnit }, b: { unit: SweepUnit }): number =>
  a.unit.point - b.unit.point || a.unit.replication - b.unit.replication;

/**
 * The sweep's document from every unit's report (any order), SLOs checked on each point's mean:
 * a SweepFold given them all. A host that gets reports one at a time folds them as they come.
 */
export function sweepDocument(
  spec: SweepSpec,
  replications: number,
  seed: number,
  results: readonly { unit: SweepUnit; report: SimulationReport }[],
  slos: readonly Slo[] = [],
): SweepDocument {
  const fold = new SweepFold(spec, replications, seed, slos);
  for (const { unit, report } of results) fold.add(unit, report);
  return fold.document();
}

/** The units of a sweep, or of one shard of it. */
export const unitsOf = (
  points: number,
  replications: number,
  seed: number,
  shard?: { index: number; count: number },
): SweepUnit[] => {
  const all = sweepUnits(points, replications, seed);
  return shard ? shardOf(all, shard.index, shard.count) : all;
};

/**
 * The smallest of `n` ascending values that passes, by bisection, assuming that passing is
 * monotone in the value (more workers never make p99 worse). Ask next() which index to try,
 * record() the outcome; `answer` is the index found, or null when even the largest fails.
 */
export class Bisection {
  private lo = -1;
  private hi: number;
  readonly tried: { index: number; pass: boolean }[] = [];
  constructor(private readonly n: number) {
    this.hi = n;
  }
  next(): number | null {
    if (this.hi - this.lo <= 1) return null;
    // The largest first: if it fails, nothing passes and the search ends at once.
    if (this.hi === this.n && this.tried.length === 0) return this.n - 1;
    return (this.lo + this.hi) >> 1;
  }
  record(index: number, pass: boolean): void {
    this.tried.push({ index, pass });
    if (pass) this.hi = index;
    else if (index === this.n - 1) this.lo = this.hi = this.n;
    else this.lo = index;
  }
  get answer(): number | null {
    return this.hi < this.n ? this.hi : null;
  }
}

/**
 * Whether a point meets every objective with 95 % confidence: the bound of the interval on the
 * wrong side must meet it (mean + half-width for "below" objectives, mean − half-width for
 * "above"). A single replication has no interval, so it is never confident.
 */
export function meetsWithConfidence(
  point: Pick<SweepDocument['points'][number], 'mean' | 'ci95'>,
  slos: readonly Slo[],
): boolean {
  return slos.every((s) => {
    const mean = metricValue(point.mean, s.metric);
    const half = metricValue(point.ci95, s.metric);
    if (mean === null || half === null) return false;
    return (
      (s.lt === undefined || mean + half < s.lt) &&
      (s.lte === undefined || mean + half <= s.lte) &&
      (s.gt === undefined || mean - half > s.gt) &&
      (s.gte === undefined || mean - half >= s.gte) &&
      (s.eq === undefined || (mean - half <= s.eq && s.eq <= mean + half))
    );
  });
}
