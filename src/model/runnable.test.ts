import { describe, expect, it } from 'vitest';
import type { Flow, FlowNode } from './flow';
import { runnableProblems } from './runnable';

const at = { x: 0, y: 0 };
const nodes: FlowNode[] = [
  {
    id: 'p',
    kind: 'producer',
    position: at,
    config: { eventType: 'e', interarrival: { dist: 'constant', value: 1 } },
  },
  { id: 'q', kind: 'queue', position: at, config: { deadLetter: 'dlq' } },
  {
    id: 'h',
    kind: 'handler',
    position: at,
    config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
  },
  { id: 'dlq', kind: 'queue', position: at, config: {} },
  {
    id: 'dh',
    kind: 'handler',
    label: 'Dead letters',
    position: at,
    config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
  },
];
const flow = (edges: [string, string][]): Flow => ({
  format: 'eventflow',
  version: 2,
  name: 't',
  nodes: structuredClone(nodes),
  edges: edges.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
});

describe('runnableProblems', () => {
  it('a dead-letter bus makes its consumers reachable', () => {
    expect(
      runnableProblems(
        flow([
          ['p', 'q'],
          ['q', 'h'],
          ['dlq', 'dh'],
        ]),
      ),
    ).toEqual([]);
  });

  it('names an unreachable handler by label', () => {
    const f = flow([
      ['p', 'q'],
      ['q', 'h'],
      ['dlq', 'dh'],
    ]);
    delete (f.nodes[1]!.config as { deadLetter?: string }).deadLetter;
    expect(runnableProblems(f)).toEqual([
      { path: 'nodes[4]', message: 'handler "Dead letters" is unreachable: no producer feeds it' },
    ]);
  });

  it('refuses a dead-letter target that is not a bus', () => {
    const f = flow([
      ['p', 'q'],
      ['q', 'h'],
      ['dlq', 'dh'],
    ]);
    (f.nodes[1]!.config as { deadLetter?: string }).deadLetter = 'h';
    expect(runnableProblems(f)[0]).toEqual({
      path: 'nodes[1].config.deadLetter',
      message: 'must name a queue, topic or stream ("h" is a handler)',
    });
  });

  it('refuses a loop of handlers that take no time', () => {
    const f = flow([
      ['p', 'q'],
      ['q', 'h'],
      ['dlq', 'dh'],
      ['h', 'dh'],
      ['dh', 'h'],
    ]);
    (f.nodes[2]!.config as { service: unknown }).service = { dist: 'constant', value: 0 };
    (f.nodes[4]!.config as { service: unknown }).service = { dist: 'uniform', min: 0, max: 0 };
    expect(runnableProblems(f)).toHaveLength(1);
    f.edges[3]!.latency = { dist: 'exponential', mean: 0.1 };
    expect(runnableProblems(f)).toEqual([]);
  });

  it('refuses a loop whose every service and latency averages under 1 µs (issue 13, item 2)', () => {
    const loop = (service: number, latency: number) => {
      const f = flow([
        ['p', 'q'],
        ['q', 'h'],
        ['dlq', 'dh'],
        ['h', 'dh'],
        ['dh', 'h'],
      ]);
      (f.nodes[2]!.config as { service: unknown }).service = { dist: 'constant', value: service };
      (f.nodes[4]!.config as { service: unknown }).service = { dist: 'exponential', mean: service };
      for (const e of f.edges.slice(3)) e.latency = { dist: 'constant', value: latency };
      return runnableProblems(f).map((p) => `${p.path}: ${p.message}`);
    };
    // Femtosecond services and nanosecond latencies: a million laps and more per simulated second.
    expect(loop(1e-9, 1e-9)).toEqual([
      'nodes[2]: handler "h" is on a loop that takes no time (no service or latency on it averages 1 µs or more): events would circle without end',
    ]);
    expect(loop(9.9e-7, 0)).toHaveLength(1);
    expect(loop(1e-6, 0)).toEqual([]);
    expect(loop(0, 1e-6)).toEqual([]);
  });

  it('allows loops through a handler, refuses loops of buses only', () => {
    expect(
      runnableProblems(
        flow([
          ['p', 'q'],
          ['q', 'h'],
          ['h', 'q'],
          ['dlq', 'dh'],
        ]),
      ),
    ).toEqual([]);
    expect(
      runnableProblems(
        flow([
          ['p', 'q'],
          ['q', 'h'],
          ['q', 'dlq'],
          ['dlq', 'q'],
          ['dlq', 'dh'],
        ]),
      ),
    ).toHaveLength(1);
  });
});
