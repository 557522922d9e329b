// AsyncAPI documents in and out of the browser. Several files chosen or dropped together are one
// system (joined on channel addresses, $refs between them resolved); the import replaces the flow
// as one undoable step and lists what it chose (default rates, unread $refs) until dismissed.
import { MAX_FILE_BYTES } from '../model/limits';
import type { Flow } from '../model/flow';
import { flowSlug } from '../model/serialize';
import type { AppStore } from '../store/createAppStore';
import { exportAsyncApi, importAsyncApi } from './asyncapi';
import { downloadText } from './download';
import { formatSize } from './flowFile';

/** Shown of an import's notices or problems; the rest are counted. */
const SHOWN = 6;

/** "Order service" → "order-service.asyncapi.yaml" */
export const asyncApiFileName = (flow: Pick<Flow, 'name'>): string => `${flowSlug(flow)}.asyncapi.yaml`;

export function downloadAsyncApi(flow: Flow): void {
  downloadText(asyncApiFileName(flow), exportAsyncApi(flow), 'application/yaml');
}

/** YAML files, and JSON whose text says it is an AsyncAPI document. */
export const isYamlName = (name: string): boolean => /\.ya?ml$/i.test(name);

/** True when a JSON text is an AsyncAPI document rather than a Flow JSON file (cheap: its start). */
export const looksLikeAsyncApiJson = (text: string): boolean => /^\s*\{[^]{0,4096}?"asyncapi"\s*:/.test(text);

const lines = (items: readonly string[]): string[] =>
  items.length > SHOWN ? [...items.slice(0, SHOWN), `… and ${items.length - SHOWN} more`] : [...items];

/** Reads the files and imports them as one AsyncAPI system; true when the flow was replaced. */
export async function importAsyncApiFiles(store: AppStore, files: readonly File[]): Promise<boolean> {
  const s = store.getState();
  const names = files.map((f) => `“${f.name}”`).join(', ');
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_FILE_BYTES) {
    s.notify(
      'error',
      `Couldn’t import ${names}: together ${formatSize(total)}, more than the ${formatSize(MAX_FILE_BYTES)} this app reads. Your flow was not changed.`,
    );
    return false;
  }
  const texts = await Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
  const result = importAsyncApi(texts);
  if (!result.ok) {
    const n = result.problems.length;
    s.notify(
      'error',
      `Couldn’t import ${names} as AsyncAPI: ${n} problem${n === 1 ? '' : 's'} found. Your flow was not changed.`,
      lines(result.problems),
    );
    return false;
  }
  s.replaceFlow(result.flow);
  const { nodes, edges } = result.flow;
  const what = `${nodes.length} node${nodes.length === 1 ? '' : 's'} and ${edges.length} edge${edges.length === 1 ? '' : 's'}`;
  const title = `Imported “${result.flow.name}” from AsyncAPI: ${what}. Undo brings back your previous flow.`;
  if (result.notices.length) s.notify('warning', title, lines(result.notices));
  else s.notify('info', title);
  return true;
}
