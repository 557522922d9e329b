// A sweep worker in this realm for tests (test-only): the real host behind a SweepPort whose
// messages are delivered on later microtasks, as a Worker's would be, and cloned as theirs are.
import type { FromSweepWorker, ToSweepWorker } from '../protocol';
import { createSweepHost } from '../sweepHost';
import type { SweepPort } from '../sweepPool';

export function inProcessSweepWorker(): SweepPort {
  const listeners = new Set<(e: Event) => void>();
  let alive = true;
  const host = createSweepHost({
    now: () => 0,
    post: (msg: FromSweepWorker) =>
      queueMicrotask(() => {
        const data = structuredClone(msg);
        if (alive) listeners.forEach((l) => l(new MessageEvent('message', { data })));
      }),
  });
  return {
    postMessage: (msg: ToSweepWorker) => {
      const data = structuredClone(msg);
      queueMicrotask(() => alive && host.handle(data));
    },
    addEventListener: (type, l) => type === 'message' && listeners.add(l),
    terminate: () => {
      alive = false;
    },
  };
}
