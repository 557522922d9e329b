// Starts the simulation worker and the client that talks to it.
import { createRunClient, type RunClient } from '../../runtime/client';

export function createWorkerClient(): { client: RunClient; terminate: () => void } {
  const worker = new Worker(new URL('../../runtime/worker.ts', import.meta.url), { type: 'module' });
  const client = createRunClient(worker, {
    now: () => performance.now(),
    schedule: (fn, ms) => {
      const id = window.setTimeout(fn, ms);
      return () => window.clearTimeout(id);
    },
  });
  return {
    client,
    terminate: () => {
      client.destroy();
      worker.terminate();
    },
  };
}
