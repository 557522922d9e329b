// Every kind of bad input is refused with the place and the reason.
import { describe, expect, it } from 'vitest';
import { formatProblem, parseFlow, parseFlowText } from './validate';

const node = (id: string, kind: string, config: object = {}) => ({
  id,
  kind,
  position: { x: 0, y: 0 },
  config,
});
const producer = (id = 'p') =>
  node(id, 'producer', { eventType: 'e', interarrival: { dist: 'exponential', mean: 1 } });
const handler = (id = 'h') =>
  node(id, 'handler', { concurrency: 1, service: { dist: 'constant', value: 0.01 } });
const flow = (nodes: object[], edges: object[] = [], extra: object = {}) => ({
  format: 'eventflow',
  version: 1,
  name: 'x',
  nodes,
  edges,
  ...extra,
});
const edge = (id: string, source: string, target: string) => ({ id, source, target });

function problems(input: unknown): string[] {
  const r = typeof input === 'string' ? parseFlowText(input) : parseFlow(input);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe('refused input', () => {
  const cases: [string, unknown, string][] = [
    ['not JSON', '{"format": "eventflow",', 'not valid JSON'],
    ['not an object', '[1, 2]', 'the file must hold a JSON object'],
    ['wrong format', { ...flow([]), format: 'bpmn' }, 'format: must be "eventflow"'],
    [
      'a version newer than the app',
      { ...flow([]), version: 3 },
      'version: 3 is newer than this app reads (1–2): open it with a newer Eventflow Studio',
    ],
    [
      'a version before the first',
      { ...flow([]), version: 0 },
      'version: 0 is not a Flow JSON version (this app reads 1–2)',
    ],
    [
      'a fractional version',
      { ...flow([]), version: 1.5 },
      'version: must be a whole number (this app reads versions 1–2)',
    ],
    ['a version as text', { ...flow([]), version: '2' }, 'version: must be a whole number'],
    ['another kind of JSON file', { name: 'x', dependencies: {} }, 'format: is required'],
    ['a file of another format', { format: 'bpmn', version: 9 }, 'format: must be "eventflow"'],
    ['unknown kind', flow([node('x', 'lambda')]), 'nodes[0].kind: unknown kind'],
    [
      'missing field',
      flow([node('h', 'handler', { service: { dist: 'constant', value: 1 } })]),
      'nodes[0].config.concurrency: is required',
    ],
    ['missing nodes', { format: 'eventflow', version: 1, name: 'x', edges: [] }, 'nodes: is required'],
    ['nodes not a list', { ...flow([]), nodes: {} }, 'nodes: must be a list of nodes'],
    ['missing version', { format: 'eventflow', name: 'x', nodes: [], edges: [] }, 'version: is required'],
    [
      'bad field',
      flow([node('h', 'handler', { concurrency: 2.5, service: { dist: 'constant', value: 1 } })]),
      'nodes[0].config.concurrency: must be a whole number ≥ 1',
    ],
    [
      'bad distribution',
      flow([node('h', 'handler', { concurrency: 1, service: { dist: 'pareto' } })]),
      'nodes[0].config.service.dist: must be a distribution',
    ],
    [
      'edge to missing node',
      flow([producer()], [edge('e', 'p', 'ghost')]),
      'edges[0].target: there is no node "ghost"',
    ],
    ['duplicate node id', flow([producer(), producer()]), 'nodes[1].id: duplicate id "p" (also nodes[0])'],
    [
      'duplicate edge id',
      flow([producer(), handler(), handler('h2')], [edge('e', 'p', 'h'), edge('e', 'p', 'h2')]),
      'edges[1].id: duplicate id "e"',
    ],
    [
      'connection into a producer',
      flow([producer(), producer('q')], [edge('e', 'p', 'q')]),
      'edges[0]: nothing flows into a producer',
    ],
    [
      'connection out of a store',
      flow([node('s', 'store'), handler()], [edge('e', 's', 'h')]),
      'edges[0]: a store is terminal',
    ],
    ['self loop', flow([handler()], [edge('e', 'h', 'h')]), 'edges[0]: a node cannot connect to itself'],
    [
      'duplicate edge',
      flow([producer(), handler()], [edge('a', 'p', 'h'), edge('b', 'p', 'h')]),
      'edges[1]: "p" is already connected to "h"',
    ],
    [
      'deadLetter to a missing node',
      flow([node('q', 'queue', { deadLetter: 'nope' })]),
      'nodes[0].config.deadLetter: there is no node "nope"',
    ],
    [
      'deadLetter to a handler',
      flow([node('q', 'queue', { deadLetter: 'h' }), handler()]),
      'nodes[0].config.deadLetter: must name a queue, topic or stream',
    ],
    [
      'deadLetter to itself',
      flow([node('q', 'queue', { deadLetter: 'q' })]),
      'nodes[0].config.deadLetter: a queue cannot dead-letter into itself',
    ],
    [
      'warmup not shorter than duration',
      flow([], [], { settings: { duration: 5, warmup: 5 } }),
      'settings.warmup: must be shorter than duration',
    ],
  ];

  for (const [what, input, expected] of cases) {
    it(`refuses ${what}`, () => {
      const found = problems(input);
      expect(
        found.some((p) => p.startsWith(expected)),
        `${found.join('\n')}`,
      ).toBe(true);
    });
  }

  it('accepts a small valid flow', () => {
    expect(problems(flow([producer(), handler()], [edge('e', 'p', 'h')]))).toEqual([]);
  });
});
