// The table of scheduled actions: things due at set simulated times rather than caused by other
// events (the end of warm-up, chart samples; faults, load changes and checkpoints next). A row is
// data — when, what, on which target, with which value, how often — and the run loop knows only
// one event kind for all of them (EV.action, argument: the row); actions.ts says what each does.
import { checkEventArg } from './events';

/** What a row does when it is due. */
export const ACTION = {
  /** Figures start here: counters are baselined, histograms and areas restart. */
  endWarmup: 0,
  /** A time-series sample; repeats every `period`. */
  sample: 1,
  /** Fault `target` (its number in the flow's faults) begins. */
  faultStart: 2,
  /** Fault `target` ends. */
  faultEnd: 3,
} as const;
export type ActionKind = (typeof ACTION)[keyof typeof ACTION];

export interface ActionRow {
  at: number;
  action: ActionKind;
  /** > 0: due again every `period` seconds after it runs. */
  period: number;
  /** A node or edge index, or -1. */
  target: number;
  value: number;
}

export class Timeline {
  readonly rows: ActionRow[] = [];

  add(at: number, action: ActionKind, options: Partial<Omit<ActionRow, 'at' | 'action'>> = {}): number {
    checkEventArg(this.rows.length + 1, 'scheduled actions');
    return this.rows.push({ at, action, period: 0, target: -1, value: 0, ...options }) - 1;
  }
}
