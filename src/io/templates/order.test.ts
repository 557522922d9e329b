// The templates run the same whatever order their nodes and edges are listed in (the CQRS
// template once emitted 37,855 events listed one way and 37,867 another).
import { describe, expect, it } from 'vitest';
import { createEngineSimulation } from '../../engine/simulation';
import type { Flow } from '../../model/flow';
import { TEMPLATES } from '.';

const report = (flow: Flow): string => {
  const sim = createEngineSimulation(flow, { seed: 7, duration: 120, warmup: 10 });
  sim.advanceTo(120);
  const r = sim.report();
  const nodes = Object.keys(r.nodes)
    .sort()
    .map((id) => [id, r.nodes[id]]);
  return JSON.stringify({ ...r, nodes });
};

describe('templates in another order', () => {
  for (const t of TEMPLATES) {
    it(`${t.title}: reversed and rotated lists give the same figures`, () => {
      const flow = t.json as Flow;
      const rotate = <T>(xs: readonly T[]) => [...xs.slice(1), ...xs.slice(0, 1)];
      const expected = report(flow);
      expect(report({ ...flow, nodes: [...flow.nodes].reverse(), edges: [...flow.edges].reverse() })).toBe(
        expected,
      );
      expect(report({ ...flow, nodes: rotate(flow.nodes), edges: rotate(flow.edges) })).toBe(expected);
    });
  }
});
