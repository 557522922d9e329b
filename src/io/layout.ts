// "Auto layout": a layered left-to-right arrangement computed by ELK. The bundled build runs ELK
// on the main thread without a separate worker file, which keeps the Vite build simple; flows here
// are small enough that it takes milliseconds.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Flow } from '../model/flow';

const elk = new ELK();
type Size = { width: number; height: number };
const FALLBACK: Size = { width: 220, height: 64 };

export async function layeredLayout(
  flow: Pick<Flow, 'nodes' | 'edges'>,
  sizes: ReadonlyMap<string, Size>,
): Promise<Map<string, { x: number; y: number }>> {
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: flow.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? FALLBACK) })),
    edges: flow.edges.map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  // Keyed by node id in a Map: an id may be "constructor" or "__proto__".
  const out = new Map<string, { x: number; y: number }>();
  for (const c of graph.children ?? []) out.set(c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) });
  return out;
}
