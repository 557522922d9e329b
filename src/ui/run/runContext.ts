// The run client for React: one per app, provided by <RunProvider>. Components read the
// throttled RunState from the store's `run` slice through `useRunState`; per-frame consumers
// use `client.holder` directly.
import { createContext, useContext } from 'react';
import type { RunClient, RunState } from '../../runtime/client';
import type { SweepPool } from '../../runtime/sweepPool';
import { useAppStore } from '../../store/useAppStore';
import type { DotSpawner } from './dotSpawner';
import type { LiveBoard } from './liveBoard';
import type { SeriesStore } from './series';

export interface RunServices {
  client: RunClient;
  series: SeriesStore;
  board: LiveBoard;
  /** Edge rates and the dots they spawn (fed by the DotOverlay's frames; read by the Inspector). */
  rates: DotSpawner;
  /** The Experiment region's sweep workers, apart from the run's worker. */
  sweeps: SweepPool;
}

export const RunContext = createContext<RunServices | null>(null);

export function useRun(): RunServices {
  const run = useContext(RunContext);
  if (!run) throw new Error('useRun must be used inside <RunProvider>');
  return run;
}

/** A part of the run state (the store's `run` slice); changes at most ~10 times a second. */
export function useRunState<T>(select: (s: RunState) => T): T {
  return useAppStore((s) => select(s.run));
}
