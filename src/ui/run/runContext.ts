// The run client for React: one per app, provided by <RunProvider>. Components read the
// throttled RunState through `useRunState`; per-frame consumers use `client.holder` directly.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RunClient, RunState } from '../../runtime/client';
import type { LiveBoard } from './liveBoard';
import type { SeriesStore } from './series';

export interface RunServices {
  client: RunClient;
  series: SeriesStore;
  board: LiveBoard;
}

export const RunContext = createContext<RunServices | null>(null);

export function useRun(): RunServices {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRun must be used inside <RunProvider>');
  return run;
}

/** A slice of the run state; re-renders at most ~10 times a second while a run is going. */
export function useRunState<T>(select: (s: RunState) => T): T {
  const { client } = useRun();
  return useSyncExternalStore(client.subscribe, () => select(client.getState()));
}
