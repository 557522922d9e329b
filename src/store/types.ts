// The app's state is one object built from slices (see slices/index.ts). Each slice declares its
// own state and actions; `App` is their intersection so any slice can read the others.
import type { BaselineSlice } from './slices/baselineSlice';
import type { CanvasSlice } from './slices/canvasSlice';
import type { ExperimentSlice } from './slices/experimentSlice';
import type { FlowSlice } from './slices/flowSlice';
import type { RunSlice } from './slices/runSlice';
import type { SelectionSlice } from './slices/selectionSlice';
import type { UiSlice } from './slices/uiSlice';

export type App = FlowSlice &
  SelectionSlice &
  CanvasSlice &
  UiSlice &
  RunSlice &
  ExperimentSlice &
  BaselineSlice;
