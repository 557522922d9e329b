// Exported YAML printed on a terminal: the same value, with nothing raw a terminal would act on.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exportAsyncApi, importAsyncApi } from '../io/asyncapi';
import { parseFlowText } from '../model/validate';
import { root } from './testing/cli';
import { safeYaml } from './safeYaml';

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const NASTY = [
  '\u001b[2J',
  '\u009b31m',
  '\u202e',
  '\u2066',
  '\u2028',
  '\u007f',
  '\r',
  '\\',
  '"',
  "'",
  ': ',
  '#',
];

describe('safeYaml', () => {
  it('leaves YAML with nothing to escape exactly as it is', () => {
    const text = stringify({ a: 'plain “text” ✓', b: ['x: y', 'multi\nline\n'], c: 1 });
    expect(safeYaml(text)).toBe(text);
  });

  it('keeps the value and leaves nothing raw, in keys and values, plain, quoted or block', () => {
    const piece = fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 4 }), fc.constant('\n'));
    const text = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text, { maxLength: 3 }))), (value) => {
        const yaml = stringify(value, { lineWidth: 0 });
        const safe = safeYaml(yaml);
        expect(safe).not.toMatch(RAW);
        expect(parse(safe)).toEqual(parse(yaml));
      }),
      { numRuns: 300 },
    );
  });

  it('an export with such labels still restores the flow exactly', () => {
    const parsed = parseFlowText(readFileSync(join(root, 'src/io/templates/cqrs-orders.json'), 'utf8'));
    if (!parsed.ok) throw new Error('template');
    const flow = {
      ...parsed.flow,
      name: 'orders \u001b[2J\u202e',
      nodes: parsed.flow.nodes.map((n, i) => (i === 0 ? { ...n, label: 'a\u009b31mb\u2028c' } : n)),
    };
    const safe = safeYaml(exportAsyncApi(flow));
    expect(safe).not.toMatch(RAW);
    const back = importAsyncApi([{ name: 'flow.asyncapi.yaml', text: safe }]);
    expect(back.ok && back.notices).toEqual([]);
    expect(back.ok && back.flow).toEqual(flow);
  });
});
