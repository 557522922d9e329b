import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeFlow } from './serialize';
import { flowArb } from './testing/arbitraries';
import { parseFlow, parseFlowText } from './validate';

describe('Flow JSON round trip', () => {
  it('the arbitrary only makes valid flows', () => {
    fc.assert(
      fc.property(flowArb(), (flow) => {
        const r = parseFlow(flow);
        expect(r.ok ? [] : r.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('any valid flow survives export → import unchanged, unknown fields included', () => {
    fc.assert(
      fc.property(flowArb(), (flow) => {
        const r = parseFlowText(serializeFlow(flow));
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.flow).toEqual(flow);
      }),
      { numRuns: 300 },
    );
  });

  it('export is stable: serializing the imported flow gives the same bytes', () => {
    fc.assert(
      fc.property(flowArb(), (flow) => {
        const text = serializeFlow(flow);
        const r = parseFlowText(text);
        if (r.ok) expect(serializeFlow(r.flow)).toBe(text);
      }),
      { numRuns: 100 },
    );
  });
});
