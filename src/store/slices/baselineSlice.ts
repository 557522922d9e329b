// A run pinned as the baseline: its report and its chart series, copied when pinned. Kept apart
// from the document, so it survives loading another flow or a template (comparing two flows is
// pinning one and running the other); nodes are matched by id. Not part of undo history.
import type { StateCreator } from 'zustand';
import type { SimulationReport } from '../../engine/api';
import type { App } from '../types';

/** The live charts' series at the moment of pinning (copies: the run's own arrays are reused). */
export interface BaselineSeries {
  time: Float64Array;
  throughput: Float64Array;
  p50: Float64Array;
  p95: Float64Array;
  p99: Float64Array;
  /** Bus depths, in the order the depth chart drew them, and the buses' labels. */
  depth: Float64Array[];
  depthLabels: string[];
}

export interface Baseline {
  report: SimulationReport;
  series: BaselineSeries;
  flowName: string;
  /** Node labels of the pinned flow, by id: the other flow may not have them. */
  labels: Readonly<Record<string, string>>;
}

export interface BaselineSlice {
  baseline: Baseline | null;
  pinBaseline: (baseline: Baseline) => void;
  clearBaseline: () => void;
}

export const createBaselineSlice: StateCreator<App, [], [], BaselineSlice> = (set) => ({
  baseline: null,
  pinBaseline: (baseline) => set({ baseline }),
  clearBaseline: () => set({ baseline: null }),
});
