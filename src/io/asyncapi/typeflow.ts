// Which event types can travel where in a flow: a producer sends its `eventType`, a handler its
// `emits` (else what it receives), a bus passes on what it receives (and dead-letters it), an
// edge passes what its filter lets through, and nothing travels on a call to a dependency. The
// export lists these as each channel's and operation's messages; the import uses them to set a
// filter only where it selects something.
import type { Flow } from '../../model/flow';
import { deadLetterOf } from '../../model/deadLetter';

export interface TypeFlow {
  /** Types that may arrive at each node, by node id. */
  readonly into: ReadonlyMap<string, ReadonlySet<string>>;
  /** Types that may pass each edge, by edge id. */
  readonly along: ReadonlyMap<string, ReadonlySet<string>>;
}

export function typeFlow(flow: Pick<Flow, 'nodes' | 'edges'>): TypeFlow {
  const into = new Map<string, Set<string>>(flow.nodes.map((n) => [n.id, new Set<string>()]));
  const kinds = new Map(flow.nodes.map((n) => [n.id, n]));
  const outOf = (id: string): ReadonlySet<string> => {
    const n = kinds.get(id);
    if (!n) return new Set();
    switch (n.kind) {
      case 'producer':
        return new Set([n.config.eventType]);
      case 'handler':
        return n.config.emits !== undefined ? new Set([n.config.emits]) : into.get(id)!;
      case 'queue':
      case 'topic':
      case 'stream':
        return into.get(id)!;
      default:
        return new Set();
    }
  };
  const passes = (e: Flow['edges'][number]): string[] => {
    if (kinds.get(e.target)?.kind === 'dependency') return [];
    const out = [...outOf(e.source)];
    return e.filter ? out.filter((t) => e.filter!.includes(t)) : out;
  };
  // Sets only grow and are bounded by the flow's types: repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    const add = (id: string, types: Iterable<string>) => {
      const set = into.get(id);
      if (!set) return;
      for (const t of types)
        if (!set.has(t)) {
          set.add(t);
          changed = true;
        }
    };
    for (const e of flow.edges) add(e.target, passes(e));
    for (const n of flow.nodes) {
      const dl = deadLetterOf(n);
      if (dl !== undefined) add(dl, into.get(n.id)!);
    }
  }
  const along = new Map(flow.edges.map((e) => [e.id, new Set(passes(e))]));
  return { into, along };
}
