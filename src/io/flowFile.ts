// Flow JSON files in and out of the browser: download one, read and validate a File. A big file
// is read and checked in a Web Worker (parseWorker.ts), so the page stays responsive meanwhile.
import { type Flow } from '../model/flow';
import { MAX_FILE_BYTES } from '../model/limits';
import { downloadText } from './download';
import { flowFileName, serializeFlow } from '../model/serialize';
import { type FlowNotice, formatNotice } from '../model/migrate';
import { type FlowProblem, formatProblem, type ParseResult, parseFlowText } from '../model/validate';
import type { ParseMessage } from './parseWorker';

/** Files from this size up are read in a worker (below it, starting one costs more than it saves). */
export const WORKER_BYTES = 256 * 1024;

/** Downloads the flow as pretty, stably ordered JSON named after it. */
export function downloadFlow(flow: Flow): void {
  downloadText(flowFileName(flow), serializeFlow(flow), 'application/json');
}

/** What reading a file tells while it works: the number of nodes being checked. */
export type ReadProgress = { stage: 'checking'; nodes: number };

/** "12.3 MiB", "640 KiB" */
export const formatSize = (bytes: number): string =>
  bytes >= 1 << 20
    ? `${Math.round((bytes / (1 << 20)) * 10) / 10} MiB`
    : `${Math.max(1, Math.round(bytes / 1024))} KiB`;

export async function readFlowFile(file: Blob, onProgress?: (p: ReadProgress) => void): Promise<ParseResult> {
  if (file.size > MAX_FILE_BYTES) {
    const message = `the file is larger than ${formatSize(MAX_FILE_BYTES)}, the most this app reads`;
    return { ok: false, problems: [{ path: '', message }] };
  }
  if (file.size < WORKER_BYTES || typeof Worker === 'undefined') return parseFlowText(await file.text());
  return new Promise<ParseResult>((resolve) => {
    const worker = new Worker(new URL('./parseWorker.ts', import.meta.url), { type: 'module' });
    const done = (result: ParseResult) => {
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (e: MessageEvent<ParseMessage>) => {
      if (e.data.type === 'progress') onProgress?.(e.data);
      else done(e.data.result);
    });
    // A worker that cannot start (or fails) leaves the work to this thread: slower, never lost.
    worker.addEventListener('error', () => void file.text().then((text) => done(parseFlowText(text))));
    worker.postMessage(file);
  });
}

function firstLines<T>(items: readonly T[], format: (item: T) => string, noun: string, shown: number) {
  const lines = items.slice(0, shown).map(format);
  const rest = items.length - shown;
  if (rest > 0) lines.push(`…and ${rest} more ${noun}${rest === 1 ? '' : 's'}`);
  return lines;
}

/** The first few problems as readable lines, and how many more there are. */
export const problemLines = (problems: readonly FlowProblem[], shown = 4): string[] =>
  firstLines(problems, formatProblem, 'problem', shown);

/** The first few changes of meaning as readable lines, and how many more there are. */
export const noticeLines = (notices: readonly FlowNotice[], shown = 4): string[] =>
  firstLines(notices, formatNotice, 'change', shown);

export function looksLikeJsonFile(file: File): boolean {
  return file.type === 'application/json' || /\.json$/i.test(file.name);
}
