// Keyboard shortcuts. They never fire while the user types in a field or a dialog is open.
import { useEffect } from 'react';
import { useAppStoreApi } from '../../store/useAppStore';
import type { EditorActions } from './useEditorActions';

export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useShortcuts(actions: EditorActions) {
  const store = useAppStoreApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || store.getState().dialog) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      const pending = store.getState().pendingConnection;
      if (e.key === 'Escape' && pending) {
        store.getState().setPendingConnection(null);
        store.getState().announce('Connection cancelled.');
      } else if (!mod && (e.key === 'Delete' || e.key === 'Backspace')) actions.deleteSelection();
      else if (mod && key === 'z' && e.shiftKey) actions.redo();
      else if (mod && key === 'z') actions.undo();
      else if (mod && key === 'y') actions.redo();
      else if (mod && key === 'c') handled = actions.copy();
      else if (mod && key === 'v') actions.paste();
      else if (mod && key === 'd') actions.duplicate();
      else if (mod && key === 'a') actions.selectAll();
      else if (!mod && e.shiftKey && key === '!') actions.fitView();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, actions]);
}
