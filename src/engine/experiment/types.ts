// Experiments (sweeps, replications, SLO checks): the documents the CLI prints and the app shows
// (docs/cli.md, "Sweeps"). Pure data, shared by the CLI's worker threads and the app's Web Workers.
import type { SimulationReport } from '../api';
import type { Slo, SloResult } from '../../model/slo';

/** What a sweep varies: a path into the flow (or `load`) and the values it takes, in order. */
export interface SweepSpec {
  path: string;
  values: number[];
}

/** One run of a sweep: point `point` (an index into values), replication `replication`, its seed. */
export interface SweepUnit {
  point: number;
  replication: number;
  seed: number;
}

/**
 * A report with every number replaced by a statistic over replications (the mean, or the
 * half-width of its 95 % t-interval). A figure some replications lack (a drain time that never
 * came) is null; so is every half-width of a single replication.
 */
export type Aggregate<T> = T extends number
  ? number | null
  : T extends null
    ? null
    : T extends readonly (infer U)[]
      ? Aggregate<U>[]
      : T extends object
        ? { [K in keyof T]: Aggregate<T[K]> }
        : T;

export type ReportStat = Aggregate<SimulationReport>;

export interface SweepPoint {
  value: number;
  seeds: number[];
  mean: ReportStat;
  ci95: ReportStat;
  /** The flow's SLOs (and --assert's) checked on the mean, when there are any. */
  slos?: SloResult[];
}

/** The document `simulate --sweep` prints (and `merge` rebuilds from shards, bit for bit). */
export interface SweepDocument {
  sweep: SweepSpec;
  replications: number;
  seed: number;
  points: SweepPoint[];
}

/** What one shard prints: what it is of, and its units' full reports, for `merge`. */
export interface SweepShard {
  sweep: SweepSpec;
  replications: number;
  seed: number;
  shard: { index: number; count: number };
  /** "sha256:…" of the flow as run and of the run limits (shards.ts, sweepFingerprint). */
  fingerprint: string;
  /** The objectives checked on each point's mean, when there are any, so that merge checks them as the sweep would. */
  slos?: Slo[];
  units: (SweepUnit & { report: SimulationReport })[];
}
