// Readable, stable ids for new nodes and edges: "queue-2", "e-producer-1-queue-2".
import type { Flow, Kind } from '../model/flow';
import { MODEL_KINDS } from '../model/kinds';

/** The next free "<kind>-<n>" id, counting from 1 and never reusing a taken id. */
export function nextNodeId(taken: ReadonlySet<string>, kind: Kind): string {
  let n = 1;
  while (taken.has(`${kind}-${n}`)) n++;
  return `${kind}-${n}`;
}

/** "Queue 2" for "queue-2"; falls back to the kind's name for foreign ids. */
export function labelForId(id: string, kind: Kind): string {
  const m = /-(\d+)$/.exec(id);
  return m ? `${MODEL_KINDS[kind].label} ${m[1]}` : MODEL_KINDS[kind].label;
}

export function nextEdgeId(taken: ReadonlySet<string>, source: string, target: string): string {
  const base = `e-${source}-${target}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export const nodeIds = (flow: Pick<Flow, 'nodes'>) => new Set(flow.nodes.map((n) => n.id));
export const edgeIds = (flow: Pick<Flow, 'edges'>) => new Set(flow.edges.map((e) => e.id));
