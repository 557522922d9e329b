// Loops in an imported system. AsyncAPI says which channels an application receives from and
// sends to, not which message it sends in answer to which, so an application that receives on
// one channel and sends on another can close a loop that no real event takes (the backend sends
// "comment liked", the comments service answers "comment changed", the backend receives it and
// would send "comment liked" again). A handler emits on every outgoing edge, so in a simulation
// every event would circle such a loop for ever. The import leaves out the edge that closes each
// loop, found by a depth-first search from the producers, then from the handlers, in the order
// of the documents, and says which.
import type { FlowEdge, FlowNode } from '../../model/flow';

export interface Dropped {
  edge: FlowEdge;
  /** The loop it closed: node ids from the edge's target round to its source. */
  loop: string[];
}

/** The edges that close loops, in the order found; the graph without them has none. */
export function loopEdges(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): Dropped[] {
  const index = new Map(nodes.map((n, i) => [n.id, i]));
  const out: FlowEdge[][] = nodes.map(() => []);
  for (const e of edges) out[index.get(e.source)!]!.push(e);
  const rank = (n: FlowNode) => (n.kind === 'producer' ? 0 : n.kind === 'handler' ? 1 : 2);
  const roots = nodes.map((_, i) => i).sort((a, b) => rank(nodes[a]!) - rank(nodes[b]!) || a - b);
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the path, 2 done
  const dropped: Dropped[] = [];
  for (const root of roots) {
    if (state[root] !== 0) continue;
    const path: { node: number; next: number }[] = [{ node: root, next: 0 }];
    state[root] = 1;
    while (path.length > 0) {
      const top = path[path.length - 1]!;
      const edge = out[top.node]![top.next++];
      if (edge === undefined) {
        state[top.node] = 2;
        path.pop();
        continue;
      }
      const t = index.get(edge.target)!;
      if (state[t] === 1) {
        const from = path.findIndex((p) => p.node === t);
        dropped.push({ edge, loop: path.slice(from).map((p) => nodes[p.node]!.id) });
      } else if (state[t] === 0) {
        state[t] = 1;
        path.push({ node: t, next: 0 });
      }
    }
  }
  return dropped;
}
