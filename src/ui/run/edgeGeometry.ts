// Edge paths as cubic Béziers, computed the way React Flow draws its default edges, so that dots
// ride on the drawn line. Stored flat in a Float32Array (8 numbers per edge) and evaluated
// directly at t — no path sampling, no allocation per frame.
export const CURVE_STRIDE = 8;

export type Side = 'left' | 'right' | 'top' | 'bottom';

/** React Flow's control-point distance for a Bézier edge (curvature 0.25). */
function controlOffset(distance: number): number {
  return distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);
}

function control(
  side: Side,
  x: number,
  y: number,
  ox: number,
  oy: number,
  out: Float32Array,
  at: number,
): void {
  switch (side) {
    case 'left':
      out[at] = x - controlOffset(x - ox);
      out[at + 1] = y;
      return;
    case 'right':
      out[at] = x + controlOffset(ox - x);
      out[at + 1] = y;
      return;
    case 'top':
      out[at] = x;
      out[at + 1] = y - controlOffset(y - oy);
      return;
    case 'bottom':
      out[at] = x;
      out[at + 1] = y + controlOffset(oy - y);
      return;
  }
}

/** Writes edge `i`'s curve: source point, two control points, target point (flow coordinates). */
export function setCurve(
  out: Float32Array,
  i: number,
  sx: number,
  sy: number,
  sSide: Side,
  tx: number,
  ty: number,
  tSide: Side,
): void {
  const b = i * CURVE_STRIDE;
  out[b] = sx;
  out[b + 1] = sy;
  control(sSide, sx, sy, tx, ty, out, b + 2);
  control(tSide, tx, ty, sx, sy, out, b + 4);
  out[b + 6] = tx;
  out[b + 7] = ty;
}

/** x (k = 0) or y (k = 1) of edge `i`'s curve at parameter t ∈ [0, 1]. */
export function curveAt(c: Float32Array, i: number, t: number, k: 0 | 1): number {
  const b = i * CURVE_STRIDE + k;
  const u = 1 - t;
  return u * u * u * c[b]! + 3 * u * u * t * c[b + 2]! + 3 * u * t * t * c[b + 4]! + t * t * t * c[b + 6]!;
}
