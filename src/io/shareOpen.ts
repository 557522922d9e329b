// Opening a share link: the flow in the page's `#flow=` fragment replaces the open one as one
// undoable step, after the same checks as a file. The flow it replaces is never lost silently: it
// is one Undo away, kept in a backup key of its own (never overwritten, as autosave's backups),
// and the message says both. A damaged link changes nothing and says what is wrong. The fragment
// is cleared once read, so reloading the page does not open the link again over later edits.
import { serializeFlow } from '../model/serialize';
import type { AppStore } from '../store/createAppStore';
import { freeKey, storageReason } from './autosave';
import { noticeLines, problemLines } from './flowFile';
import { decodeSharedFlow, sharedFragment } from './share';

/** The flow a share link replaced: this key, then `.2`, `.3`, … */
export const BEFORE_LINK_KEY = 'eventflow-studio.flow.before-shared-link';

export interface LinkPage {
  /** The page's fragment, `#flow=…` when it holds a shared flow. */
  readonly hash: string;
  /** Removes the fragment from the address without reloading or adding a history entry. */
  clearHash(): void;
}

/** Opens the flow the page's fragment holds, if it holds one; true when the flow was replaced. */
export async function openSharedLink(
  store: AppStore,
  page: LinkPage,
  storage: Storage | null,
): Promise<boolean> {
  const encoded = sharedFragment(page.hash);
  if (encoded === null) return false;
  page.clearHash();
  const result = await decodeSharedFlow(encoded);
  const s = store.getState();
  if (!result.ok) {
    s.notify(
      'error',
      'Couldn’t open the shared link. Your flow was not changed.',
      problemLines(result.problems),
    );
    return false;
  }
  const name = result.flow.name || 'Untitled flow';
  const before = s.flow;
  const beforeText = serializeFlow(before);
  if (beforeText === serializeFlow(result.flow)) {
    s.notify('info', `The shared flow “${name}” is already open.`);
    return false;
  }
  const empty = before.nodes.length === 0 && before.edges.length === 0;
  const kept = empty ? null : keep(storage, beforeText);
  s.replaceFlow(result.flow);
  const previous = `“${before.name || 'Untitled flow'}”`;
  const where = kept?.key ? ` and kept in this browser under “${kept.key}”` : '';
  const title = empty
    ? `Opened the shared flow “${name}”.`
    : `Opened the shared flow “${name}”. Your previous flow ${previous} is one Undo away${where}.`;
  const details = [
    ...(kept?.failed ? [`Your previous flow could not be kept as a backup: ${kept.failed}.`] : []),
    ...(result.notices.length
      ? ['It was written by an older version; reading it changed:', ...noticeLines(result.notices)]
      : []),
  ];
  // Not plain Undo: by the time the user chooses, later edits may sit on top of the link's flow.
  const back = { label: 'Reopen the previous flow', run: () => store.getState().replaceFlow(before) };
  const tone = kept?.failed || result.notices.length ? 'warning' : 'info';
  s.notify(tone, title, details.length ? details : undefined, empty ? undefined : [back]);
  return true;
}

function keep(storage: Storage | null, text: string): { key?: string; failed?: string } {
  if (!storage) return { failed: 'this browser has no storage here' };
  try {
    const key = freeKey(storage, BEFORE_LINK_KEY);
    storage.setItem(key, text);
    return { key };
  } catch (err) {
    return { failed: storageReason(err) };
  }
}
