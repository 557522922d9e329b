// Work is never lost: the document is written to localStorage shortly after each change and read
// back on start. A saved document that no longer validates is kept under a backup key, reported,
// and the app starts empty. Storage failures are reported to the user, never swallowed.
import type { Flow } from '../model/flow';
import { serializeFlow } from '../model/serialize';
import type { FlowNotice } from '../model/migrate';
import { type FlowProblem, parseFlowText } from '../model/validate';
import type { AppStore } from '../store/createAppStore';
import { noticeLines, problemLines } from './flowFile';

export const STORAGE_KEY = 'eventflow-studio.flow';
export const BACKUP_KEY = 'eventflow-studio.flow.unreadable-backup';

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; flow: Flow; notices: FlowNotice[] }
  | { kind: 'invalid'; problems: FlowProblem[] }
  | { kind: 'unavailable'; reason: string };

/** localStorage, or the reason it cannot be used (it throws in some private modes). */
export function openStorage(): Storage | string {
  try {
    const s = window.localStorage;
    return s ?? 'this browser has no local storage';
  } catch (err) {
    return storageReason(err);
  }
}

export function storageReason(err: unknown): string {
  if (err instanceof DOMException) {
    if (err.name === 'QuotaExceededError') return 'browser storage is full';
    if (err.name === 'SecurityError') return 'browser storage is blocked (private browsing or site settings)';
  }
  return err instanceof Error ? err.message : String(err);
}

export function restoreFlow(storage: Storage): Restored {
  let text: string | null;
  try {
    text = storage.getItem(STORAGE_KEY);
  } catch (err) {
    return { kind: 'unavailable', reason: storageReason(err) };
  }
  if (text === null) return { kind: 'none' };
  const parsed = parseFlowText(text);
  if (parsed.ok) return { kind: 'ok', flow: parsed.flow, notices: parsed.notices };
  try {
    storage.setItem(BACKUP_KEY, text);
    storage.removeItem(STORAGE_KEY);
  } catch {
    // The unreadable copy stays under STORAGE_KEY, which is just as safe; the problems are reported.
  }
  return { kind: 'invalid', problems: parsed.problems };
}

/** Reports what restoreFlow found, through the store's notifications. */
export function reportRestore(store: AppStore, restored: Restored): void {
  const { notify } = store.getState();
  if (restored.kind === 'ok' && restored.notices.length > 0) {
    notify(
      'warning',
      'Your saved flow was written by an older version of Eventflow Studio; reading it changed what some settings mean:',
      noticeLines(restored.notices),
    );
  } else if (restored.kind === 'invalid') {
    notify(
      'error',
      `Your saved flow could not be read, so a new one was started. The old data is kept in localStorage under "${BACKUP_KEY}".`,
      problemLines(restored.problems),
    );
  } else if (restored.kind === 'unavailable') {
    notify('error', `Your work will not be saved: ${restored.reason}.`);
  }
}

/** Saves the flow `delay` ms after it last changed. Returns a function that stops autosaving. */
export function startAutosave(store: AppStore, storage: Storage, delay = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  const save = () => {
    timer = undefined;
    try {
      storage.setItem(STORAGE_KEY, serializeFlow(store.getState().flow));
      if (failing) store.getState().notify('info', 'Saving works again; your flow is saved.');
      failing = false;
    } catch (err) {
      // Report once per run of failures, not on every keystroke.
      if (!failing) store.getState().notify('error', `Could not save your flow: ${storageReason(err)}.`);
      failing = true;
    }
  };
  const flushNow = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.flow === prev.flow) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delay);
  });
  window.addEventListener('pagehide', flushNow);
  return () => {
    flushNow();
    unsubscribe();
    window.removeEventListener('pagehide', flushNow);
  };
}
