// Where a node added by clicking the palette goes: the middle of the view, nudged diagonally
// until it does not sit on top of an existing node.
import type { FlowNode } from '../../model/flow';

const STEP = 36;
const NODE = { width: 220, height: 64 };

export function freeSpot(nodes: readonly FlowNode[], centre: { x: number; y: number }) {
  let spot = { x: Math.round(centre.x - NODE.width / 2), y: Math.round(centre.y - NODE.height / 2) };
  for (let i = 0; i < 50; i++) {
    const taken = nodes.some(
      (n) => Math.abs(n.position.x - spot.x) < STEP && Math.abs(n.position.y - spot.y) < STEP,
    );
    if (!taken) break;
    spot = { x: spot.x + STEP, y: spot.y + STEP };
  }
  return spot;
}

/** Top-left for a node dropped with its centre at `point`. */
export const centredAt = (point: { x: number; y: number }) => ({
  x: Math.round(point.x - NODE.width / 2),
  y: Math.round(point.y - NODE.height / 2),
});
