import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFlow } from '../model/serialize';
import { createAppStore } from '../store/createAppStore';
import {
  BACKUP_KEY,
  CONFLICT_TITLE,
  OTHER_TAB_KEY,
  reportRestore,
  restoreFlow,
  startAutosave,
  STORAGE_KEY,
  THIS_TAB_KEY,
} from './autosave';
import { MemoryStorage } from './testing/memoryStorage';

describe('autosave', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', new EventTarget());
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves once, 300 ms after the last change, and restores what it saved', () => {
    const storage = new MemoryStorage();
    const store = createAppStore();
    const stop = startAutosave(store, storage);
    store.getState().addNode('queue', { x: 0, y: 0 });
    store.getState().addNode('topic', { x: 50, y: 0 });
    vi.advanceTimersByTime(299);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
    vi.advanceTimersByTime(1);
    expect(storage.getItem(STORAGE_KEY)).toBe(serializeFlow(store.getState().flow));
    const restored = restoreFlow(storage);
    expect(restored).toEqual({ kind: 'ok', flow: store.getState().flow, notices: [] });
    stop();
  });

  it('does not save for selection changes', () => {
    const storage = new MemoryStorage();
    const store = createAppStore();
    startAutosave(store, storage);
    store.getState().setSelection({ nodes: ['x'], edges: [] });
    vi.advanceTimersByTime(1000);
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('reports a full storage once, and recovery', () => {
    const storage = new MemoryStorage();
    storage.failWith = new DOMException('full', 'QuotaExceededError');
    const store = createAppStore();
    startAutosave(store, storage);
    store.getState().addNode('queue', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    store.getState().addNode('queue', { x: 50, y: 0 });
    vi.advanceTimersByTime(300);
    const errors = store.getState().toasts.filter((t) => t.tone === 'error');
    expect(errors.map((t) => t.title)).toEqual(['Could not save your flow: browser storage is full.']);
    storage.failWith = null;
    store.getState().addNode('queue', { x: 90, y: 0 });
    vi.advanceTimersByTime(300);
    expect(store.getState().toasts.at(-1)!.tone).toBe('info');
  });

  it('keeps unreadable saved data under a backup key and reports why', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"format":"eventflow","version":9}');
    const restored = restoreFlow(storage);
    expect(restored.kind).toBe('invalid');
    expect(storage.getItem(BACKUP_KEY)).toBe('{"format":"eventflow","version":9}');
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('keeps every unreadable saved flow: a second one never overwrites the first backup', () => {
    const storage = new MemoryStorage();
    storage.setItem(STORAGE_KEY, '{"first": true}');
    expect(restoreFlow(storage)).toMatchObject({ kind: 'invalid', backupKey: BACKUP_KEY });
    storage.setItem(STORAGE_KEY, '{"second": true}');
    expect(restoreFlow(storage)).toMatchObject({ kind: 'invalid', backupKey: `${BACKUP_KEY}.2` });
    storage.setItem(STORAGE_KEY, '{"third": true}');
    const third = restoreFlow(storage);
    expect(storage.getItem(BACKUP_KEY)).toBe('{"first": true}');
    expect(storage.getItem(`${BACKUP_KEY}.2`)).toBe('{"second": true}');
    expect(storage.getItem(`${BACKUP_KEY}.3`)).toBe('{"third": true}');
    const store = createAppStore();
    reportRestore(store, third);
    expect(store.getState().toasts[0]!.title).toContain(`"${BACKUP_KEY}.3"`);
  });

  it('restores a flow saved by an older version as the current version', () => {
    const storage = new MemoryStorage();
    const v1 = { format: 'eventflow', version: 1, name: 'Old', nodes: [], edges: [] };
    storage.setItem(STORAGE_KEY, JSON.stringify(v1));
    expect(restoreFlow(storage)).toEqual({ kind: 'ok', flow: { ...v1, version: 2 }, notices: [] });
  });

  it('shows what reading an older saved flow changed in meaning, until dismissed', () => {
    const store = createAppStore();
    const flow = store.getState().flow;
    reportRestore(store, { kind: 'ok', flow, notices: [] });
    expect(store.getState().toasts).toEqual([]);
    const notices = [
      { path: 'nodes[2]', nodeId: 'events', message: 'partitions are now assigned to workers' },
    ];
    reportRestore(store, { kind: 'ok', flow, notices });
    expect(store.getState().toasts).toMatchObject([
      { tone: 'warning', details: ['nodes[2] (events): partitions are now assigned to workers'] },
    ]);
  });
});

/** One localStorage shared by several tabs: a write in one tab is a "storage" event in the others. */
class SharedStorage extends MemoryStorage {
  readonly tabs: EventTarget[] = [];
  tab(): { storage: Storage; events: EventTarget } {
    return tabOf(this);
  }
}

function tabOf(shared: SharedStorage): { storage: Storage; events: EventTarget } {
  const events = new EventTarget();
  shared.tabs.push(events);
  const storage = new (class extends MemoryStorage {
    override get length() {
      return shared.length;
    }
    override getItem(k: string) {
      return shared.getItem(k);
    }
    override key(i: number) {
      return shared.key(i);
    }
    override removeItem(k: string) {
      shared.removeItem(k);
    }
    override setItem(k: string, v: string) {
      shared.setItem(k, v);
      for (const other of shared.tabs)
        if (other !== events)
          other.dispatchEvent(Object.assign(new Event('storage'), { key: k, newValue: v }));
    }
  })();
  return { storage, events };
}

describe('autosave in two tabs (issue 13, item 11)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const open = (shared: SharedStorage) => {
    const { storage, events } = shared.tab();
    const restored = restoreFlow(storage);
    const store = createAppStore(restored.kind === 'ok' ? restored.flow : undefined);
    const stop = startAutosave(store, storage, { events });
    return { store, stop, storage };
  };
  const conflictToast = (store: ReturnType<typeof createAppStore>) =>
    store.getState().toasts.find((t) => t.title === CONFLICT_TITLE);
  const nodes = (text: string | null) => (text === null ? 0 : JSON.parse(text).nodes.length);

  it('a tab opened earlier never overwrites what another tab saved since: it asks', () => {
    const shared = new SharedStorage();
    const b = open(shared); // opened first, empty
    const a = open(shared);
    for (let i = 0; i < 5; i++) a.store.getState().addNode('queue', { x: 100 * i, y: 0 });
    vi.advanceTimersByTime(300);
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(5);
    // B was told at once, by the storage event, and offers both choices.
    expect(conflictToast(b.store)?.actions?.map((x) => x.label)).toEqual([
      'Load the other tab’s flow',
      'Keep this tab’s flow',
    ]);
    b.store.getState().addNode('topic', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    // A reloads: still its 5 nodes. B's node is kept aside, not lost.
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(5);
    expect(nodes(shared.getItem(THIS_TAB_KEY))).toBe(1);
    const reloaded = open(shared);
    expect(reloaded.store.getState().flow.nodes).toHaveLength(5);
  });

  it('"Load the other tab’s flow" replaces this tab’s (undoable) and keeps it as a backup', () => {
    const shared = new SharedStorage();
    const b = open(shared);
    const a = open(shared);
    a.store.getState().addNode('queue', { x: 0, y: 0 });
    a.store.getState().addNode('queue', { x: 100, y: 0 });
    vi.advanceTimersByTime(300);
    b.store.getState().addNode('topic', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(2);
    conflictToast(b.store)!.actions![0]!.run();
    expect(b.store.getState().flow.nodes.map((n) => n.kind)).toEqual(['queue', 'queue']);
    expect(nodes(shared.getItem(THIS_TAB_KEY))).toBe(1);
    b.store.temporal.getState().undo();
    expect(b.store.getState().flow.nodes.map((n) => n.kind)).toEqual(['topic']);
    // B's later edits save normally again.
    b.store.temporal.getState().redo();
    b.store.getState().addNode('store', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(3);
  });

  it('"Keep this tab’s flow" saves it and keeps the other tab’s as a backup', () => {
    const shared = new SharedStorage();
    const b = open(shared);
    const a = open(shared);
    a.store.getState().addNode('queue', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    b.store.getState().addNode('topic', { x: 0, y: 0 });
    b.store.getState().addNode('topic', { x: 50, y: 0 });
    vi.advanceTimersByTime(300);
    conflictToast(b.store)!.actions![1]!.run();
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(2);
    expect(nodes(shared.getItem(OTHER_TAB_KEY))).toBe(1);
    expect(shared.getItem(THIS_TAB_KEY)).toBeNull();
    // Now A is the one asked before it writes again.
    expect(conflictToast(a.store)).toBeDefined();
    a.store.getState().addNode('queue', { x: 90, y: 0 });
    vi.advanceTimersByTime(300);
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(2);
  });

  it('two tabs that agree never conflict', () => {
    const shared = new SharedStorage();
    const a = open(shared);
    a.store.getState().addNode('queue', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    const b = open(shared); // opened after: reads A's flow
    b.store.getState().addNode('topic', { x: 0, y: 0 });
    vi.advanceTimersByTime(300);
    expect(conflictToast(b.store)).toBeUndefined();
    expect(nodes(shared.getItem(STORAGE_KEY))).toBe(2);
  });
});
