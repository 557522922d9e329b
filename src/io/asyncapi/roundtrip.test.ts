// export → import → export is lossless: any valid flow comes back equal (after the same
// normalisation as a Flow JSON file), and exporting it again gives the same text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { flowArb as runnableFlowArb } from '../../engine/testing/arbitrary';
import type { Flow } from '../../model/flow';
import { flowArb } from '../../model/testing/arbitraries';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { exportAsyncApi, importAsyncApi } from '.';

/** The flow as a Flow JSON file reads it: what the import must give back. */
const normalised = (flow: unknown): Flow => {
  const r = parseFlow(flow);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.flow;
};

function roundTrip(flow: Flow): void {
  const text = exportAsyncApi(flow);
  const back = importAsyncApi([{ name: 'flow.asyncapi.yaml', text }]);
  expect(back.ok ? [] : back.problems).toEqual([]);
  if (!back.ok) return;
  expect(back.flow).toEqual(normalised(flow));
  expect(back.notices).toEqual([]);
  expect(exportAsyncApi(back.flow)).toBe(text);
}

describe('AsyncAPI round trip', () => {
  it('any valid flow survives export → import unchanged, unknown fields included', () => {
    fc.assert(fc.property(flowArb(), roundTrip), { numRuns: 300 });
  });

  it('so does any runnable flow, every version 2 setting included', () => {
    fc.assert(fc.property(runnableFlowArb, roundTrip), { numRuns: 150 });
  });

  it('so does every template', () => {
    for (const t of TEMPLATES) roundTrip(normalised(t.json));
  });

  it('exports the same text for the same flow, whatever the order of its keys', () => {
    fc.assert(
      fc.property(flowArb(), (flow) => {
        const reversed = JSON.parse(JSON.stringify(flow), (_k, v: unknown) =>
          v && typeof v === 'object' && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        ) as Flow;
        expect(exportAsyncApi(reversed)).toBe(exportAsyncApi(flow));
      }),
      { numRuns: 100 },
    );
  });

  it('reads an export given as JSON as well as YAML', () => {
    const flow = normalised(TEMPLATES[0]!.json);
    const yaml = exportAsyncApi(flow);
    const json = JSON.stringify(parse(yaml));
    const back = importAsyncApi([{ name: 'flow.json', text: json }]);
    expect(back.ok && back.flow).toEqual(flow);
  });
});
