// A sweep and the search for the smallest passing value, run on a sweep pool. Both end in the
// engine's own documents: each result is folded into its point as it comes (SweepFold, which
// folds a point's replications in their order whatever order they arrive in), so the app shows
// exactly what `simulate --sweep` prints for the same flow, values and seed. A run a guard
// stopped ends either with SweepHalted, naming the value, the seed and the reason.
import type { Halt } from '../engine/api';
import {
  Bisection,
  meetsWithConfidence,
  pointFlows,
  SweepFold,
  unitsOf,
  type SweepDocument,
  type SweepPoint,
  type SweepSpec,
  type SweepUnit,
} from '../engine/experiment';
import { formatDuration } from '../model/format';
import type { Flow } from '../model/flow';
import type { Slo } from '../model/slo';
import type { SweepPool } from './sweepPool';

export interface SweepRequest {
  flow: Flow;
  spec: SweepSpec;
  replications: number;
  /** Replication r of every point runs with seed + r (common random numbers). */
  seed: number;
  slos: readonly Slo[];
}

/**
 * A guard stopped one of the sweep's runs (the message limit, time that does not advance, a
 * deadlock): its figures cover only part of the run, so they are not averaged into a point and
 * the sweep gives no document. Says which value and seed, how far the run got, and why.
 */
export class SweepHalted extends Error {
  constructor(
    readonly path: string,
    readonly value: number,
    readonly unit: SweepUnit,
    readonly halt: Halt,
    /** The run's full length in simulated seconds. */
    readonly duration: number,
  ) {
    super(
      `the run of ${path} = ${value} with seed ${unit.seed} stopped at ${formatDuration(halt.time)} ` +
        `of ${formatDuration(duration)}: ${halt.message}`,
    );
    this.name = 'SweepHalted';
  }
}

/** What a sweep took: wall time from start to document, and the engine events it processed. */
export interface SweepCost {
  wallMs: number;
  events: number;
  runs: number;
  workers: number;
  /** Wall time the workers spent in runs, summed: over workers × wallMs, how busy the pool kept them. */
  busyMs: number;
}

export interface SweepOutcome {
  document: SweepDocument;
  cost: SweepCost;
}

/** Any of the point flows the engine's own validation refuses stops the sweep before a run starts. */
function flowsOf(flow: Flow, spec: SweepSpec): Flow[] {
  const flows = pointFlows(flow, spec);
  if (!flows.ok) throw new Error(flows.message);
  return flows.flows;
}

/** Engine events, runs and the workers' busy time, summed over every result as it comes. */
interface Tally {
  events: number;
  runs: number;
  busyMs: number;
}

/**
 * The document of `spec` over its point flows: each result folded into its point as it comes
 * (the engine's SweepFold, so the report is let go at once) and counted in `tally`. Throws
 * SweepHalted when a guard stopped a run.
 */
async function sweepOn(
  pool: SweepPool,
  req: SweepRequest,
  spec: SweepSpec,
  tally: Tally,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepDocument> {
  const fold = new SweepFold(spec, req.replications, req.seed, req.slos);
  const units = unitsOf(spec.values.length, req.replications, req.seed);
  const outcome = await pool.run({ flows: flowsOf(req.flow, spec), units }, (result, done, total) => {
    fold.add(result.unit, result.report);
    tally.events += result.report.events;
    tally.runs++;
    tally.busyMs += result.wallMs;
    onProgress?.(done, total);
  });
  if (outcome.ok) return fold.document();
  const { unit, halt, duration } = outcome;
  throw new SweepHalted(spec.path, spec.values[unit.point]!, unit, halt, duration);
}

const newTally = (): Tally => ({ events: 0, runs: 0, busyMs: 0 });

const costOf = ({ events, runs, busyMs }: Tally, wallMs: number, workers: number): SweepCost => ({
  wallMs,
  events,
  runs,
  workers,
  busyMs,
});

export async function runSweep(
  pool: SweepPool,
  req: SweepRequest,
  now: () => number,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepOutcome> {
  const start = now();
  const tally = newTally();
  const document = await sweepOn(pool, req, req.spec, tally, onProgress);
  const workers = Math.min(pool.size, req.spec.values.length * req.replications);
  return { document, cost: costOf(tally, now() - start, workers) };
}

/** One value the search tried: its point (as a sweep of that value alone gives it) and whether it met the objectives. */
export interface Probe {
  value: number;
  point: SweepPoint;
  pass: boolean;
}

export interface SearchOutcome {
  /** The field searched, and its values in ascending order. */
  path: string;
  values: number[];
  /** The smallest value that meets every objective with 95 % confidence, or null when even the largest does not. */
  answer: Probe | null;
  /** In the order tried. */
  probes: Probe[];
  cost: SweepCost;
}

/**
 * The smallest of `values` meeting the objectives with 95 % confidence (meetsWithConfidence), by
 * bisection (the engine's Bisection: largest first, then halving), each value run with every
 * replication. Assumes passing is monotone in the value, as more workers or more capacity is.
 */
export async function findSmallest(
  pool: SweepPool,
  req: SweepRequest,
  now: () => number,
  onProbe?: (tried: number, value: number) => void,
): Promise<SearchOutcome> {
  if (req.slos.length === 0)
    throw new Error('add an objective first: the search looks for a value meeting it');
  const values = [...new Set(req.spec.values)].sort((a, b) => a - b);
  // Every value up front: a refused one is said before any run, as a sweep does.
  flowsOf(req.flow, { path: req.spec.path, values });
  const start = now();
  const search = new Bisection(values.length);
  const probes: Probe[] = [];
  const tally = newTally();
  for (let i = search.next(); i !== null; i = search.next()) {
    const value = values[i]!;
    onProbe?.(probes.length, value);
    const spec = { path: req.spec.path, values: [value] };
    const point = (await sweepOn(pool, req, spec, tally)).points[0]!;
    const pass = meetsWithConfidence(point, req.slos);
    search.record(i, pass);
    probes.push({ value, point, pass });
  }
  const found = search.answer;
  return {
    path: req.spec.path,
    values,
    answer: found === null ? null : probes.find((p) => p.value === values[found])!,
    probes,
    cost: costOf(tally, now() - start, Math.min(pool.size, req.replications)),
  };
}
