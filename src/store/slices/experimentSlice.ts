// The Experiment region's state: what the next sweep varies and how (not part of the document, so
// not in undo history), the task under way (a sweep or a search, with its progress), and the last
// results. The results keep the flow they were run on, so they stay readable after edits and say so.
import type { StateCreator } from 'zustand';
import type { RunTimes, SweepDocument } from '../../engine/experiment';
import type { Flow } from '../../model/flow';
import type { Slo } from '../../model/slo';
import type { SearchOutcome, SweepCost } from '../../runtime/sweeps';
import type { App } from '../types';

/** A sweep's values as typed: a list ("1, 2, 4") or a range from, to, step (the CLI's FROM:TO:STEP). */
export interface SweepValues {
  mode: 'list' | 'range';
  list: string;
  from: string;
  to: string;
  step: string;
}

export interface ExperimentSetup {
  /** The swept field's path (engine/experiment applySweepValue), or "load". */
  path: string;
  values: SweepValues;
  replications: number;
}

export interface ExperimentTask {
  kind: 'sweep' | 'search';
  /** Runs finished (a sweep) or values tried (a search). */
  done: number;
  total: number;
  /** The value a search is trying. */
  value: number | null;
}

/** What a result was run on, to draw and label it after the flow has moved on. */
interface RunContext {
  flow: Flow;
  /** The swept field as people read it ("Worker pool A · concurrency"). */
  label: string;
  settings: RunTimes;
  cost: SweepCost;
}

export interface SweepRecord extends RunContext {
  document: SweepDocument;
}

export interface SearchRecord extends RunContext {
  outcome: SearchOutcome;
  slos: Slo[];
}

export interface ExperimentSlice {
  experiment: ExperimentSetup;
  experimentTask: ExperimentTask | null;
  sweepRecord: SweepRecord | null;
  searchRecord: SearchRecord | null;
  /** Why the last task stopped short (a refused value, a failed run, Cancel), or null. */
  experimentProblem: { tone: 'error' | 'info'; text: string } | null;
  setExperiment: (patch: Partial<ExperimentSetup>) => void;
  beginTask: (kind: ExperimentTask['kind'], total: number) => void;
  progressTask: (done: number, total: number, value?: number) => void;
  endSweep: (record: SweepRecord) => void;
  endSearch: (record: SearchRecord) => void;
  failTask: (problem: ExperimentSlice['experimentProblem']) => void;
}

export const DEFAULT_REPLICATIONS = 5;

export const initialExperiment: ExperimentSetup = {
  path: 'load',
  values: { mode: 'range', list: '', from: '0.5', to: '1.5', step: '0.25' },
  replications: DEFAULT_REPLICATIONS,
};

export const createExperimentSlice: StateCreator<App, [], [], ExperimentSlice> = (set, get) => ({
  experiment: initialExperiment,
  experimentTask: null,
  sweepRecord: null,
  searchRecord: null,
  experimentProblem: null,
  setExperiment: (patch) => set({ experiment: { ...get().experiment, ...patch } }),
  beginTask: (kind, total) =>
    set({ experimentTask: { kind, done: 0, total, value: null }, experimentProblem: null }),
  progressTask: (done, total, value) => {
    const task = get().experimentTask;
    if (task) set({ experimentTask: { ...task, done, total, value: value ?? task.value } });
  },
  endSweep: (sweepRecord) => set({ sweepRecord, experimentTask: null }),
  endSearch: (searchRecord) => set({ searchRecord, experimentTask: null }),
  failTask: (experimentProblem) => set({ experimentProblem, experimentTask: null }),
});
