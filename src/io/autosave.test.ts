import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeFlow } from '../model/serialize';
import { createAppStore } from '../store/createAppStore';
import { BACKUP_KEY, reportRestore, restoreFlow, startAutosave, STORAGE_KEY } from './autosave';

class MemoryStorage implements Storage {
  data = new Map<string, string>();
  failWith: DOMException | null = null;
  get length() {
    return this.data.size;
  }
  clear() {
    this.data.clear();
  }
  getItem(k: string) {
    return this.data.get(k) ?? null;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.failWith) throw this.failWith;
    this.data.set(k, v);
  }
}

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
