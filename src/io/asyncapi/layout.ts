// Where imported nodes are drawn: left to right in layers along the flow (each node one layer
// after the furthest node feeding it), top to bottom in flow order within a layer. The app can
// re-arrange it with "Auto layout" (ELK); this keeps the import free of that dependency.
import type { Flow } from '../../model/flow';

/** Spacing in canvas pixels: a node card is about 220 × 64. */
const COLUMN = 300;
const ROW = 120;

/** The flow with every node placed; its graph must have no loops (loops.ts). */
export function layered(flow: Flow): Flow {
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const layer = new Array<number>(flow.nodes.length).fill(0);
  const indegree = new Array<number>(flow.nodes.length).fill(0);
  const out: number[][] = flow.nodes.map(() => []);
  for (const e of flow.edges) {
    const s = index.get(e.source)!;
    const t = index.get(e.target)!;
    out[s]!.push(t);
    indegree[t]!++;
  }
  // Kahn's order: a node's layer is settled once everything feeding it is.
  const ready = flow.nodes.map((_, i) => i).filter((i) => indegree[i] === 0);
  for (let k = 0; k < ready.length; k++) {
    const s = ready[k]!;
    for (const t of out[s]!) {
      layer[t] = Math.max(layer[t]!, layer[s]! + 1);
      if (--indegree[t]! === 0) ready.push(t);
    }
  }
  const rows = new Map<number, number>();
  const nodes = flow.nodes.map((n, i) => {
    const l = layer[i]!;
    const row = rows.get(l) ?? 0;
    rows.set(l, row + 1);
    return { ...n, position: { x: l * COLUMN, y: row * ROW } };
  });
  return { ...flow, nodes };
}
