// Results do not depend on the order nodes and edges are listed in: a flow file reordered (by a
// merge, a tool, a person) runs exactly the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { runnableProblems } from '../model/runnable';
import { flowArb } from './testing/arbitrary';
import { run } from './testing/flows';

/** The report with its nodes keyed in a fixed order (the report lists them in file order). */
const canonical = (flow: Flow, seed: number, duration: number): string => {
  const r = run(flow, seed, duration, duration / 10).report;
  const nodes = Object.keys(r.nodes)
    .sort()
    .map((id) => [id, r.nodes[id]]);
  return JSON.stringify({ ...r, wallMs: 0, nodes });
};

describe('file order', () => {
  it('does not change results, on 150 random flows shuffled', () => {
    fc.assert(
      fc.property(flowArb, fc.nat(1000), fc.integer(), (flow, seed, shuffleSeed) => {
        fc.pre(runnableProblems(flow).length === 0);
        const shuffled: Flow = {
          ...flow,
          nodes: fc.sample(fc.shuffledSubarray(flow.nodes, { minLength: flow.nodes.length }), {
            numRuns: 1,
            seed: shuffleSeed,
          })[0]!,
          edges: fc.sample(fc.shuffledSubarray(flow.edges, { minLength: flow.edges.length }), {
            numRuns: 1,
            seed: shuffleSeed,
          })[0]!,
        };
        expect(canonical(shuffled, seed, 20)).toBe(canonical(flow, seed, 20));
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('the report lists nodes in the file’s order', () => {
    const flow = fc.sample(flowArb, { numRuns: 1, seed: 5 })[0]!;
    const reversed = { ...flow, nodes: [...flow.nodes].reverse() };
    expect(Object.keys(run(reversed, 1, 5).report.nodes)).toEqual(reversed.nodes.map((n) => n.id));
  });
});
