// The next sweep as the setup describes it, checked before anything runs: the field (back to the
// load when the flow no longer has it), the values, the replications, the runs' settings from the
// flow, and the first value the engine's validation refuses, said as the CLI says it.
import {
  MAX_SWEEP_RUNS,
  pointFlows,
  runTimesOf,
  type RunTimes,
  type SweepSpec,
} from '../../engine/experiment';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { Flow } from '../../model/flow';
import { formatCount } from '../../model/format';
import type { ExperimentSetup } from '../../store/slices/experimentSlice';
import { LOAD_FIELD, parseValues, sweepFields, type SweepField } from './sweepFields';

export const MAX_REPLICATIONS = 100;

export interface SweepPlan {
  field: SweepField;
  spec: SweepSpec;
  replications: number;
  seed: number;
  /** The flow's run length and warm-up, which every run of the sweep takes. */
  settings: RunTimes;
  runs: number;
}

export type Planned =
  { ok: true; field: SweepField; plan: SweepPlan } | { ok: false; field: SweepField; message: string };

/** The field the setup names, or the load when the flow has no such field (another flow was loaded). */
export function fieldOf(flow: Flow, path: string): SweepField {
  return sweepFields(flow).find((f) => f.path === path) ?? LOAD_FIELD;
}

export function planSweep(flow: Flow, setup: ExperimentSetup): Planned {
  const field = fieldOf(flow, setup.path);
  const parsed = parseValues(setup.values);
  if (!parsed.ok) return { ok: false, field, message: `Values: ${parsed.message}` };
  const r = setup.replications;
  if (!Number.isInteger(r) || r < 1 || r > MAX_REPLICATIONS)
    return {
      ok: false,
      field,
      message: `Replications: must be a whole number from 1 to ${MAX_REPLICATIONS}`,
    };
  const runs = parsed.values.length * r;
  if (runs > MAX_SWEEP_RUNS)
    return {
      ok: false,
      field,
      message: `${formatCount(runs)} runs is more than a sweep takes (${formatCount(MAX_SWEEP_RUNS)})`,
    };
  const spec = { path: field.path, values: parsed.values };
  const flows = pointFlows(flow, spec);
  if (!flows.ok) return { ok: false, field, message: flows.message };
  return {
    ok: true,
    field,
    plan: {
      field,
      spec,
      replications: r,
      seed: flow.settings?.seed ?? DEFAULT_SETTINGS.seed,
      settings: runTimesOf(flow),
      runs,
    },
  };
}
