import { describe, expect, it } from 'vitest';
import type { FlowNode } from '../../model/flow';
import { centredAt, COLUMN, freeSpot, NODE, placeNext } from './placement';

const node = (id: string, x: number, y: number): FlowNode => ({
  id,
  kind: 'store',
  position: { x, y },
  config: {},
});

const apart = (a: FlowNode, b: FlowNode) =>
  Math.abs(a.position.x - b.position.x) >= NODE.width + 16 ||
  Math.abs(a.position.y - b.position.y) >= NODE.height + 16;

describe('placing a new node', () => {
  it('starts in the middle of the view on an empty canvas', () => {
    const p = placeNext([], [], { x: 500, y: 300 });
    expect(Math.abs(p.x - centredAt({ x: 500, y: 300 }).x)).toBeLessThanOrEqual(8);
    expect(Math.abs(p.y - centredAt({ x: 500, y: 300 }).y)).toBeLessThanOrEqual(8);
  });

  it('three adds make a row left to right, in flow order, not a stack', () => {
    const nodes: FlowNode[] = [];
    for (let i = 0; i < 3; i++) nodes.push(node(`n${i}`, ...xy(placeNext(nodes, [], { x: 0, y: 0 }))));
    expect(nodes.map((n) => n.position.y)).toEqual([
      nodes[0]!.position.y,
      nodes[0]!.position.y,
      nodes[0]!.position.y,
    ]);
    expect(nodes[1]!.position.x - nodes[0]!.position.x).toBe(COLUMN);
    expect(nodes[2]!.position.x - nodes[1]!.position.x).toBe(COLUMN);
  });

  it('goes right of the selected node, to a free row when that spot is taken', () => {
    const a = node('a', 0, 0);
    const b = node('b', COLUMN, 0);
    const next = placeNext([a, b], ['a'], { x: 0, y: 0 });
    expect(next.x).toBe(COLUMN);
    expect(next.y).toBeGreaterThan(0);
    expect(apart(b, node('new', next.x, next.y))).toBe(true);
  });

  it('never overlaps, however many are added', () => {
    const nodes: FlowNode[] = [node('a', 0, 0)];
    for (let i = 0; i < 20; i++) nodes.push(node(`n${i}`, ...xy(placeNext(nodes, ['a'], { x: 0, y: 0 }))));
    for (const a of nodes) for (const b of nodes) if (a !== b) expect(apart(a, b)).toBe(true);
  });

  it('freeSpot avoids existing nodes near the middle', () => {
    const middle = centredAt({ x: 500, y: 300 });
    const nodes = [node('a', middle.x, middle.y)];
    const spot = freeSpot(nodes, { x: 500, y: 300 });
    expect(apart(nodes[0]!, node('s', spot.x, spot.y))).toBe(true);
  });
});

const xy = (p: { x: number; y: number }): [number, number] => [p.x, p.y];
