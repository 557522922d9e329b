// One-line summaries of a node's key settings, shown on the canvas ("Poisson 80/s", "×4 · exp 12 ms").
import type { FlowNode } from './flow';
import { MODEL_KINDS } from './kinds';
import type { ModelKind } from './kinds/modelKind';

export function summarize(node: FlowNode): string {
  // A lookup by node.kind cannot tell TypeScript that node.config fits that kind's summary (it sees
  // a union of functions); the schema guarantees it, so the kind is read here as any kind.
  const kind: ModelKind = MODEL_KINDS[node.kind];
  return kind.summary(node.config);
}
