// Opening a share link: the link's flow replaces the open one as one undoable step, the replaced
// flow is kept, and a damaged link changes nothing.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { serializeFlow } from '../model/serialize';
import { parseFlow } from '../model/validate';
import { createAppStore } from '../store/createAppStore';
import { emptyFlow } from '../store/slices/flowSlice';
import { encodeFlowForLink } from './share';
import { BEFORE_LINK_KEY, openSharedLink } from './shareOpen';
import { TEMPLATES } from './templates';
import { MemoryStorage } from './testing/memoryStorage';

const template = (i: number): Flow => {
  const r = parseFlow(TEMPLATES[i]!.json);
  if (!r.ok) throw new Error('template');
  return r.flow;
};

function page(hash: string) {
  const p = {
    hash,
    clearHash: () => {
      p.hash = '';
    },
  };
  return p;
}

describe('opening a share link', () => {
  it('replaces the flow as one undo step and keeps the previous one under a backup key', async () => {
    const mine = template(0);
    const theirs = template(1);
    const store = createAppStore(mine);
    const storage = new MemoryStorage();
    const p = page(`#flow=${await encodeFlowForLink(theirs)}`);
    expect(await openSharedLink(store, p, storage)).toBe(true);
    expect(store.getState().flow).toEqual(theirs);
    expect(p.hash).toBe('');
    expect(storage.getItem(BEFORE_LINK_KEY)).toBe(serializeFlow(mine));
    const toast = store.getState().toasts.at(-1)!;
    expect(toast.title).toContain(`Your previous flow “${mine.name}” is one Undo away`);
    expect(toast.title).toContain(BEFORE_LINK_KEY);
    store.temporal.getState().undo();
    expect(store.getState().flow).toEqual(mine);
  });

  it('never overwrites an earlier backup, and its choice brings the previous flow back', async () => {
    const store = createAppStore(template(0));
    const storage = new MemoryStorage();
    storage.setItem(BEFORE_LINK_KEY, 'an earlier backup');
    await openSharedLink(store, page(`#flow=${await encodeFlowForLink(template(1))}`), storage);
    expect(storage.getItem(BEFORE_LINK_KEY)).toBe('an earlier backup');
    expect(storage.getItem(`${BEFORE_LINK_KEY}.2`)).toBe(serializeFlow(template(0)));
    store.getState().toasts.at(-1)!.actions![0]!.run();
    expect(store.getState().flow).toEqual(template(0));
  });

  it('says so when the previous flow cannot be kept, and still opens the link', async () => {
    const store = createAppStore(template(0));
    const storage = new MemoryStorage();
    storage.failWith = new DOMException('full', 'QuotaExceededError');
    await openSharedLink(store, page(`#flow=${await encodeFlowForLink(template(1))}`), storage);
    const toast = store.getState().toasts.at(-1)!;
    expect(toast.tone).toBe('warning');
    expect(toast.details?.join(' ')).toMatch(/could not be kept as a backup: browser storage is full/);
    expect(store.getState().flow).toEqual(template(1));
  });

  it('keeps no backup of an empty canvas', async () => {
    const store = createAppStore(emptyFlow());
    const storage = new MemoryStorage();
    await openSharedLink(store, page(`#flow=${await encodeFlowForLink(template(1))}`), storage);
    expect(storage.length).toBe(0);
    expect(store.getState().toasts.at(-1)!.title).toBe(`Opened the shared flow “${template(1).name}”.`);
  });

  it('changes nothing for a damaged link, and says what is wrong', async () => {
    const store = createAppStore(template(0));
    const storage = new MemoryStorage();
    const good = await encodeFlowForLink(template(1));
    const p = page(`#flow=${good.slice(0, good.length >> 1)}`);
    expect(await openSharedLink(store, p, storage)).toBe(false);
    expect(store.getState().flow).toEqual(template(0));
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(storage.length).toBe(0);
    expect(p.hash).toBe('');
    const toast = store.getState().toasts.at(-1)!;
    expect(toast.tone).toBe('error');
    expect(toast.title).toBe('Couldn’t open the shared link. Your flow was not changed.');
    expect(toast.details?.[0]).toMatch(/the link is damaged/);
  });

  it('does nothing for a page without a link, or the flow already open', async () => {
    const store = createAppStore(template(0));
    expect(await openSharedLink(store, page('#section'), null)).toBe(false);
    expect(store.getState().toasts).toHaveLength(0);
    await openSharedLink(store, page(`#flow=${await encodeFlowForLink(template(0))}`), null);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    expect(store.getState().toasts.at(-1)!.title).toMatch(/already open/);
  });
});
