// The client's promise to React: however many snapshots arrive, at most ~10 commits a second.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { createRunClient, type RunPort } from './client';
import { createHost } from './host';
import type { ToWorker } from './protocol';
import { FakeClock } from './testing/fakeClock';
import { orderFlow } from './testing/flows';

describe('run client', () => {
  it('commits to React at most 10 times a second while snapshots stream at 30', () => {
    const clock = new FakeClock();
    const listeners = new Set<(e: Event) => void>();
    const host = createHost({
      now: clock.now,
      schedule: clock.schedule,
      post: (msg) => listeners.forEach((l) => l(new MessageEvent('message', { data: msg }))),
      create: createSimulation,
    });
    const port: RunPort = {
      postMessage: (msg: ToWorker) => host.handle(msg),
      addEventListener: (type, l) => type === 'message' && listeners.add(l),
      removeEventListener: (_t, l) => listeners.delete(l),
    };
    const client = createRunClient(port, clock);
    let snapshots = 0;
    client.onSnapshot(() => snapshots++);
    client.load(orderFlow(), { seed: 3, duration: Infinity, warmup: 0 });
    client.run('realtime', 1);
    let commits = 0;
    client.subscribe(() => commits++);
    clock.advance(1000);
    expect(snapshots).toBeGreaterThan(25);
    expect(commits).toBeGreaterThan(5);
    expect(commits).toBeLessThanOrEqual(11);
    expect(client.getState().time).toBeGreaterThan(0.9);
    // The holder always has the newest snapshot, whatever React has seen.
    expect(client.holder.snapshot!.time).toBeGreaterThanOrEqual(client.getState().time);
  });
});
