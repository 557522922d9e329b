import { describe, expect, it } from 'vitest';
import { FLOW_VERSION } from './flow';
import { type FlowDocument, formatNotice, migrate, type Migration, nodeNotices } from './migrate';
import { MIGRATIONS } from './migrations';

// A chain of test-only steps to version 3, to show what the real chain can carry.
const renameCount: Migration = {
  from: 1,
  to: 2,
  up: (doc) => ({ doc: { ...doc, version: 2, total: doc.count }, notices: [] }),
};
const topicsRedeliver: Migration = {
  from: 2,
  to: 3,
  up: (doc) => ({
    doc: { ...doc, version: 3 },
    notices: nodeNotices(doc, (n) => n.kind === 'topic', 'a failed message is now redelivered'),
  }),
};
const CHAIN = [renameCount, topicsRedeliver];

const nodes = [{ id: 'p', kind: 'producer' }, { id: 't1', kind: 'topic' }, 'not a node', { kind: 'topic' }];

describe('migrate', () => {
  it('runs every step from the document’s version to the current one, in order, gathering notices', () => {
    const doc = Object.freeze({ version: 1, count: 7, nodes });
    const r = migrate(doc, CHAIN, 3);
    expect(r).toEqual({
      ok: true,
      doc: { version: 3, count: 7, total: 7, nodes },
      notices: [
        { path: 'nodes[1]', nodeId: 't1', message: 'a failed message is now redelivered' },
        { path: 'nodes[3]', message: 'a failed message is now redelivered' },
      ],
    });
    expect(doc).toEqual({ version: 1, count: 7, nodes });
  });

  it('starts where the document is and leaves a current one as it is', () => {
    const v2 = { version: 2, nodes };
    expect(migrate(v2, CHAIN, 3)).toMatchObject({ ok: true, doc: { version: 3 } });
    const v3 = { version: 3, nodes };
    expect(migrate(v3, CHAIN, 3)).toEqual({ ok: true, doc: v3, notices: [] });
  });

  it('refuses versions it cannot read, saying which it can', () => {
    const why = (version: unknown) => {
      const r = migrate({ version }, CHAIN, 3);
      return r.ok ? [] : r.problems;
    };
    expect(why(4)).toEqual([
      {
        path: 'version',
        message: '4 is newer than this app reads (1–3): open it with a newer Eventflow Studio',
      },
    ]);
    expect(why(0)).toEqual([
      { path: 'version', message: '0 is not a Flow JSON version (this app reads 1–3)' },
    ]);
    expect(why(2.5)).toEqual([
      { path: 'version', message: 'must be a whole number (this app reads versions 1–3)' },
    ]);
    expect(why(undefined)).toEqual([{ path: 'version', message: 'is required' }]);
  });

  it('fails loudly when the chain has a gap', () => {
    const fourToFive: Migration = {
      from: 4,
      to: 5,
      up: (doc) => ({ doc: { ...doc, version: 5 }, notices: [] }),
    };
    expect(() => migrate({ version: 1 }, [renameCount, fourToFive], 5)).toThrow(/version 2 to 3/);
  });

  it('has a real chain of single steps from version 1 to the current version', () => {
    expect(MIGRATIONS.map((s) => [s.from, s.to])).toEqual(
      Array.from({ length: FLOW_VERSION - 1 }, (_, i) => [i + 1, i + 2]),
    );
  });

  it('v1 → v2 changes the version and nothing else', () => {
    const v1: FlowDocument = {
      format: 'eventflow',
      version: 1,
      name: 'x',
      nodes,
      edges: [],
      'x-tool': 'kept',
    };
    expect(migrate(v1, MIGRATIONS)).toEqual({ ok: true, doc: { ...v1, version: 2 }, notices: [] });
  });

  it('v1 → v2 names each handler, topic and stream whose run changes, and says how', () => {
    const at = { x: 0, y: 0 };
    const node = (id: string, kind: string, config: object = {}) => ({ id, kind, position: at, config });
    const edge = (source: string, target: string, latency = false) => ({
      id: `${source}-${target}`,
      source,
      target,
      ...(latency ? { latency: { dist: 'constant', value: 0.01 } } : {}),
    });
    const service = { concurrency: 2, service: { dist: 'constant', value: 0.1 } };
    const v1: FlowDocument = {
      format: 'eventflow',
      version: 1,
      name: 'x',
      nodes: [
        node('p', 'producer', { eventType: 'e', interarrival: { dist: 'exponential', mean: 1 } }),
        node('q', 'queue'),
        node('t', 'topic'),
        node('s', 'stream', { partitions: 4 }),
        node('overWire', 'handler', service), // q → it with latency
        node('fetches', 'handler', service), // s → it with latency: a fetch, not a window
        node('twoWays', 'handler', service), // q and p feed it
        node('failing', 'handler', { ...service, failureRate: 0.1 }), // t → it
        node('owners', 'handler', service), // s → it, 2 workers on 4 partitions
        node('plain', 'handler', { concurrency: 4, service: service.service }), // s → it, one owner each
      ],
      edges: [
        edge('p', 'q'),
        edge('p', 't'),
        edge('p', 's'),
        edge('q', 'overWire', true),
        edge('s', 'fetches', true),
        edge('q', 'twoWays'),
        edge('p', 'twoWays'),
        edge('t', 'failing'),
        edge('s', 'owners'),
        edge('s', 'plain'),
      ],
    };
    const r = migrate(v1, MIGRATIONS);
    if (!r.ok) throw new Error('v1 must migrate');
    const named = r.notices.map((n) => `${n.nodeId}: ${n.message.split(' ').slice(0, 9).join(' ')}`);
    expect(named).toEqual([
      'overWire: the latency of the edge from its queue or',
      'fetches: the latency of the edge from its stream is',
      'twoWays: each queue or topic it consumes now delivers up',
      't: a failed delivery to a subscriber is now redelivered',
      's: its consumer groups now own partitions round robin (worker',
    ]);
  });

  it('prints a notice with its place and node', () => {
    expect(formatNotice({ path: 'nodes[1]', nodeId: 't1', message: 'changed' })).toBe(
      'nodes[1] (t1): changed',
    );
    expect(formatNotice({ path: '', message: 'changed' })).toBe('changed');
  });
});
