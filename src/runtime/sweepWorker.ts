// A sweep Web Worker's entry: wires the sweep host to the worker's clock and message port. All
// logic lives in sweepHost.ts.
import { isToSweepWorker } from './protocol';
import { createSweepHost } from './sweepHost';

/** The part of DedicatedWorkerGlobalScope used here (the app's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(msg: unknown): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createSweepHost({
  now: () => performance.now(),
  post: (msg) => scope.postMessage(msg),
});

scope.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isToSweepWorker(e.data)) host.handle(e.data);
});
