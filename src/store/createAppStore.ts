// The app's store: slices combined, wrapped once in zundo's undo history over the Flow document.
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import type { Flow } from '../model/flow';
import { createSlices } from './slices';
import { emptyFlow } from './slices/flowSlice';
import type { App } from './types';

type Tracked = Pick<App, 'flow'>;

/** A fresh store; tests make one each, the app makes one in main.tsx. */
export function createAppStore(initial: Flow = emptyFlow()) {
  return createStore<App>()(
    temporal(createSlices(initial), {
      // Only the document is history: selection, dialogs and drag positions are not.
      partialize: (s): Tracked => ({ flow: s.flow }),
      equality: (a, b) => a.flow === b.flow,
      limit: 200,
    }),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
