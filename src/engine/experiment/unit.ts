// One run of a sweep, as every host makes it (the CLI's threads, the app's Web Workers, a shard on
// a batch runner), so that a unit's outcome is the same wherever it ran. Its length comes from
// the point's own flow: a sweep of settings.duration or settings.warmup changes each point's runs.
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { Flow } from '../../model/flow';
import type { Halt, RunLimits, SimulationReport } from '../api';
import { createEngineSimulation } from '../simulation';
import type { SweepUnit } from './types';

/** How long a run lasts and how much of its start is left out of the figures, in seconds. */
export interface RunTimes {
  duration: number;
  warmup: number;
}

/** A flow's run length and warm-up: its settings (for a sweep point, with the swept value), else the defaults. */
export const runTimesOf = (flow: Flow): RunTimes => ({
  duration: flow.settings?.duration ?? DEFAULT_SETTINGS.duration,
  warmup: flow.settings?.warmup ?? DEFAULT_SETTINGS.warmup,
});

/**
 * A unit's outcome: its report (wall time 0, so that a document does not depend on which host ran
 * what), or the guard that stopped it. A stopped run's figures cover only the part that ran, so
 * they never reach a point's mean: a host says which point and seed stopped, and why.
 */
export type UnitRun =
  | { ok: true; unit: SweepUnit; report: SimulationReport }
  | { ok: false; unit: SweepUnit; halt: Halt; duration: number };

/** Runs a point's flow with the unit's seed, within `limits` (the engine's defaults otherwise). */
export function runUnit(flow: Flow, unit: SweepUnit, limits: Partial<RunLimits> = {}): UnitRun {
  const { duration, warmup } = runTimesOf(flow);
  const sim = createEngineSimulation(flow, { seed: unit.seed, duration, warmup, limits });
  sim.advanceTo(duration);
  if (sim.halted) return { ok: false, unit, halt: sim.halted, duration };
  return { ok: true, unit, report: { ...sim.report(), wallMs: 0 } };
}
