import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { describeProblem, problemsWithNodes } from './problems';

const flow: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'x',
  nodes: [
    {
      id: 'h1',
      kind: 'handler',
      label: 'Billing',
      position: { x: 0, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
    },
  ],
  edges: [],
};

describe('describeProblem', () => {
  it('names the node by label, then the field and the reason', () => {
    const [p] = problemsWithNodes(flow, [
      { path: 'nodes[0].config.concurrency', message: 'must be a whole number ≥ 1' },
    ]);
    expect(describeProblem(flow, p!)).toBe(
      'Handler “Billing” (config.concurrency): must be a whole number ≥ 1',
    );
  });

  it('does not name the node twice when the message already does', () => {
    const [p] = problemsWithNodes(flow, [
      { path: 'nodes[0]', message: 'handler "Billing" is unreachable: no producer feeds it' },
    ]);
    expect(describeProblem(flow, p!)).toBe('Handler “Billing” is unreachable: no producer feeds it');
  });

  it('keeps the path when no node is named', () => {
    expect(describeProblem(flow, { path: 'edges[2]', message: 'there is no node "x"' })).toBe(
      'edges[2]: there is no node "x"',
    );
  });
});
