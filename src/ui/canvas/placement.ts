// Where a node added by clicking the palette goes: where a person would put it next. Flows read
// left to right, so the new node goes one column to the right of the selected node (or of the
// node added last), level with it, or the nearest free row in that column. On an empty canvas it
// goes in the middle of the view.
import type { FlowNode } from '../../model/flow';

/** Generous node box in flow units: real nodes are a little smaller, so a free spot is really free. */
export const NODE = { width: 220, height: 64 };
const GAP = 16;
/** One column to the right (about the templates' spacing), rows far enough apart for the live
 * badges; both on the canvas's 16-unit grid, so a node on the grid places the next one on it. */
export const COLUMN = 304;
export const ROW = 112;
/** Rows tried in the column, nearest first (level, below, above, two below, …). */
const ROWS_TRIED = 9;
const GRID = 16;

type Point = { x: number; y: number };

const overlaps = (a: Point, b: Point) =>
  Math.abs(a.x - b.x) < NODE.width + GAP && Math.abs(a.y - b.y) < NODE.height + GAP + 24;

const snap = (p: Point): Point => ({ x: Math.round(p.x / GRID) * GRID, y: Math.round(p.y / GRID) * GRID });

/** The anchor: the last selected node, else the last node of the flow. */
function anchorOf(nodes: readonly FlowNode[], selected: readonly string[]): FlowNode | undefined {
  for (let i = selected.length - 1; i >= 0; i--) {
    const n = nodes.find((x) => x.id === selected[i]);
    if (n) return n;
  }
  return nodes.at(-1);
}

export function placeNext(nodes: readonly FlowNode[], selected: readonly string[], centre: Point): Point {
  const anchor = anchorOf(nodes, selected);
  if (!anchor) return snap(centredAt(centre));
  const free = (p: Point) => !nodes.some((n) => overlaps(n.position, p));
  const x = anchor.position.x + COLUMN;
  for (let i = 0; i < ROWS_TRIED; i++) {
    // 0, +1, −1, +2, −2, …: level first, then below before above.
    const k = i === 0 ? 0 : i % 2 === 1 ? (i + 1) / 2 : -i / 2;
    const p = { x, y: anchor.position.y + k * ROW };
    if (free(p)) return p;
  }
  return freeSpot(nodes, { x: x + NODE.width / 2, y: anchor.position.y + NODE.height / 2 });
}

/** The free spot nearest `centre` (a node dropped there would overlap none). */
export function freeSpot(nodes: readonly FlowNode[], centre: Point): Point {
  const origin = snap(centredAt(centre));
  const free = (p: Point) => !nodes.some((n) => overlaps(n.position, p));
  if (free(origin)) return origin;
  for (let ring = 1; ring <= 16; ring++) {
    const candidates: Point[] = [];
    for (let dx = -ring; dx <= ring; dx++) {
      for (let dy = -ring; dy <= ring; dy++) {
        if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
        candidates.push({ x: origin.x + dx * 40, y: origin.y + dy * 32 });
      }
    }
    const dist = (p: Point) => (p.x - origin.x) ** 2 + (p.y - origin.y) ** 2;
    candidates.sort((a, b) => dist(a) - dist(b));
    const spot = candidates.find(free);
    if (spot) return spot;
  }
  const bottom = Math.max(...nodes.map((n) => n.position.y));
  return { x: origin.x, y: bottom + ROW };
}

/** Top-left for a node dropped with its centre at `point`. */
export const centredAt = (point: Point): Point => ({
  x: Math.round(point.x - NODE.width / 2),
  y: Math.round(point.y - NODE.height / 2),
});
