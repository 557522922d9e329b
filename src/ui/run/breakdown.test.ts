import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import type { Flow } from '../../model/flow';
import { networkInto, pathTimes } from './breakdown';
import { formatDurations } from './figures';

function run(flow: Flow, duration = 600) {
  const created = createSimulation(flow, { seed: 3, duration, warmup: 20 });
  if (!created.ok) throw new Error(created.problems.map((p) => p.message).join('; '));
  created.sim.advanceTo(duration);
  return created.sim.report();
}

const c = (value: number) => ({ dist: 'constant' as const, value });

/** producer →(3 ms) queue →(2 ms) handler →(1 ms) store. */
const line = (): Flow => ({
  format: 'eventflow',
  version: 2,
  name: 'line',
  nodes: [
    {
      id: 'p',
      kind: 'producer',
      label: 'Orders',
      position: { x: 0, y: 0 },
      config: { eventType: 'o', interarrival: { dist: 'exponential', mean: 0.02 } },
    },
    { id: 'q', kind: 'queue', label: 'Queue', position: { x: 300, y: 0 }, config: {} },
    {
      id: 'h',
      kind: 'handler',
      label: 'Billing',
      position: { x: 600, y: 0 },
      config: { concurrency: 1, service: { dist: 'exponential', mean: 0.012 } },
    },
    { id: 's', kind: 'store', label: 'Ledger', position: { x: 900, y: 0 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q', latency: c(0.003) },
    { id: 'e2', source: 'q', target: 'h', latency: c(0.002) },
    { id: 'e3', source: 'h', target: 's', latency: c(0.001) },
  ],
});

describe('where time goes, hop by hop', () => {
  it('wait + processing + network per hop adds up to the measured end-to-end mean', () => {
    const flow = line();
    const report = run(flow);
    const [path, ...others] = pathTimes(flow, report);
    expect(others).toEqual([]);
    expect(path!.labels).toEqual(['Orders', 'Queue', 'Billing', 'Ledger']);
    const [queue, handler, store] = path!.hops;
    expect(queue!.network).toEqual({ seconds: 0.003, source: 'configured' });
    expect(handler!.network.source).toBe('measured');
    expect(handler!.network.seconds).toBeCloseTo(0.002, 6);
    expect(handler!.wait).toBe(report.nodes.h!.wait.mean);
    expect(handler!.service).toBe(report.nodes.h!.service.mean);
    expect(store!.network).toEqual({ seconds: 0.001, source: 'configured' });
    expect(store!.start).toBeCloseTo(queue!.total + handler!.total, 12);
    // One path: its hops are the end-to-end journey (same completions, up to the warm-up edge).
    expect(Math.abs(path!.total / report.endToEnd.mean - 1)).toBeLessThan(0.01);
    expect(networkInto('h', flow, report).source).toBe('measured');
    expect(networkInto('q', flow, report)).toEqual({ seconds: 0.003, source: 'configured' });
    expect(networkInto('p', flow, report).source).toBe('none');
  });

  it('orders paths slowest first; a topic gives one path per subscription', () => {
    const flow = line();
    flow.nodes[1] = { id: 'q', kind: 'topic', label: 'Topic', position: { x: 300, y: 0 }, config: {} };
    flow.nodes.push({
      id: 'slow',
      kind: 'handler',
      label: 'Slow',
      position: { x: 600, y: 200 },
      config: { concurrency: 1, service: { dist: 'constant', value: 0.018 } },
    });
    flow.edges.push({ id: 'e4', source: 'q', target: 'slow' });
    const paths = pathTimes(flow, run(flow, 300));
    expect(paths.map((p) => p.labels.at(-1))).toEqual(['Slow', 'Ledger']);
    expect(paths[0]!.total).toBeGreaterThan(paths[1]!.total);
  });

  it('leaves out calls to a dependency: they are part of the handler’s service, not a hop', () => {
    const report = run(line(), 300);
    const calling = line();
    const db = { id: 'db', kind: 'dependency', label: 'DB', position: { x: 600, y: 200 } } as const;
    calling.nodes.push({ ...db, config: { pool: 4, service: c(0.002) } });
    calling.edges.push({ id: 'e4', source: 'h', target: 'db', attempts: 2 });
    expect(pathTimes(calling, report).map((p) => p.labels)).toEqual([
      ['Orders', 'Queue', 'Billing', 'Ledger'],
    ]);
    // A handler whose only other edge is a call ends the journey.
    calling.edges = calling.edges.filter((e) => e.id !== 'e3');
    expect(pathTimes(calling, report).map((p) => p.labels)).toEqual([['Orders', 'Queue', 'Billing']]);
  });
});

describe('the table’s percentile triples', () => {
  it('write a shared unit once', () => {
    expect(formatDurations(0.0613, 0.26, 0.33)).toBe('61.3 / 260 / 330 ms');
    expect(formatDurations(0.2, 0.9, 1.5)).toBe('200 ms / 900 ms / 1.5 s');
    expect(formatDurations(0, 0, 0)).toBe('0 / 0 / 0 ms');
    expect(formatDurations(1.5, 4)).toBe('1.5 / 4 s');
  });
});
