// Live edits are plans computed by node id against the flow the engine was built from.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { planEdits, withEdits } from './edits';
import { NODE_ROW } from './snapshot';
import { createEngineSimulation } from './simulation';
import { exp, flowOf, handler, producer, queue, store } from './testing/flows';

/** p → q → {hA, hB} → s */
const fanIn = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(0.1) }),
      queue('q'),
      handler('hA', { concurrency: 2, service: exp(0.1) }),
      handler('hB', { concurrency: 3, service: exp(0.1) }),
      store('s'),
    ],
    ['p->q', 'q->hA', 'q->hB', 'hA->s', 'hB->s'],
  );

/** Delete hA, add hC, then set hB's concurrency to 9 (the sequence that once gave hA 9 workers). */
function editSequence(built: Flow): [Flow, Flow] {
  const first = structuredClone(built);
  first.nodes = first.nodes.filter((n) => n.id !== 'hA');
  first.edges = first.edges.filter((e) => !e.id.includes('hA'));
  first.nodes.push(handler('hC', { concurrency: 1, service: exp(0.1) }));
  first.edges.push({ id: 'q->hC', source: 'q', target: 'hC' });
  const second = structuredClone(first);
  const hB = second.nodes.find((n) => n.id === 'hB')!;
  if (hB.kind === 'handler') hB.config.concurrency = 9;
  return [first, second];
}

describe('planEdits', () => {
  it('addresses live edits by id', () => {
    const built = fanIn();
    const [first, second] = editSequence(built);
    const p1 = planEdits(built, built, first);
    expect(p1.live).toEqual([]);
    expect(p1.needsReset).toEqual(['nodes', 'nodes[4]', 'edges', 'edges[3]']);
    const running = withEdits(built, p1.live);
    const p2 = planEdits(built, running, second);
    // hB is node 3 in the built flow, node 2 in the edited one.
    expect(p2.live).toEqual([{ field: 'concurrency', node: 'hB', value: 9 }]);
    expect(p2.needsReset).toEqual(p1.needsReset);
  });

  it('a change undone before the reset no longer waits for it; a live value is sent once', () => {
    const built = fanIn();
    const bigger = structuredClone(built);
    const q = bigger.nodes[1]!;
    if (q.kind === 'queue') q.config.capacity = 10;
    expect(planEdits(built, built, bigger).needsReset).toEqual(['nodes[1].config.capacity']);
    expect(planEdits(built, built, built).needsReset).toEqual([]);
    const faster = structuredClone(built);
    const p = faster.nodes[0]!;
    if (p.kind === 'producer') p.config.interarrival = exp(0.05);
    const plan = planEdits(built, built, faster);
    expect(plan.live).toEqual([{ field: 'interarrival', node: 'p', dist: exp(0.05) }]);
    expect(planEdits(built, withEdits(built, plan.live), faster).live).toEqual([]);
  });
});

describe('live edits in a running engine', () => {
  it('reach the node they name, whatever was added or removed before them', () => {
    const built = fanIn();
    const sim = createEngineSimulation(built, { seed: 1, duration: 100, warmup: 0 });
    sim.advanceTo(10);
    const [first, second] = editSequence(built);
    sim.update(first);
    sim.update(second);
    sim.advanceTo(20);
    const workers = (id: string) =>
      sim.snapshot().nodes[sim.layout.nodeIds.indexOf(id) * NODE_ROW.size + NODE_ROW.at.concurrency];
    expect(workers('hB')).toBe(9);
    expect(workers('hA')).toBe(2);
    sim.reset();
    expect(sim.layout.nodeIds).toEqual(['hB', 'hC', 'p', 'q', 's']);
    expect(workers('hB')).toBe(9);
  });
});
