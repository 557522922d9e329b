// What the user has selected, and the copy buffer. Not part of undo history.
import type { StateCreator } from 'zustand';
import { type Clip, copyNodes } from '../clipboard';
import type { App } from '../types';

export interface Selection {
  nodes: string[];
  edges: string[];
}

export interface SelectionSlice {
  selection: Selection;
  clipboard: Clip | null;
  setSelection: (selection: Selection) => void;
  clearSelection: () => void;
  /** Copies the selected nodes (and edges between them). Returns how many nodes were copied. */
  copySelection: () => number;
}

export const createSelectionSlice: StateCreator<App, [], [], SelectionSlice> = (set, get) => ({
  selection: { nodes: [], edges: [] },
  clipboard: null,
  // Selecting something is asking to edit it: the Inspector comes to the front.
  setSelection: (selection) =>
    set(
      selection.nodes.length || selection.edges.length ? { selection, sideTab: 'inspector' } : { selection },
    ),
  clearSelection: () => set({ selection: { nodes: [], edges: [] } }),
  copySelection: () => {
    const { flow, selection } = get();
    if (!selection.nodes.length) return 0;
    set({ clipboard: copyNodes(flow, selection.nodes) });
    return selection.nodes.length;
  },
});
