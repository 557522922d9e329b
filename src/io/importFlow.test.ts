import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { createAppStore } from '../store/createAppStore';
import { applyImport } from './importFlow';

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
