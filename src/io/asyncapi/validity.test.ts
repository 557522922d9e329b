// Every export is a valid AsyncAPI 3.0.0 document for other tools: the official parser
// (@asyncapi/parser, a development dependency only) finds no error and no warning in it.
import { Parser } from '@asyncapi/parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flowArb } from '../../model/testing/arbitraries';
import type { Flow } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { exportAsyncApi, importAsyncApi } from '.';
import { FIXTURE_IMPORTS } from './testing/fixtures';

const parser = new Parser();

/** Errors and warnings the official parser reports, one line each. */
async function diagnostics(flow: Flow): Promise<string[]> {
  const text = exportAsyncApi(flow);
  const { document, diagnostics: found } = await parser.parse(text);
  const serious = found
    .filter((d) => d.severity <= 1) // 0 error, 1 warning; information and hints aside
    .map((d) => `${d.code} at ${d.path.join('.')}: ${d.message}`);
  if (!document && serious.length === 0) serious.push('no document');
  return serious;
}

describe('exports are valid AsyncAPI 3.0.0 (official parser)', () => {
  for (const t of TEMPLATES)
    it(`the template "${t.title}"`, async () => {
      const r = parseFlow(t.json);
      if (!r.ok) throw new Error('template does not parse');
      expect(await diagnostics(r.flow)).toEqual([]);
    });

  for (const { title, files } of FIXTURE_IMPORTS)
    it(`the flow imported from ${title}`, async () => {
      const r = importAsyncApi(files);
      if (!r.ok) throw new Error(r.problems.join('\n'));
      expect(await diagnostics(r.flow)).toEqual([]);
    });

  it('random valid flows of every kind and setting', async () => {
    await fc.assert(
      fc.asyncProperty(flowArb(), async (flow) => {
        expect(await diagnostics(flow)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  }, 300_000);
});
