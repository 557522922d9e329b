import { describe, expect, it } from 'vitest';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { layoutNodes, MIN_WIDTH, type NodeBox, PAD_LEFT } from './layout';
import { textWidth } from './metrics';

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
const meets = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const boxRect = (b: NodeBox): Rect => ({ x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height });
/** Where each line's ink goes: from the text's start to its measured end, ascent to descent. */
const lineRects = (b: NodeBox): Rect[] =>
  b.lines.map((l) => ({
    x0: b.x + PAD_LEFT,
    y0: b.y + l.baseline - l.font.size,
    x1: b.x + PAD_LEFT + textWidth(l.text, l.font),
    y1: b.y + l.baseline + l.font.size * 0.25,
  }));

/** Long figures under every node, as a busy run's badges would be. */
const busyBadges = (ids: string[]) =>
  new Map(
    ids.map((id) => [
      id,
      { text: 'utilization 99.9% · p99 1.23 s', alarm: '1,234 dropped · 56 dead-lettered' },
    ]),
  );

describe('node layout', () => {
  for (const t of TEMPLATES) {
    const parsed = parseFlow(t.json);
    if (!parsed.ok) throw new Error(t.id);
    const { nodes } = parsed.flow;
    for (const [what, badges] of [
      ['without badges', undefined],
      ['with long badges', busyBadges(nodes.map((n) => n.id))],
    ] as const)
      it(`${t.id} ${what}: text stays in its box, and no box runs into another's text`, () => {
        const boxes = layoutNodes(parsed.flow, badges);
        for (const b of boxes) {
          expect(b.width).toBeGreaterThanOrEqual(MIN_WIDTH);
          for (const r of lineRects(b)) {
            expect(r.x1, `${b.node.id}: ${b.lines.map((l) => l.text).join(' / ')}`).toBeLessThanOrEqual(
              b.x + b.width - 14,
            );
            expect(r.y1).toBeLessThanOrEqual(b.y + b.height);
          }
          for (const other of boxes)
            if (other !== b)
              for (const r of lineRects(other))
                expect(meets(boxRect(b), r), `${b.node.id} over ${other.node.id}`).toBe(false);
        }
      });
  }

  it('widens a box for its text where the next node leaves room, and not past it', () => {
    const handler = (id: string, x: number) => ({
      id,
      kind: 'handler' as const,
      label: 'A handler with a rather long name',
      position: { x, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant' as const, value: 0.01 } },
    });
    const [alone] = layoutNodes({ nodes: [handler('a', 0)], edges: [] }, undefined);
    expect(alone!.width).toBeGreaterThan(MIN_WIDTH);
    expect(alone!.lines.filter((l) => l.tone === 'text')).toHaveLength(1);
    const [squeezed] = layoutNodes({ nodes: [handler('a', 0), handler('b', 250)], edges: [] }, undefined);
    expect(squeezed!.width).toBe(MIN_WIDTH);
    // Then the label wraps onto a second line rather than being cut.
    expect(
      squeezed!.lines
        .filter((l) => l.tone === 'text')
        .map((l) => l.text)
        .join(' '),
    ).toBe('A handler with a rather long name');
  });
});
