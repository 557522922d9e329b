// Run, Pause, Step and Reset from the keyboard: R runs or pauses, S steps one event, Shift+R resets.
// Like the editor's shortcuts, they never fire while typing in a field or with a dialog open.
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/useAppStore';
import { isTyping } from '../hooks/useShortcuts';
import { useRunState } from './runContext';
import type { RunCommands } from './useRunCommands';

export const RUN_KEYS = { runPause: 'R', step: 'S', reset: 'Shift+R' } as const;

export function useRunShortcuts(cmd: RunCommands): void {
  const store = useAppStoreApi();
  const status = useRunState((s) => s.status);
  const mode = useRunState((s) => s.mode);
  const speed = useRunState((s) => s.speed);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
      if (isTyping(e.target) || store.getState().dialog) return;
      if (store.getState().flow.nodes.length === 0) return;
      const key = e.key.toLowerCase();
      if (key === 'r' && e.shiftKey) cmd.reset();
      else if (key === 'r') {
        if (status === 'running') cmd.pause();
        else cmd.run(mode, speed);
      } else if (key === 's' && !e.shiftKey && status !== 'running') cmd.step();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, cmd, status, mode, speed]);
}
