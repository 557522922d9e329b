// One run of a sweep, as the main thread and the worker threads both make it, and the messages
// between them. A worker gets the plan once (every point's flow) and then lists of units, so a
// flow is cloned into a thread once, not once per run.
import type { Halt, SimulationReport } from '../engine/api';
import type { SweepUnit } from '../engine/experiment';
import { createEngineSimulation } from '../engine/simulation';
import type { Flow } from '../model/flow';

/** How long a point's runs are (a sweep of settings.duration or settings.warmup varies them). */
export interface RunTimes {
  duration: number;
  warmup: number;
}

/** Everything a run needs besides its unit: the same for every unit of a sweep. */
export interface SweepPlan {
  /** Each point's flow, validated and runnable. */
  flows: Flow[];
  times: RunTimes[];
  /** The engine's message limit, when --max-messages gives one. */
  maxMessages?: number;
}

export type UnitOutcome =
  { unit: SweepUnit; report: SimulationReport } | { unit: SweepUnit; halt: Halt; duration: number };

/**
 * The unit's run: engine/experiment's runUnit (wall time 0, so documents do not depend on which
 * thread ran what), except that a run a guard stopped is said so. runUnit would return the
 * figures of the part that ran as if it had finished, and a sweep must not average those in.
 */
export function runPlanUnit(plan: SweepPlan, unit: SweepUnit): UnitOutcome {
  const { duration, warmup } = plan.times[unit.point]!;
  const sim = createEngineSimulation(plan.flows[unit.point]!, {
    seed: unit.seed,
    duration,
    warmup,
    ...(plan.maxMessages !== undefined ? { limits: { maxMessages: plan.maxMessages } } : {}),
  });
  sim.advanceTo(duration);
  if (sim.halted) return { unit, halt: sim.halted, duration };
  return { unit, report: { ...sim.report(), wallMs: 0 } };
}

/** Main thread → worker. */
export type ToWorker =
  /** The sweep's plan, first and once. */
  | { type: 'plan'; plan: SweepPlan }
  /** Units to run, in order; the worker answers each, then says `listDone`. */
  | { type: 'units'; units: SweepUnit[] };

/** Worker → main thread. */
export type FromWorker = { type: 'outcome'; outcome: UnitOutcome } | { type: 'listDone' };
