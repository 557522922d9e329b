import { describe, expect, it } from 'vitest';
import { callLabel, edgeLabel } from './edgeLabel';

const edge = { id: 'e', source: 'a', target: 'b' };

describe('edge labels', () => {
  it('leave a plain edge and a call with every default unlabelled', () => {
    expect(edgeLabel(edge, false)).toBeUndefined();
    expect(edgeLabel(edge, true)).toBeUndefined();
    expect(callLabel({ calls: 1, attempts: 1 })).toBeUndefined();
  });

  it("name an event edge's latency and filter", () => {
    const e = { ...edge, latency: { dist: 'constant' as const, value: 0.005 }, filter: ['A', 'B'] };
    expect(edgeLabel(e, false)).toBe('const 5 ms · only A, B');
    expect(edgeLabel({ ...edge, filter: ['OrderPlaced'] }, false)).toBe('only OrderPlaced');
  });

  it('name what is set of a call', () => {
    const e = { ...edge, calls: 2, timeout: 0.5, attempts: 3, backoff: { initial: 0.1 } };
    expect(edgeLabel(e, true)).toBe('2 calls · timeout 500 ms · 3 attempts');
  });
});
