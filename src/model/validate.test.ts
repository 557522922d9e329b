import { describe, expect, it } from 'vitest';
import { formatProblem, parseFlow } from './validate';

describe('parseFlow', () => {
  it('names the field and the reason', () => {
    const r = parseFlow({
      format: 'eventflow',
      version: 1,
      name: 'x',
      nodes: [
        {
          id: 'h',
          kind: 'handler',
          position: { x: 0, y: 0 },
          config: { concurrency: 0, service: { dist: 'constant', value: 1 } },
        },
      ],
      edges: [],
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map(formatProblem)).toEqual([
        'nodes[0].config.concurrency: must be a whole number ≥ 1',
      ]);
  });
});
