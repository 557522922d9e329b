// Which connections make sense. The canvas refuses the others with this reason, and import
// refuses files that contain them, so the two can never disagree.
import type { Flow, FlowNode, Kind } from './flow';
import { MODEL_KINDS } from './kinds';

type Graph = Pick<Flow, 'nodes' | 'edges'>;

/** Why an edge from `source` to `target` is refused, or null when it is allowed. */
export function connectionProblem(
  graph: Graph,
  sourceId: string,
  targetId: string,
  ignoreEdgeId?: string,
): string | null {
  if (sourceId === targetId) return 'a node cannot connect to itself';
  const source = graph.nodes.find((n) => n.id === sourceId);
  const target = graph.nodes.find((n) => n.id === targetId);
  if (!source) return `there is no node "${sourceId}"`;
  if (!target) return `there is no node "${targetId}"`;
  const duplicate = graph.edges.some(
    (e) => e.id !== ignoreEdgeId && e.source === sourceId && e.target === targetId,
  );
  return pairProblem(source, target, duplicate);
}

/**
 * Why an edge between these two existing nodes is refused, or null; `duplicate` says whether an
 * edge already joins them. Import checks every edge through this in constant time each.
 */
export function pairProblem(source: FlowNode, target: FlowNode, duplicate: boolean): string | null {
  if (source.id === target.id) return 'a node cannot connect to itself';
  const reason = kindProblem(source.kind, target.kind);
  if (reason) return reason;
  if (duplicate) return `${label(source)} is already connected to ${label(target)}`;
  return null;
}

/** Why no edge may go from a node of kind `source` to one of kind `target`, or null. */
export function kindProblem(source: Kind, target: Kind): string | null {
  const input = MODEL_KINDS[target].input;
  if (!input.open) return input.why;
  const output = MODEL_KINDS[source].output;
  if (!output.open) return output.why;
  return null;
}

function label(n: { id: string; label?: string | undefined }): string {
  return `"${n.label || n.id}"`;
}
