// The sweep pool and the searches on it: whatever order workers finish in (in-process hosts
// answering after uneven delays, or hosts behind a real MessageChannel), the document is the one
// a serial sweepDocument gives; Cancel stops the workers at once; the search finds what a
// brute-force sweep of the same values finds.
import { afterEach, describe, expect, it } from 'vitest';
import {
  meetsWithConfidence,
  pointFlows,
  sweepDocument,
  unitsOf,
  type SweepSpec,
} from '../engine/experiment';
import type { Flow } from '../model/flow';
import type { Slo } from '../model/slo';
import { isToSweepWorker, type FromSweepWorker, type ToSweepWorker } from './protocol';
import { createSweepHost } from './sweepHost';
import { createSweepPool, poolSize, SweepCancelled, type SweepPool, type SweepPort } from './sweepPool';
import { findSmallest, runSweep, SweepHalted, type SweepRequest } from './sweeps';
import { blockLoopFlow, orderFlow } from './testing/flows';
import { ranUnit, withTimes } from '../engine/testing/sweeps';

const now = () => performance.now();
const settings = { duration: 30, warmup: 5 };

/** A host in this realm whose answers arrive after a delay that differs per unit, so they cross. */
function delayedWorker(log: { terminated: number }): SweepPort {
  const listeners = new Set<(e: Event) => void>();
  let alive = true;
  let delay = 0;
  const host = createSweepHost({
    now,
    post: (msg: FromSweepWorker) => {
      delay = (delay + 7) % 13;
      setTimeout(() => {
        if (alive) listeners.forEach((l) => l(new MessageEvent('message', { data: msg })));
      }, delay);
    },
  });
  return {
    postMessage: (msg: ToSweepWorker) => queueMicrotask(() => alive && host.handle(msg)),
    addEventListener: (type, l) => type === 'message' && listeners.add(l),
    terminate: () => {
      alive = false;
      log.terminated++;
    },
  };
}

/** A host behind a MessageChannel: messages structured-cloned both ways, as with a Worker. */
function channelWorker(log: { terminated: number }): SweepPort {
  const { port1, port2 } = new MessageChannel();
  const host = createSweepHost({ now, post: (msg) => port2.postMessage(msg) });
  port2.addEventListener('message', (e) => {
    if (isToSweepWorker(e.data)) host.handle(e.data);
  });
  port2.start();
  port1.start();
  return {
    postMessage: (msg) => port1.postMessage(msg),
    addEventListener: (type, l) => port1.addEventListener(type, l),
    terminate: () => {
      port1.close();
      port2.close();
      log.terminated++;
    },
  };
}

function serialDocument(flow: Flow, spec: SweepSpec, replications: number, seed: number, slos: Slo[]) {
  const flows = pointFlows(flow, spec);
  if (!flows.ok) throw new Error(flows.message);
  const results = unitsOf(spec.values.length, replications, seed).map((unit) =>
    ranUnit(flows.flows[unit.point]!, unit, settings),
  );
  return sweepDocument(spec, replications, seed, results, slos);
}

const request = (spec: SweepSpec, slos: Slo[] = [], replications = 3): SweepRequest => ({
  flow: withTimes(orderFlow(), settings),
  spec,
  replications,
  seed: 7,
  slos,
});

let pools: SweepPool[] = [];
afterEach(() => {
  pools.forEach((p) => p.destroy());
  pools = [];
});
const poolOf = (spawn: () => SweepPort, size: number) => {
  const pool = createSweepPool(spawn, size);
  pools.push(pool);
  return pool;
};

describe('sweep pool', () => {
  const spec = { path: 'nodes.billing.config.concurrency', values: [2, 3, 4] };
  const slos = [{ metric: 'endToEnd.p99', lt: 0.1 }];

  it.each([
    ['in-process, answers crossing', delayedWorker],
    ['behind a MessageChannel', channelWorker],
  ])('gives exactly the serial document, %s', async (_name, make) => {
    const log = { terminated: 0 };
    const pool = poolOf(() => make(log), 3);
    const progress: number[] = [];
    const { document, cost } = await runSweep(pool, request(spec, slos), now, (done) => progress.push(done));
    expect(document).toEqual(serialDocument(orderFlow(), spec, 3, 7, slos));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(cost).toMatchObject({ runs: 9, workers: 3 });
    expect(cost.events).toBeGreaterThan(0);
    // The same pool runs the next job on the same workers.
    const again = await runSweep(pool, request(spec, slos), now);
    expect(again.document).toEqual(document);
    expect(log.terminated).toBe(0);
  });

  it('uses no more workers than units, and one worker gives the same document', async () => {
    let spawned = 0;
    const log = { terminated: 0 };
    const one = poolOf(() => (spawned++, delayedWorker(log)), 1);
    const { document } = await runSweep(one, request({ path: 'load', values: [0.5, 1] }, [], 2), now);
    expect(spawned).toBe(1);
    const many = poolOf(() => (spawned++, delayedWorker(log)), 8);
    const wide = await runSweep(many, request({ path: 'load', values: [0.5, 1] }, [], 2), now);
    expect(spawned).toBe(1 + 4);
    expect(wide.document).toEqual(document);
  });

  it('cancel terminates every worker at once and rejects; the next run starts fresh workers', async () => {
    const log = { terminated: 0 };
    let spawned = 0;
    const pool = poolOf(() => (spawned++, delayedWorker(log)), 2);
    const running = runSweep(pool, request(spec), now, (done) => {
      if (done === 2) pool.cancel();
    });
    await expect(running).rejects.toBeInstanceOf(SweepCancelled);
    expect(log.terminated).toBe(2);
    const { document } = await runSweep(pool, request(spec), now);
    expect(document.points).toHaveLength(3);
    expect(spawned).toBe(4);
  });

  it('says why a value is refused before running anything, and a failing unit stops the job', async () => {
    const log = { terminated: 0 };
    const pool = poolOf(() => delayedWorker(log), 2);
    await expect(runSweep(pool, request({ path: spec.path, values: [2, 0] }), now)).rejects.toThrow(
      /nodes\.billing\.config\.concurrency = 0/,
    );
    // A flow the model accepts and the engine refuses: an unreachable handler.
    const flow = orderFlow();
    flow.nodes.push({
      id: 'orphan',
      kind: 'handler',
      position: { x: 0, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
    });
    await expect(runSweep(pool, { ...request(spec), flow }, now)).rejects.toThrow(/unreachable/);
  });

  it('a run a guard stops ends the sweep with the value, the seed and the reason, never averaged in', async () => {
    const log = { terminated: 0 };
    const pool = poolOf(() => delayedWorker(log), 2);
    const req: SweepRequest = {
      flow: blockLoopFlow(100),
      spec: { path: 'nodes.qa.config.capacity', values: [100, 1] },
      replications: 2,
      seed: 4,
      slos: [],
    };
    const halted = await runSweep(pool, req, now).catch((err: unknown) => err);
    expect(halted).toBeInstanceOf(SweepHalted);
    expect(halted).toMatchObject({
      path: 'nodes.qa.config.capacity',
      value: 1,
      unit: { point: 1 },
      halt: { kind: 'deadlock' },
      duration: 20,
    });
    expect((halted as SweepHalted).message).toMatch(
      /^the run of nodes\.qa\.config\.capacity = 1 with seed [45] stopped at .* of 20 s: .*deadlock/,
    );
    // The search says the same of the value it tried.
    const search = findSmallest(pool, { ...req, slos: [{ metric: 'totals.dropped', eq: 0 }] }, now);
    await expect(search).rejects.toMatchObject({ name: 'SweepHalted', value: 1 });
    // The pool runs the next job as usual.
    const { document } = await runSweep(pool, { ...req, spec: { ...req.spec, values: [100] } }, now);
    expect(document.points).toHaveLength(1);
  });

  it('sizes itself by the cores, within reason', () => {
    expect(poolSize(undefined)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(4)).toBe(4);
    expect(poolSize(64)).toBe(8);
  });
});

describe('find the smallest value', () => {
  it('finds what a brute-force sweep of the same values finds, and says when none passes', async () => {
    const log = { terminated: 0 };
    const pool = poolOf(() => delayedWorker(log), 2);
    const values = [5, 1, 2, 3, 4];
    const slos = [{ metric: 'endToEnd.p99', lt: 0.07 }];
    const spec = { path: 'nodes.billing.config.concurrency', values };
    const found = await findSmallest(pool, request(spec, slos, 4), now);
    const sorted = [1, 2, 3, 4, 5];
    const brute = serialDocument(orderFlow(), { ...spec, values: sorted }, 4, 7, slos);
    const first = brute.points.findIndex((p) => meetsWithConfidence(p, slos));
    expect(first).toBeGreaterThan(0);
    expect(found.answer?.value).toBe(sorted[first]);
    // Each probe is the point a full sweep gives for that value.
    for (const p of found.probes) expect(p.point).toEqual(brute.points[sorted.indexOf(p.value)]);
    expect(found.probes[0]!.value).toBe(5);
    expect(found.probes.length).toBeLessThan(values.length);

    const none = await findSmallest(pool, request(spec, [{ metric: 'endToEnd.p99', lt: 0.001 }], 4), now);
    expect(none.answer).toBeNull();
    expect(none.probes.map((p) => p.value)).toEqual([5]);
  });

  it('needs an objective', async () => {
    const pool = poolOf(() => delayedWorker({ terminated: 0 }), 1);
    await expect(findSmallest(pool, request({ path: 'load', values: [1] }), now)).rejects.toThrow(
      /add an objective/,
    );
  });
});
