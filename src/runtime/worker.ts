// The Web Worker entry: wires the host to the worker's clock, timer and message port. All logic
// lives in host.ts so that tests run it in-process and through a MessageChannel unchanged.
import { createSimulation } from '../engine';
import { createHost } from './host';
import { isToWorker } from './protocol';

/** The part of DedicatedWorkerGlobalScope used here (the app's lib is DOM, not WebWorker). */
interface WorkerScope {
  postMessage(msg: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<unknown>) => void): void;
}
const scope = self as unknown as WorkerScope;

const host = createHost({
  now: () => performance.now(),
  schedule: (fn, ms) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
  post: (msg, transfer) => scope.postMessage(msg, transfer),
  create: createSimulation,
});

scope.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isToWorker(e.data)) host.handle(e.data);
});
