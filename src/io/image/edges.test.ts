import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { arrowPath, layoutEdges, linePath } from './edges';
import { layoutNodes } from './layout';

const laidOut = (id: string) => {
  const parsed = parseFlow(TEMPLATES.find((t) => t.id === id)!.json);
  if (!parsed.ok) throw new Error(id);
  const boxes = layoutNodes(parsed.flow, undefined);
  return { flow: parsed.flow, boxes, edges: layoutEdges(parsed.flow, boxes) };
};

describe('edge geometry', () => {
  it("runs every edge from its source's right side to its target's left side, as the canvas does", () => {
    for (const t of TEMPLATES) {
      const { flow, boxes, edges } = laidOut(t.id);
      const box = (id: string) => boxes.find((b) => b.node.id === id)!;
      flow.edges.forEach((e, i) => {
        const s = edges[i]!;
        const [from, to] = [box(e.source), box(e.target)];
        expect(s.heading).toBe('right');
        expect(s.curve[0]).toEqual({ x: from.x + from.width, y: from.y + from.height / 2 });
        expect(s.tip).toEqual({ x: to.x, y: to.y + to.height / 2 });
        // Leaving and arriving level, as React Flow's handles on the sides make it.
        expect(s.curve[1].y).toBe(s.curve[0].y);
        expect(s.curve[2].y).toBe(s.tip.y);
      });
    }
  });

  it('reaches a dead-letter queue right below its bus from bottom to top, and one further off from the side', () => {
    const below = laidOut('work-queue').edges.find((e) => e.kind === 'dead-letter')!;
    expect(below.heading).toBe('down');
    expect(linePath(below)).toMatch(/v1$/);
    expect(arrowPath(below)).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+H[\d.]+Z$/);
    const aside = laidOut('retry-storm').edges.filter((e) => e.kind === 'dead-letter');
    expect(aside.length).toBeGreaterThan(0);
    for (const e of aside) expect(e.heading).toBe('right');
  });

  it('puts a label on a level stretch just above its line, and one on a slope across it', () => {
    for (const t of TEMPLATES)
      for (const e of laidOut(t.id).edges) {
        if (!e.label) continue;
        const level = Math.abs(e.curve[0].y - e.tip.y) < 1 && e.heading === 'right';
        if (level) expect(e.label.y + e.label.height).toBeLessThanOrEqual(e.tip.y);
      }
  });

  it('lifts a label wider than the gap between its boxes above them, off their text', () => {
    const node = (id: string, x: number) => ({
      id,
      kind: 'handler' as const,
      position: { x, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant' as const, value: 0.01 } },
    });
    const flow = {
      nodes: [node('a', 0), node('b', 250)],
      edges: [{ id: 'e', source: 'a', target: 'b', filter: ['OrderPlaced', 'OrderCancelled'] }],
    };
    const boxes = layoutNodes(flow, undefined);
    const [edge] = layoutEdges({ ...flow, format: 'eventflow', version: 2, name: 'x' }, boxes);
    const l = edge!.label!;
    expect(l.width).toBeGreaterThan(30);
    for (const b of boxes) expect(l.y + l.height <= b.y || l.y >= b.y + b.height).toBe(true);
    // In the templates, no label covers any box.
    for (const t of TEMPLATES) {
      const { boxes: all, edges } = laidOut(t.id);
      for (const e of edges)
        for (const b of all) {
          if (!e.label) continue;
          const { x, y, width, height } = e.label;
          const over = x < b.x + b.width && b.x < x + width && y < b.y + b.height && b.y < y + height;
          expect(over, `${t.id}: ${e.title} over ${b.node.id}`).toBe(false);
        }
    }
  });
});
