// The toolbar's verbs, with the rule for when the worker needs the current flow first: nothing
// loaded yet, the last load failed, or the run finished and the user asks for another.
import { useMemo } from 'react';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { Flow } from '../../model/flow';
import type { LoadOptions, RunMode } from '../../runtime/protocol';
import { useAppStoreApi } from '../../store/useAppStore';
import { useRun } from './runContext';

/** "Step" advances one event: the smallest change a user can watch. */
const STEP_EVENTS = 1;

/** The run's options come from the flow's settings (the toolbar's Seed edits settings.seed). */
export function loadOptions(flow: Flow): LoadOptions {
  return {
    seed: flow.settings?.seed ?? DEFAULT_SETTINGS.seed,
    duration: flow.settings?.duration ?? DEFAULT_SETTINGS.duration,
    warmup: flow.settings?.warmup ?? DEFAULT_SETTINGS.warmup,
  };
}

export interface RunCommands {
  run(mode: RunMode, speed: number): void;
  pause(): void;
  step(): void;
  reset(): void;
  setSpeed(mode: RunMode, speed: number): void;
}

export function useRunCommands(): RunCommands {
  const { client } = useRun();
  const store = useAppStoreApi();
  return useMemo(() => {
    const ensureLoaded = (fresh: boolean): void => {
      const { status } = client.getState();
      if (fresh || status === 'empty' || status === 'error' || status === 'done') {
        const flow = store.getState().flow;
        client.load(flow, loadOptions(flow));
      }
    };
    return {
      run(mode, speed) {
        ensureLoaded(false);
        client.run(mode, speed);
      },
      pause: () => client.pause(),
      step() {
        ensureLoaded(false);
        client.step({ events: STEP_EVENTS });
      },
      reset() {
        const { status, pendingReset } = client.getState();
        // Structural edits need a rebuild from the current document; otherwise rewind in place.
        if (status === 'empty' || status === 'error' || pendingReset.length > 0) ensureLoaded(true);
        else client.reset(loadOptions(store.getState().flow).seed);
      },
      setSpeed: (mode, speed) => client.setSpeed(mode, speed),
    };
  }, [client, store]);
}
