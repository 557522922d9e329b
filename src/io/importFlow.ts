// What importing a file does to the app. A refused file is reported with the place and reason of
// its first problems and the flow stays untouched; an accepted one replaces the flow (one undo
// step), and what reading an older version changed in meaning is shown until dismissed.
import type { ParseResult } from '../model/validate';
import type { AppStore } from '../store/createAppStore';
import { noticeLines, problemLines } from './flowFile';

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
