// Where a node added by clicking the palette goes: the free spot nearest the middle of the view,
// where "free" means its box overlaps no existing node's box (with a small gap).
import type { FlowNode } from '../../model/flow';

/** Generous node box in flow units: real nodes are a little smaller, so a free spot is really free. */
const NODE = { width: 220, height: 64 };
const GAP = 16;
/** Search grid: fine enough to find gaps between nodes, coarse enough to stay cheap. */
const STEP = { x: 40, y: 28 };
const RINGS = 16;

type Point = { x: number; y: number };

const overlaps = (a: Point, b: Point) =>
  Math.abs(a.x - b.x) < NODE.width + GAP && Math.abs(a.y - b.y) < NODE.height + GAP;

export function freeSpot(nodes: readonly FlowNode[], centre: Point): Point {
  const origin = centredAt(centre);
  const free = (p: Point) => !nodes.some((n) => overlaps(n.position, p));
  if (free(origin)) return origin;
  for (let ring = 1; ring <= RINGS; ring++) {
    const candidates: Point[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: origin.x + dx * STEP.x, y: origin.y + dy * STEP.y });
      }
    }
    const dist = (p: Point) => (p.x - origin.x) ** 2 + (p.y - origin.y) ** 2;
    candidates.sort((a, b) => dist(a) - dist(b));
    const spot = candidates.find(free);
    if (spot) return spot;
  }
  // A crowded view: below everything, so the new node is at least never hidden under another.
  const bottom = Math.max(...nodes.map((n) => n.position.y));
  return { x: origin.x, y: bottom + NODE.height + GAP };
}

/** Top-left for a node dropped with its centre at `point`. */
export const centredAt = (point: Point): Point => ({
  x: Math.round(point.x - NODE.width / 2),
  y: Math.round(point.y - NODE.height / 2),
});
