import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { createAppStore } from '../store/createAppStore';
import { MAX_FILE_BYTES } from '../model/limits';
import { serializeFlow } from '../model/serialize';
import { WORKER_BYTES } from './flowFile';
import { applyImport, importFile } from './importFlow';

const imported: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'Sign-ups',
  nodes: [{ id: 'signups', kind: 'topic', position: { x: 0, y: 0 }, config: {} }],
  edges: [],
};

describe('applyImport', () => {
  it('replaces the flow (one undo step) and confirms quietly when nothing changed meaning', () => {
    const store = createAppStore();
    expect(applyImport(store, 'f.json', { ok: true, flow: imported, notices: [] })).toBe(true);
    expect(store.getState().flow).toBe(imported);
    expect(store.getState().toasts.map((t) => [t.tone, t.title])).toEqual([['info', 'Imported “Sign-ups”.']]);
    store.temporal.getState().undo();
    expect(store.getState().flow).not.toBe(imported);
  });

  it('shows which nodes changed meaning, until dismissed', () => {
    const store = createAppStore();
    const notices = [{ path: 'nodes[0]', nodeId: 'signups', message: 'a failed message is now redelivered' }];
    applyImport(store, 'f.json', { ok: true, flow: imported, notices });
    const [toast] = store.getState().toasts;
    expect(toast).toMatchObject({
      tone: 'warning',
      details: ['nodes[0] (signups): a failed message is now redelivered'],
    });
    expect(toast!.title).toMatch(/^Imported “Sign-ups”, written by an older version/);
  });

  it('leaves the flow alone and names the problems of a refused file', () => {
    const store = createAppStore();
    const before = store.getState().flow;
    const problems = [{ path: 'version', message: '3 is newer than this app reads (1–2)' }];
    expect(applyImport(store, 'new.json', { ok: false, problems })).toBe(false);
    expect(store.getState().flow).toBe(before);
    expect(store.getState().toasts).toMatchObject([
      { tone: 'error', details: ['version: 3 is newer than this app reads (1–2)'] },
    ]);
  });
});

describe('importFile', () => {
  it('says what it is doing while it reads a big file, then what came of it', async () => {
    const store = createAppStore();
    const nodes = Array.from({ length: 2000 }, (_, i) => ({
      id: `q${i}`,
      kind: 'queue' as const,
      position: { x: i, y: 0 },
      config: {},
    }));
    const text = serializeFlow({ ...imported, nodes });
    expect(text.length).toBeGreaterThan(WORKER_BYTES);
    const seen: string[] = [];
    const unsubscribe = store.subscribe((s) => seen.push(...s.toasts.map((t) => t.title)));
    expect(await importFile(store, new File([text], 'big.json'))).toBe(true);
    unsubscribe();
    expect(seen[0]).toMatch(/^Reading “big\.json” \([\d.]+ KiB\)…$/);
    expect(store.getState().toasts.map((t) => t.title)).toEqual(['Imported “Sign-ups”.']);
    expect(store.getState().flow.nodes).toHaveLength(2000);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const store = createAppStore();
    const huge = {
      size: MAX_FILE_BYTES + 1,
      name: 'huge.json',
      text: () => Promise.reject(new Error('read')),
    };
    expect(await importFile(store, huge as unknown as File)).toBe(false);
    expect(store.getState().toasts[0]!.details).toEqual([
      'the file is larger than 64 MiB, the most this app reads',
    ]);
  });
});
