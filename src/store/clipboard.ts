// Copy and paste as pure functions over the Flow document: the store applies their result.
import { deadLetterOf, withDeadLetter } from '../model/deadLetter';
import type { Flow, FlowEdge, FlowNode } from '../model/flow';
import { edgeIds, labelForId, nextEdgeId, nextNodeId, nodeIds } from './ids';

/** What Ctrl/Cmd+C keeps: the chosen nodes and the edges running between them. */
export interface Clip {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export function copyNodes(flow: Flow, ids: readonly string[]): Clip {
  const chosen = new Set(ids);
  return structuredClone({
    nodes: flow.nodes.filter((n) => chosen.has(n.id)),
    edges: flow.edges.filter((e) => chosen.has(e.source) && chosen.has(e.target)),
  });
}

/**
 * The clip's nodes with fresh ids and labels, moved by `offset`, and its internal edges rewired
 * to them. A bus's deadLetter pointing inside the clip follows the copy.
 */
export function pasteClip(flow: Flow, clip: Clip, offset: { x: number; y: number }): Clip {
  const taken = nodeIds(flow);
  const rename = new Map<string, string>();
  for (const n of clip.nodes) {
    const id = nextNodeId(taken, n.kind);
    taken.add(id);
    rename.set(n.id, id);
  }
  const nodes = clip.nodes.map((n) => {
    const copy = structuredClone(n);
    copy.id = rename.get(n.id)!;
    copy.label = n.label ? `${n.label} copy` : labelForId(copy.id, n.kind);
    copy.position = { x: n.position.x + offset.x, y: n.position.y + offset.y };
    const target = deadLetterOf(copy);
    return target !== undefined && rename.has(target) ? withDeadLetter(copy, rename.get(target)) : copy;
  });
  const takenEdges = edgeIds(flow);
  const edges = clip.edges.map((e) => {
    const source = rename.get(e.source)!;
    const target = rename.get(e.target)!;
    const id = nextEdgeId(takenEdges, source, target);
    takenEdges.add(id);
    return { ...structuredClone(e), id, source, target };
  });
  return { nodes, edges };
}
