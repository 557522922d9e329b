// Combines the slices into one state creator. Middleware (undo) is applied once, around this,
// in createAppStore.ts.
//
// Adding a slice (e.g. `run` or `metrics`):
//   1. write slices/runSlice.ts exporting `RunSlice` and
//      `createRunSlice: StateCreator<App, [], [], RunSlice>`;
//   2. add `RunSlice` to the `App` intersection in ../types.ts;
//   3. spread `...createRunSlice(...args)` below.
// Undo only tracks `flow` (see `partialize` in createAppStore.ts), so a new slice stays out of
// history without further work. Fast-changing data (per-frame counters) belongs in a ref or a
// canvas subscriber, not in React-rendered state.
import type { StateCreator } from 'zustand';
import type { Flow } from '../../model/flow';
import type { App } from '../types';
import { createBaselineSlice } from './baselineSlice';
import { createCanvasSlice } from './canvasSlice';
import { createExperimentSlice } from './experimentSlice';
import { createFlowSlice } from './flowSlice';
import { createRunSlice } from './runSlice';
import { createSelectionSlice } from './selectionSlice';
import { createUiSlice } from './uiSlice';

export const createSlices =
  (initial: Flow): StateCreator<App, [], [], App> =>
  (...args) => ({
    ...createFlowSlice(initial)(...args),
    ...createSelectionSlice(...args),
    ...createCanvasSlice(...args),
    ...createUiSlice(...args),
    ...createRunSlice(...args),
    ...createExperimentSlice(...args),
    ...createBaselineSlice(...args),
  });
