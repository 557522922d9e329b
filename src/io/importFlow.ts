// What importing a file does to the app. A refused file is reported with the place and reason of
// its first problems and the flow stays untouched; an accepted one replaces the flow (one undo
// step), and what reading an older version changed in meaning is shown until dismissed.
import { formatCount } from '../model/format';
import type { ParseResult } from '../model/validate';
import type { AppStore } from '../store/createAppStore';
import { formatSize, noticeLines, problemLines, readFlowFile, WORKER_BYTES } from './flowFile';

/** Applies a parsed file to the store and tells the user; true when the flow was replaced. */
export function applyImport(store: AppStore, fileName: string, result: ParseResult): boolean {
  const s = store.getState();
  if (!result.ok) {
    const n = result.problems.length;
    s.notify(
      'error',
      `Couldn’t import “${fileName}”: ${n} problem${n === 1 ? '' : 's'} found. Your flow was not changed.`,
      problemLines(result.problems),
    );
    return false;
  }
  s.replaceFlow(result.flow);
  const name = result.flow.name || fileName;
  if (result.notices.length > 0) {
    s.notify(
      'warning',
      `Imported “${name}”, written by an older version of Eventflow Studio; reading it changed what some settings mean:`,
      noticeLines(result.notices),
    );
  } else s.notify('info', `Imported “${name}”.`);
  return true;
}

/**
 * Reads, checks and applies a file. A big one is checked in a worker while a status message says
 * what is happening and for how long, so the page stays usable and the user is never left
 * wondering; true when the flow was replaced.
 */
export async function importFile(store: AppStore, file: File): Promise<boolean> {
  if (file.size < WORKER_BYTES) return applyImport(store, file.name, await readFlowFile(file));
  const started = Date.now();
  let stage = `Reading “${file.name}” (${formatSize(file.size)})`;
  let shown: number | null = null;
  const show = () => {
    const s = store.getState();
    if (shown !== null) s.dismiss(shown);
    const seconds = Math.floor((Date.now() - started) / 1000);
    s.notify('info', `${stage}…${seconds >= 1 ? ` ${seconds} s` : ''}`);
    shown = store.getState().toasts.at(-1)?.id ?? null;
  };
  show();
  const ticker = setInterval(show, 1000);
  try {
    const result = await readFlowFile(file, (p) => {
      stage = `Checking “${file.name}”: ${formatCount(p.nodes)} nodes`;
      show();
    });
    return applyImport(store, file.name, result);
  } finally {
    clearInterval(ticker);
    if (shown !== null) store.getState().dismiss(shown);
  }
}
