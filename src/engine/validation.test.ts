// Bad flows are refused before running, with the import's path-and-reason messages.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../model/validate';
import { createSimulation } from './simulation';
import { constant, flowOf, handler, producer, queue, store, topic } from './testing/flows';

const problems = (input: unknown): string[] => {
  const r = createSimulation(input, { seed: 1, duration: 10, warmup: 0 });
  return r.ok ? [] : r.problems.map(formatProblem);
};
const ok = flowOf(
  [
    producer('p', { eventType: 'e', interarrival: constant(1) }),
    queue('q'),
    handler('h', { concurrency: 1, service: constant(0.5) }),
  ],
  ['p->q', 'q->h'],
);

describe('createSimulation refuses bad flows', () => {
  it('accepts a good one', () => {
    expect(problems(ok)).toEqual([]);
  });

  it('schema: names the field and the reason', () => {
    const bad = structuredClone(ok);
    (bad.nodes[2]!.config as { concurrency: number }).concurrency = 0;
    expect(problems(bad)).toEqual(['nodes[2].config.concurrency: must be a whole number ≥ 1']);
    expect(problems('nope')).toEqual(['the file must hold a JSON object (a Flow)']);
    expect(problems({ ...ok, version: 3 })).toEqual([
      'version: 3 is newer than this app reads (1–2): open it with a newer Eventflow Studio',
    ]);
  });

  it('schema: a bad distribution, a failure rate above 1, a negative latency', () => {
    const bad = structuredClone(ok);
    (bad.nodes[0]!.config as { interarrival: unknown }).interarrival = { dist: 'exponential', mean: 0 };
    (bad.nodes[2]!.config as { failureRate: number }).failureRate = 1.5;
    bad.edges[0]!.latency = { dist: 'constant', value: -1 };
    expect(problems(bad)).toEqual([
      'nodes[0].config.interarrival.mean: must be a number > 0 s',
      'nodes[2].config.failureRate: must be a probability between 0 and 1',
      'edges[0].latency.value: must be a number ≥ 0 s',
    ]);
  });

  it('references: an edge to a missing node, a dead-letter target that is not a bus', () => {
    const bad = structuredClone(ok);
    bad.edges.push({ id: 'x', source: 'q', target: 'ghost' });
    expect(problems(bad)).toEqual(['edges[2].target: there is no node "ghost"']);
    const dl = flowOf([...structuredClone(ok.nodes), store('s')], ['p->q', 'q->h']);
    (dl.nodes[1]!.config as { deadLetter: string }).deadLetter = 'h';
    expect(problems(dl)).toEqual([
      'nodes[1].config.deadLetter: must name a queue, topic or stream ("h" is a handler)',
    ]);
  });

  it('graph: an unreachable handler, named', () => {
    const bad = flowOf(
      [...ok.nodes, { ...handler('billing', { concurrency: 1, service: constant(1) }), label: 'Billing' }],
      ['p->q', 'q->h'],
    );
    expect(problems(bad)).toEqual(['nodes[3]: handler "Billing" is unreachable: no producer feeds it']);
  });

  it('graph: a loop made only of buses', () => {
    const bad = flowOf([...ok.nodes, topic('t')], ['p->q', 'q->h', 'q->t', 't->q']);
    expect(problems(bad)).toEqual([
      'nodes[1]: queue "q" is on a loop that takes no time (no service or latency on it averages 1 µs or more): events would circle without end',
    ]);
  });
});
