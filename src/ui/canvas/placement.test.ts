import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../model/flow';
import { centredAt, freeSpot } from './placement';

const store = (id: string, x: number, y: number): FlowNode => ({
  id,
  kind: 'store',
  position: { x, y },
  config: {},
});

describe('freeSpot', () => {
  it('uses the middle of the view when it is free', () => {
    expect(freeSpot([], { x: 500, y: 300 })).toEqual(centredAt({ x: 500, y: 300 }));
  });

  it('never overlaps an existing node, and stays near the middle', () => {
    const middle = centredAt({ x: 500, y: 300 });
    const nodes = [store('a', middle.x, middle.y), store('b', middle.x + 120, middle.y + 40)];
    const spot = freeSpot(nodes, { x: 500, y: 300 });
    for (const n of nodes) {
      const apart = Math.abs(n.position.x - spot.x) >= 236 || Math.abs(n.position.y - spot.y) >= 80;
      expect(apart).toBe(true);
    }
    expect(Math.hypot(spot.x - middle.x, spot.y - middle.y)).toBeLessThan(400);
  });

  it('repeated adds land on distinct, non-overlapping spots', () => {
    const nodes: FlowNode[] = [];
    for (let i = 0; i < 12; i++) {
      const p = freeSpot(nodes, { x: 0, y: 0 });
      nodes.push(store(`n${i}`, p.x, p.y));
    }
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        expect(
          Math.abs(a.position.x - b.position.x) >= 236 || Math.abs(a.position.y - b.position.y) >= 80,
        ).toBe(true);
      }
    }
  });
});
