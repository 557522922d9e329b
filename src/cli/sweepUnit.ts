// What the main thread and the worker threads of a sweep share: the plan, sent to each worker
// once (every point's flow, so a flow is cloned into a thread once, not once per run), and the
// messages between them. Each unit runs with engine/experiment's runUnit on either side.
import type { RunLimits } from '../engine/api';
import type { SweepUnit, UnitRun } from '../engine/experiment';
import type { Flow } from '../model/flow';

/** Everything a run needs besides its unit: the same for every unit of a sweep. */
export interface SweepPlan {
  /** Each point's flow, validated and runnable, with its run length and warm-up in its settings. */
  flows: Flow[];
  /** The engine's limits (--max-messages). */
  limits: Partial<RunLimits>;
}

/** Main thread → worker. */
export type ToWorker =
  /** The sweep's plan, first and once. */
  | { type: 'plan'; plan: SweepPlan }
  /** Units to run, in order; the worker answers each, then says `listDone`. */
  | { type: 'units'; units: SweepUnit[] };

/** Worker → main thread. */
export type FromWorker = { type: 'outcome'; outcome: UnitRun } | { type: 'listDone' };
