// Sweep units run for tests: a point's flow for the times a test gives, its report or the test fails.
import type { Flow } from '../../model/flow';
import type { SimulationReport } from '../api';
import { runUnit, type RunTimes, type SweepUnit } from '../experiment';

/** The flow with these run times in its settings, which is where runUnit reads them. */
export const withTimes = (flow: Flow, times: RunTimes): Flow => ({
  ...flow,
  settings: { ...flow.settings, ...times },
});

/** The unit's result as sweepDocument takes it; throws when a guard stopped the run. */
export function ranUnit(
  flow: Flow,
  unit: SweepUnit,
  times: RunTimes,
): { unit: SweepUnit; report: SimulationReport } {
  const run = runUnit(withTimes(flow, times), unit);
  if (!run.ok) throw new Error(`unit ${unit.point}/${unit.replication} stopped: ${run.halt.message}`);
  return { unit, report: run.report };
}
