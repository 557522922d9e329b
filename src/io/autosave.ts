// Work is never lost: the document is written to localStorage shortly after each change and read
// back on start. A saved document that no longer validates is kept under a backup key of its own
// (every one: a second never overwrites the first), reported, and the app starts empty. Storage
// failures are reported to the user, never swallowed.
//
// Several tabs share one saved flow. A tab writes it only while what is stored is what this tab
// last read or wrote; when another tab has written it (told at once by the browser's "storage"
// event, and checked again before each save) autosave pauses here and asks: load the other tab's
// flow, or keep this one. Until then this tab's changes go to a backup key of their own, and the
// version that loses is kept as a backup too.
import type { Flow } from '../model/flow';
import { serializeFlow } from '../model/serialize';
import type { FlowNotice } from '../model/migrate';
import { type FlowProblem, parseFlowText } from '../model/validate';
import type { AppStore } from '../store/createAppStore';
import { noticeLines, problemLines } from './flowFile';

export const STORAGE_KEY = 'eventflow-studio.flow';
/** Unreadable saved flows: this key, then `.2`, `.3`, … */
export const BACKUP_KEY = 'eventflow-studio.flow.unreadable-backup';
/** Another tab's saved flow that this tab replaced at the user's word: this key, then `.2`, … */
export const OTHER_TAB_KEY = 'eventflow-studio.flow.other-tab-backup';
/** This tab's flow while another tab holds the saved one: this key, then `.2`, … */
export const THIS_TAB_KEY = 'eventflow-studio.flow.this-tab-backup';

export type Restored =
  | { kind: 'none' }
  | { kind: 'ok'; flow: Flow; notices: FlowNotice[] }
  | { kind: 'invalid'; problems: FlowProblem[]; backupKey: string | null }
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

/** The first key of `base`, `base.2`, `base.3`, … that holds nothing: backups are never overwritten. */
export function freeKey(storage: Storage, base: string): string {
  if (storage.getItem(base) === null) return base;
  let n = 2;
  while (storage.getItem(`${base}.${n}`) !== null) n++;
  return `${base}.${n}`;
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
  let backupKey: string | null = null;
  try {
    const key = freeKey(storage, BACKUP_KEY);
    storage.setItem(key, text);
    backupKey = key;
    storage.removeItem(STORAGE_KEY);
  } catch {
    // The unreadable copy stays under STORAGE_KEY, which is just as safe; the problems are reported.
  }
  return { kind: 'invalid', problems: parsed.problems, backupKey };
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
    const kept = restored.backupKey ?? STORAGE_KEY;
    notify(
      'error',
      `Your saved flow could not be read, so a new one was started. The old data is kept in localStorage under "${kept}".`,
      problemLines(restored.problems),
    );
  } else if (restored.kind === 'unavailable') {
    notify('error', `Your work will not be saved: ${restored.reason}.`);
  }
}

export const CONFLICT_TITLE =
  'This flow was changed in another tab. Autosave is paused here, so that neither version is lost.';

export interface AutosaveOptions {
  /** Milliseconds after the last change (default 300). */
  delay?: number;
  /** Where the browser tells of other tabs' writes ("storage" events) and of leaving ("pagehide"). */
  events?: EventTarget;
}

/** Saves the flow `delay` ms after it last changed. Returns a function that stops autosaving. */
export function startAutosave(store: AppStore, storage: Storage, options: AutosaveOptions = {}): () => void {
  const { delay = 300, events = window } = options;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failing = false;
  /** What the saved flow was when this tab last read or wrote it. */
  let known = read(storage, STORAGE_KEY);
  /** Another tab wrote the saved flow and the user has not chosen yet. */
  let conflict = false;
  /** Where this tab's flow is kept meanwhile (allocated at the first save during a conflict). */
  let ownKey: string | null = null;

  const write = (key: string, text: string): boolean => {
    try {
      storage.setItem(key, text);
      if (failing) store.getState().notify('info', 'Saving works again; your flow is saved.');
      failing = false;
      return true;
    } catch (err) {
      // Report once per run of failures, not on every keystroke.
      if (!failing) store.getState().notify('error', `Could not save your flow: ${storageReason(err)}.`);
      failing = true;
      return false;
    }
  };

  const ask = () => {
    const details = ownKey ? [`This tab’s flow is kept under “${ownKey}” meanwhile.`] : undefined;
    store.getState().notify('warning', CONFLICT_TITLE, details, [
      { label: 'Load the other tab’s flow', run: loadTheirs },
      { label: 'Keep this tab’s flow', run: keepMine },
    ]);
  };

  const enterConflict = () => {
    if (!conflict) {
      conflict = true;
      ask();
    } else if (!store.getState().toasts.some((t) => t.title === CONFLICT_TITLE)) ask();
  };

  function loadTheirs() {
    const theirs = read(storage, STORAGE_KEY);
    const parsed = theirs === null ? null : parseFlowText(theirs);
    if (!parsed?.ok) {
      store
        .getState()
        .notify(
          'error',
          'The other tab’s flow could not be read, so this tab’s flow was kept.',
          parsed?.ok === false ? problemLines(parsed.problems) : undefined,
        );
      keepMine();
      return;
    }
    // This tab's flow: in the undo history, and in a backup key (the one used meanwhile, if any).
    const mine = serializeFlow(store.getState().flow);
    const key = ownKey ?? freeKey(storage, THIS_TAB_KEY);
    const kept = write(key, mine);
    conflict = false;
    ownKey = null;
    known = theirs;
    store.getState().replaceFlow(parsed.flow);
    // replaceFlow scheduled a save of what was just read; it would change nothing.
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    store
      .getState()
      .notify(
        'info',
        `Loaded the flow from the other tab. ${kept ? `This tab’s flow is kept under “${key}”; ` : ''}Undo brings it back.`,
      );
  }

  function keepMine() {
    const theirs = read(storage, STORAGE_KEY);
    let keptAs: string | null = null;
    if (theirs !== null && theirs !== serializeFlow(store.getState().flow)) {
      keptAs = freeKey(storage, OTHER_TAB_KEY);
      if (!write(keptAs, theirs)) return; // nothing is overwritten unless the other version is safe
    }
    conflict = false;
    known = theirs;
    save();
    if (ownKey !== null && !conflict) {
      try {
        storage.removeItem(ownKey);
      } catch {
        // Left behind: a copy too many is harmless.
      }
      ownKey = null;
    }
    if (keptAs)
      store.getState().notify('info', `Saved this tab’s flow. The other tab’s is kept under “${keptAs}”.`);
  }

  function save() {
    timer = undefined;
    const text = serializeFlow(store.getState().flow);
    if (!conflict) {
      const current = read(storage, STORAGE_KEY);
      if (current !== null && current !== known && current !== text) enterConflict();
    }
    if (conflict) {
      ownKey ??= freeKey(storage, THIS_TAB_KEY);
      write(ownKey, text);
      return;
    }
    if (write(STORAGE_KEY, text)) known = text;
  }

  const flushNow = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  const onStorage = (e: Event) => {
    const { key, newValue } = e as StorageEvent;
    if (key !== STORAGE_KEY || newValue === known) return;
    if (newValue === null) return; // removed: the next save writes this tab's flow again
    if (newValue === serializeFlow(store.getState().flow)) {
      known = newValue; // the other tab saved exactly this flow
      return;
    }
    enterConflict();
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.flow === prev.flow) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(save, delay);
  });
  events.addEventListener('pagehide', flushNow);
  events.addEventListener('storage', onStorage);
  return () => {
    flushNow();
    unsubscribe();
    events.removeEventListener('pagehide', flushNow);
    events.removeEventListener('storage', onStorage);
  };
}

function read(storage: Storage, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}
