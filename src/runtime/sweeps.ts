// A sweep and the search for the smallest passing value, run on a sweep pool. Both end in the
// engine's own documents: the results go through sweepDocument (which sorts them into unit order),
// so the app shows exactly what `simulate --sweep` prints for the same flow, values and seed. A
// run a guard stopped ends either with SweepHalted, naming the value, the seed and the reason.
import type { Halt } from '../engine/api';
import {
  Bisection,
  meetsWithConfidence,
  pointFlows,
  sweepDocument,
  unitsOf,
  type SweepDocument,
  type SweepPoint,
  type SweepSpec,
  type SweepUnit,
} from '../engine/experiment';
import { formatDuration } from '../model/format';
import type { Flow } from '../model/flow';
import type { Slo } from '../model/slo';
import type { SweepJob, SweepPool, UnitResult } from './sweepPool';

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

/** Every result of the job, in unit order; throws SweepHalted when a guard stopped a run. */
async function runJob(
  pool: SweepPool,
  spec: SweepSpec,
  job: SweepJob,
  onUnit?: (done: number, total: number) => void,
): Promise<UnitResult[]> {
  const outcome = await pool.run(job, onUnit);
  if (outcome.ok) return outcome.results;
  const { unit, halt, duration } = outcome;
  throw new SweepHalted(spec.path, spec.values[unit.point]!, unit, halt, duration);
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

const costOf = (results: readonly UnitResult[], wallMs: number, workers: number): SweepCost => {
  let events = 0;
  let busyMs = 0;
  for (const r of results) {
    events += r.report.events;
    busyMs += r.wallMs;
  }
  return { wallMs, events, runs: results.length, workers, busyMs };
};

export async function runSweep(
  pool: SweepPool,
  req: SweepRequest,
  now: () => number,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepOutcome> {
  const start = now();
  const flows = flowsOf(req.flow, req.spec);
  const units = unitsOf(req.spec.values.length, req.replications, req.seed);
  const results = await runJob(pool, req.spec, { flows, units }, onProgress);
  const document = sweepDocument(req.spec, req.replications, req.seed, results, req.slos);
  return {
    document,
    cost: costOf(results, now() - start, Math.min(pool.size, units.length)),
  };
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
  const all: UnitResult[] = [];
  for (let i = search.next(); i !== null; i = search.next()) {
    const value = values[i]!;
    onProbe?.(probes.length, value);
    const spec = { path: req.spec.path, values: [value] };
    const units = unitsOf(1, req.replications, req.seed);
    const results = await runJob(pool, spec, { flows: flowsOf(req.flow, spec), units });
    const point = sweepDocument(spec, req.replications, req.seed, results, req.slos).points[0]!;
    const pass = meetsWithConfidence(point, req.slos);
    search.record(i, pass);
    probes.push({ value, point, pass });
    all.push(...results);
  }
  const found = search.answer;
  return {
    path: req.spec.path,
    values,
    answer: found === null ? null : probes.find((p) => p.value === values[found])!,
    probes,
    cost: costOf(all, now() - start, Math.min(pool.size, req.replications)),
  };
}
