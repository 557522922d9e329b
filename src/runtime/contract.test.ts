// The runtime contract, run twice: with the host in-process and with the host behind a real
// MessageChannel (structured clone + transferred buffers, as with a Worker). Same seed, same
// numbers, both ways — and the same as calling the engine directly.
import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { TOTALS } from '../engine/snapshot';
import { createRunClient, type RunClient, type RunPort } from './client';
import { createHost, type Host } from './host';
import { isToWorker, type FromWorker, type ToWorker } from './protocol';
import { orderFlow, unreachableFlow } from './testing/flows';

const timers = {
  now: () => performance.now(),
  schedule: (fn: () => void, ms: number) => {
    const id = setTimeout(fn, ms);
    return () => clearTimeout(id);
  },
};

interface Transport {
  port: RunPort;
  close(): void;
}

/** Host and client in one realm, messages passed by reference, delivered asynchronously. */
function inProcess(): Transport {
  const listeners = new Set<(e: Event) => void>();
  const host: Host = createHost({
    ...timers,
    post: (msg: FromWorker) => {
      queueMicrotask(() => listeners.forEach((l) => l(new MessageEvent('message', { data: msg }))));
    },
    create: createSimulation,
  });
  return {
    port: {
      postMessage: (msg: ToWorker) => queueMicrotask(() => host.handle(msg)),
      addEventListener: (type, l) => type === 'message' && listeners.add(l),
      removeEventListener: (_type, l) => listeners.delete(l),
    },
    close: () => host.destroy(),
  };
}

/** The host on the far side of a MessageChannel, exactly as the worker entry wires it. */
function messageChannel(): Transport {
  const { port1, port2 } = new MessageChannel();
  const host = createHost({
    ...timers,
    post: (msg, transfer) => port2.postMessage(msg, transfer),
    create: createSimulation,
  });
  port2.addEventListener('message', (e) => {
    if (isToWorker(e.data)) host.handle(e.data);
  });
  port2.start();
  port1.start();
  return {
    port: port1,
    close: () => {
      host.destroy();
      port1.close();
      port2.close();
    },
  };
}

const until = async (what: () => boolean, ms = 20_000): Promise<void> => {
  const end = performance.now() + ms;
  while (!what()) {
    if (performance.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

const options = { seed: 42, duration: 300, warmup: 0 };

/**
 * Numbers to 12 significant digits. Counts must match exactly and do; time integrals such as
 * utilization are summed up to each snapshot the host takes, so a different snapshot cadence
 * moves their last bits (the engine brings them up to date when observed).
 */
function close(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(12)) : v;
  if (Array.isArray(v)) return v.map(close);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, close(x)]));
  return v;
}

describe.each([
  ['in-process', inProcess],
  ['MessageChannel', messageChannel],
])('runtime contract (%s)', (_name, transport) => {
  let t: Transport;
  let client: RunClient;
  const open = (): RunClient => {
    t = transport();
    client = createRunClient(t.port, timers);
    return client;
  };
  afterEach(() => {
    client.destroy();
    t.close();
  });

  it('runs a flow fast to its duration with the numbers the engine gives directly', async () => {
    const c = open();
    c.load(orderFlow(), options);
    await until(() => c.getState().status === 'ready');
    c.run('fast', 1);
    await until(() => c.getState().status === 'done' && c.getState().report?.duration !== undefined);
    await until(() => c.holder.snapshot?.done === true);

    const direct = createSimulation(orderFlow(), options);
    if (!direct.ok) throw new Error('fixture refused');
    direct.sim.advanceTo(options.duration);
    const expected = direct.sim.snapshot();
    const got = c.holder.snapshot!;
    expect(got.events).toBe(expected.events);
    expect([...got.buffers.totals]).toEqual([...expected.totals]);
    expect(close([...got.buffers.nodes])).toEqual(close([...expected.nodes]));
    expect([...got.buffers.edgeTransits]).toEqual([...expected.edgeTransits]);
    expect([...got.buffers.endToEnd]).toEqual([...expected.endToEnd]);
    expect(close({ ...c.getState().report!, wallMs: 0 })).toEqual(
      close({ ...direct.sim.report(), wallMs: 0 }),
    );
    expect(c.getState().progress).toBe(1);
  });

  it('steps one event, resets to zero, and reruns identically under the same seed', async () => {
    const c = open();
    c.load(orderFlow(), options);
    await until(() => c.getState().status === 'ready' && c.holder.snapshot !== null);
    c.step({ events: 1 });
    await until(() => c.holder.snapshot?.events === 1);
    c.run('fast', 1);
    await until(() => c.getState().status === 'done');
    const first = c.holder.snapshot!.buffers.totals.slice();
    c.reset();
    await until(() => c.holder.snapshot?.events === 0 && c.getState().status === 'ready');
    expect([...c.holder.snapshot!.buffers.totals]).toEqual(TOTALS.names.map(() => 0));
    c.run('fast', 1);
    await until(() => c.getState().status === 'done' && c.holder.snapshot?.done === true);
    expect([...c.holder.snapshot!.buffers.totals]).toEqual([...first]);
  });

  it('pauses: the clock stops', async () => {
    const c = open();
    c.load(orderFlow(), { ...options, duration: Infinity });
    await until(() => c.getState().status === 'ready');
    c.run('realtime', 5);
    await until(() => (c.holder.snapshot?.time ?? 0) > 0.2);
    c.pause();
    await until(() => c.getState().status === 'paused');
    const frozen = c.holder.snapshot!.time;
    await new Promise((r) => setTimeout(r, 200));
    expect(c.holder.snapshot!.time).toBe(frozen);
  });

  it('reports a refused flow naming the node', async () => {
    const c = open();
    c.load(unreachableFlow(), options);
    await until(() => c.getState().status === 'error');
    expect(c.getState().problems.map((p) => p.nodeId)).toContain('orphan');
  });
});
