// Transient canvas state React Flow needs but the document must not record: node sizes as
// measured in the DOM, and positions while a drag is under way (committed once at drag end).
import type { StateCreator } from 'zustand';
import type { App } from '../types';
import type { XY } from './flowSlice';

export type Size = { width: number; height: number };

export interface CanvasSlice {
  measured: Record<string, Size>;
  /** Live positions during a drag; null when nothing is being dragged. */
  dragging: Record<string, XY> | null;
  setMeasured: (sizes: Record<string, Size>) => void;
  dragTo: (positions: Record<string, XY>) => void;
  /** Writes the dragged positions into the flow as one undo entry. */
  endDrag: () => void;
}

export const createCanvasSlice: StateCreator<App, [], [], CanvasSlice> = (set, get) => ({
  measured: {},
  dragging: null,
  setMeasured: (sizes) => set({ measured: { ...get().measured, ...sizes } }),
  dragTo: (positions) => set({ dragging: { ...get().dragging, ...positions } }),
  endDrag: () => {
    const { dragging, moveNodes } = get();
    if (!dragging) return;
    set({ dragging: null });
    moveNodes(dragging);
  },
});
