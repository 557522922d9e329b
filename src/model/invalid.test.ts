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
const dep = (id = 'd') => node(id, 'dependency', { pool: 2, service: { dist: 'constant', value: 0.01 } });
const v2 = (nodes: object[], edges: object[] = [], extra: object = {}) => ({
  ...flow(nodes, edges, extra),
  version: 2,
});

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
      'a dependency called by a queue',
      v2([node('q', 'queue'), dep()], [edge('e', 'q', 'd')]),
      'edges[0]: a dependency is called by handlers during their service; a queue cannot call it',
    ],
    [
      'an edge out of a dependency',
      v2([dep(), handler()], [edge('e', 'd', 'h')]),
      'edges[0]: a dependency answers the handlers that call it; it sends no events',
    ],
    [
      'call fields on an event edge',
      v2([producer(), handler()], [{ ...edge('e', 'p', 'h'), attempts: 3 }]),
      'edges[0].attempts: applies only to an edge from a handler to a dependency (this one goes from a producer to a handler)',
    ],
    [
      'latency on a call edge',
      v2([handler(), dep()], [{ ...edge('e', 'h', 'd'), latency: { dist: 'constant', value: 1 } }]),
      "edges[0].latency: a call's network time is part of the dependency's service time",
    ],
    [
      'a filter on a call edge',
      v2([handler(), dep()], [{ ...edge('e', 'h', 'd'), filter: ['e'] }]),
      'edges[0].filter: every job of the handler makes its calls',
    ],
    [
      'zero attempts',
      v2([handler(), dep()], [{ ...edge('e', 'h', 'd'), attempts: 0 }]),
      'edges[0].attempts: must be a whole number ≥ 1',
    ],
    [
      'a dependency without a pool',
      v2([node('d', 'dependency', { service: { dist: 'constant', value: 1 } })]),
      'nodes[0].config.pool: is required',
    ],
    [
      'a pause of a dependency',
      v2([dep()], [], { faults: [{ at: 1, duration: 1, target: 'd', kind: 'pause' }] }),
      'faults[0].target: a pause fault acts on a handler, not a dependency',
    ],
    [
      'a partition of a call edge',
      v2([handler(), dep()], [edge('e', 'h', 'd')], {
        faults: [{ at: 1, duration: 1, target: 'e', kind: 'partition' }],
      }),
      'faults[0].target: "e" carries a handler\'s calls to a dependency: aim the fault at the dependency',
    ],
    [
      'an objective on a figure the report does not have',
      v2([handler()], [], { slos: [{ metric: 'nodes.h.p99', lt: 0.1 }] }),
      'slos[0].metric: "p99" is not a node figure',
    ],
    [
      'an objective without a comparison',
      v2([handler()], [], { slos: [{ metric: 'endToEnd.p99' }] }),
      'slos[0]: needs a comparison: lt, lte, gt, gte or eq',
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

  it('accepts a handler calling a dependency with every call field, and faults aimed at the dependency', () => {
    const call = {
      ...edge('c', 'h', 'd'),
      calls: 2,
      timeout: 0.5,
      attempts: 3,
      backoff: { initial: 0.1, jitter: 'full' },
    };
    const faults = [
      { at: 1, duration: 1, target: 'd', kind: 'crash' },
      { at: 3, duration: 1, target: 'd', kind: 'slow', factor: 4 },
      { at: 5, duration: 1, target: 'd', kind: 'fail', rate: 0.5 },
    ];
    expect(problems(v2([producer(), handler(), dep()], [edge('e', 'p', 'h'), call], { faults }))).toEqual([]);
  });

  it('accepts objectives on the report figures', () => {
    const slos = [
      { metric: 'endToEnd.p99', lt: 0.1 },
      { metric: 'nodes.h.utilization', lte: 0.8, gt: 0.1 },
      { metric: 'totals.dropped', eq: 0 },
    ];
    expect(problems(v2([producer(), handler()], [edge('e', 'p', 'h')], { slos }))).toEqual([]);
  });

  it('accepts a small valid flow', () => {
    expect(problems(flow([producer(), handler()], [edge('e', 'p', 'h')]))).toEqual([]);
  });
});
