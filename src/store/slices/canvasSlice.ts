// Transient canvas state React Flow needs but the document must not record: node sizes as
// measured in the DOM, and positions while a drag is under way (committed once at drag end).
// Keyed by node id in Maps: an id is whatever a file says ("constructor", "__proto__"), so it must
// never be looked up on a plain object, where it would find Object.prototype's members.
import type { StateCreator } from 'zustand';
import type { App } from '../types';
import type { XY } from './flowSlice';

export type Size = { width: number; height: number };

export interface CanvasSlice {
  measured: ReadonlyMap<string, Size>;
  /** Live positions during a drag; null when nothing is being dragged. */
  dragging: ReadonlyMap<string, XY> | null;
  setMeasured: (sizes: ReadonlyMap<string, Size>) => void;
  dragTo: (positions: ReadonlyMap<string, XY>) => void;
  /** Writes the dragged positions into the flow as one undo entry. */
  endDrag: () => void;
}

export const createCanvasSlice: StateCreator<App, [], [], CanvasSlice> = (set, get) => ({
  measured: new Map(),
  dragging: null,
  setMeasured: (sizes) => set({ measured: new Map([...get().measured, ...sizes]) }),
  dragTo: (positions) => set({ dragging: new Map([...(get().dragging ?? []), ...positions]) }),
  endDrag: () => {
    const { dragging, moveNodes } = get();
    if (!dragging) return;
    set({ dragging: null });
    moveNodes(dragging);
  },
});
