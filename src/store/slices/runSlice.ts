// The simulation run as React sees it: a mirror of the run client's throttled RunState (at most
// ~10 updates a second). The client (src/runtime/client.ts) stays the source; dots and badges
// read its snapshot holder directly and never come through here. Not part of undo history.
import type { StateCreator } from 'zustand';
import { initialRunState, type RunState } from '../../runtime/client';
import type { App } from '../types';

export interface RunSlice {
  run: RunState;
  /** Called by the run client's subscription only. */
  setRun: (run: RunState) => void;
}

export const createRunSlice: StateCreator<App, [], [], RunSlice> = (set) => ({
  run: initialRunState,
  setRun: (run) => set({ run }),
});
