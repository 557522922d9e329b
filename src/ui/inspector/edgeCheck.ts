// Why an edge with one field just edited would be refused, from the edge schema import uses: the
// problem at the edited field (or a part of it, ['backoff', 'max']) first, so a rule across the
// fields of a backoff (its max ≥ its initial) refuses the draft instead of storing an edge that
// import would refuse. Any other problem is named with its path.
import { edgeSchema, type FlowEdge } from '../../model/flow';
import { formatPath } from '../../model/validate';

export function edgeProblem(edge: FlowEdge, at: readonly PropertyKey[]): string | null {
  const r = edgeSchema.safeParse(edge);
  if (r.success) return null;
  const own = r.error.issues.find((i) => at.every((k, n) => i.path[n] === k));
  if (own) return own.message;
  const other = r.error.issues[0];
  return other ? `${formatPath(other.path)}: ${other.message}` : null;
}
