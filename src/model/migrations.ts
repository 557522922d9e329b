// The steps from each Flow JSON version to the next, oldest first (see migrate.ts). A step that
// changes a meaning adds one notice line for the nodes it concerns.
import type { FlowDocument, FlowNotice, Migration } from './migrate';
import { nodeNotices } from './migrate';

/** Buses that push to their handlers through a delivery window in version 2 (streams do not). */
const WINDOWED = new Set(['queue', 'topic']);

/** A read-only view of a document that has not been validated yet: every access is defensive. */
function graph(doc: FlowDocument) {
  const nodes = (Array.isArray(doc.nodes) ? doc.nodes : []).filter(isDoc);
  const edges = (Array.isArray(doc.edges) ? doc.edges : []).filter(isDoc);
  const byId = new Map(nodes.filter((n) => typeof n.id === 'string').map((n) => [n.id as string, n]));
  const config = (n: FlowDocument | undefined): FlowDocument => (n && isDoc(n.config) ? n.config : {});
  // Edges by end, built once: scanning every edge for every node made reading a big v1 file quadratic.
  const byEnd = (end: 'source' | 'target') => {
    const map = new Map<unknown, FlowDocument[]>();
    for (const e of edges) {
      const list = map.get(e[end]);
      if (list) list.push(e);
      else map.set(e[end], [e]);
    }
    return map;
  };
  const targets = byEnd('target');
  const sources = byEnd('source');
  const into = (id: unknown): readonly FlowDocument[] => targets.get(id) ?? [];
  const outOf = (id: unknown): readonly FlowDocument[] => sources.get(id) ?? [];
  const kindOf = (id: unknown) => (typeof id === 'string' ? byId.get(id)?.kind : undefined);
  return { byId, config, into, outOf, kindOf };
}

const isDoc = (v: unknown): v is FlowDocument => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown, fallback: number): number => (typeof v === 'number' ? v : fallback);

/**
 * Version 2 adds optional fields; a v1 document is a valid v2 document as it stands. Three v1
 * behaviours were wrong for the brokers they model and are fixed in v2; the nodes whose runs
 * change are named (docs/brokers.md explains each).
 */
const v1ToV2: Migration = {
  from: 1,
  to: 2,
  up: (doc) => {
    const g = graph(doc);
    const notices: FlowNotice[] = [
      ...nodeNotices(
        doc,
        (n) =>
          n.kind === 'handler' &&
          g.into(n.id).some((e) => WINDOWED.has(String(g.kindOf(e.source))) && e.latency !== undefined),
        'the latency of the edge from its queue or topic no longer holds a worker: messages travel while the workers serve others (the delivery window; prefetch defaults to the concurrency)',
      ),
      ...nodeNotices(
        doc,
        (n) =>
          n.kind === 'handler' &&
          g.into(n.id).some((e) => g.kindOf(e.source) === 'stream' && e.latency !== undefined),
        'the latency of the edge from its stream is now the fetch time of the worker that owns the partition: the worker still waits it out, but that time no longer counts as busy (utilization is service time only)',
      ),
      ...nodeNotices(
        doc,
        // Any second source (another bus, or the inbox of what feeds it directly) makes its queues
        // and topics push through a window instead of waiting for a free worker.
        (n) =>
          n.kind === 'handler' &&
          g.into(n.id).length > 1 &&
          g.into(n.id).some((e) => WINDOWED.has(String(g.kindOf(e.source)))),
        'each queue or topic it consumes now delivers up to its concurrency of messages ahead (the delivery window), so messages can wait at the handler rather than in the buses',
      ),
      ...nodeNotices(
        doc,
        (n) =>
          n.kind === 'topic' &&
          g
            .outOf(n.id)
            .some(
              (e) =>
                g.kindOf(e.target) === 'handler' &&
                num(g.config(g.byId.get(String(e.target))).failureRate, 0) > 0,
            ),
        'a failed delivery to a subscriber is now redelivered (at least once, as a queue) instead of lost; set delivery to "at-most-once" for the version 1 behaviour',
      ),
      ...nodeNotices(
        doc,
        (n) => {
          if (n.kind !== 'stream') return false;
          const partitions = num(g.config(n).partitions, 1);
          return g.outOf(n.id).some((e) => {
            const c = num(g.config(g.byId.get(String(e.target))).concurrency, 1);
            return g.kindOf(e.target) === 'handler' && c > 1 && c < partitions;
          });
        },
        'its consumer groups now own partitions round robin (worker i serves partitions i, i + c, …) instead of any free worker taking any free partition',
      ),
    ];
    return { doc: { ...doc, version: 2 }, notices };
  },
};

export const MIGRATIONS: readonly Migration[] = [v1ToV2];
