// Reads React Flow's internal node positions and handle bounds into the flat curve array the dot
// field rides on, indexed like the run layout's edges.
import type { Edge, InternalNode } from '@xyflow/react';
import { setCurve, type Side } from './edgeGeometry';

type Handle = NonNullable<NonNullable<InternalNode['internals']['handleBounds']>['source']>[number];

/** A handle's anchor point in flow coordinates, as React Flow computes it for edges. */
function anchor(
  node: InternalNode,
  handle: Handle | undefined,
  fallback: Side,
  out: { x: number; y: number; side: Side },
): void {
  const p = node.internals.positionAbsolute;
  if (!handle) {
    const w = node.measured.width ?? 0;
    const h = node.measured.height ?? 0;
    out.x = p.x + (fallback === 'right' ? w : 0);
    out.y = p.y + h / 2;
    out.side = fallback;
    return;
  }
  const side = handle.position as Side;
  out.side = side;
  out.x = p.x + handle.x + (side === 'right' ? handle.width : side === 'left' ? 0 : handle.width / 2);
  out.y = p.y + handle.y + (side === 'bottom' ? handle.height : side === 'top' ? 0 : handle.height / 2);
}

const pick = (list: Handle[] | null | undefined, id: string | null | undefined): Handle | undefined =>
  list ? (list.find((h) => h.id === id) ?? list[0]) : undefined;

const s = { x: 0, y: 0, side: 'right' as Side };
const t = { x: 0, y: 0, side: 'left' as Side };

/**
 * Fills `curves` for each layout edge; `drawable[i]` is 0 where React Flow does not know the edge
 * or its nodes yet (not measured), so no dots are drawn there.
 */
export function readCurves(
  edgeIds: readonly string[],
  edges: Map<string, Edge>,
  nodes: Map<string, InternalNode>,
  curves: Float32Array,
  drawable: Uint8Array,
): void {
  for (let i = 0; i < edgeIds.length; i++) {
    const e = edges.get(edgeIds[i]!);
    const a = e && nodes.get(e.source);
    const b = e && nodes.get(e.target);
    if (!e || !a || !b || !a.measured.width || !b.measured.width) {
      drawable[i] = 0;
      continue;
    }
    anchor(a, pick(a.internals.handleBounds?.source, e.sourceHandle), 'right', s);
    anchor(b, pick(b.internals.handleBounds?.target, e.targetHandle), 'left', t);
    setCurve(curves, i, s.x, s.y, s.side, t.x, t.y, t.side);
    drawable[i] = 1;
  }
}
