// A Web Worker that reads and checks a flow file off the main thread, so that a big import never
// freezes the page: it reads the file, parses the JSON, says how many nodes it is checking, then
// posts the result of the same validation import uses on the main thread (parseFlow).
import { type ParseResult, parseFlow } from '../model/validate';

/** What the worker posts back: progress while it works, then the result. */
export type ParseMessage =
  { type: 'progress'; stage: 'checking'; nodes: number } | { type: 'result'; result: ParseResult };

interface WorkerScope {
  postMessage(msg: ParseMessage): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<Blob>) => void): void;
}
const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (e) => {
  void (async () => {
    const text = await e.data.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      scope.postMessage({
        type: 'result',
        result: { ok: false, problems: [{ path: '', message: `not valid JSON (${why})` }] },
      });
      return;
    }
    const nodes = (json as { nodes?: unknown } | null)?.nodes;
    scope.postMessage({
      type: 'progress',
      stage: 'checking',
      nodes: Array.isArray(nodes) ? nodes.length : 0,
    });
    scope.postMessage({ type: 'result', result: parseFlow(json) });
  })();
});
