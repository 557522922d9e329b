// Each kind's box as the canvas outlines it (ui/styles/nodes.css), in plain paths: a pill-like
// producer, a crisp handler, a topic rounded on its output side, a store drawn as a cylinder,
// queue bars, a topic's fan and a stream's partition stripes; and the kind-coloured strip along
// the left edge that makes the kind visible at a glance.
import { assertNever } from '../../model/assertNever';
import type { FlowNode } from '../../model/flow';
import { mix } from './colour';
import type { NodeBox } from './layout';
import type { KindPaint, Palette } from './theme';
import { el, num } from './xml';

/** Corner radii, left and right side. */
const RADII: { readonly [K in FlowNode['kind']]: readonly [number, number] } = {
  producer: [24, 24],
  queue: [10, 10],
  topic: [10, 22],
  stream: [10, 10],
  handler: [4, 4],
  dependency: [3, 10],
  store: [10, 10],
};
const STRIP = 4;
/** The store's elliptical ends: their vertical radius. */
const RIM = 12;

function roundedRect(x: number, y: number, w: number, h: number, left: number, right: number): string {
  const l = Math.min(left, h / 2, w / 2);
  const r = Math.min(right, h / 2, w / 2);
  return (
    `M${num(x + l)} ${num(y)}H${num(x + w - r)}A${num(r)} ${num(r)} 0 0 1 ${num(x + w)} ${num(y + r)}` +
    `V${num(y + h - r)}A${num(r)} ${num(r)} 0 0 1 ${num(x + w - r)} ${num(y + h)}H${num(x + l)}` +
    `A${num(l)} ${num(l)} 0 0 1 ${num(x)} ${num(y + h - l)}V${num(y + l)}A${num(l)} ${num(l)} 0 0 1 ${num(x + l)} ${num(y)}Z`
  );
}

function cylinder(x: number, y: number, w: number, h: number): string {
  const rx = w / 2;
  return (
    `M${num(x)} ${num(y + RIM)}A${num(rx)} ${RIM} 0 0 1 ${num(x + w)} ${num(y + RIM)}V${num(y + h - RIM)}` +
    `A${num(rx)} ${RIM} 0 0 1 ${num(x)} ${num(y + h - RIM)}Z`
  );
}

/** The part of a box with left radius `r` that lies within `STRIP` of its left edge. */
function strip(x: number, y: number, h: number, radius: number): string {
  const r = Math.min(radius, h / 2);
  const a = STRIP;
  if (r <= a)
    return (
      `M${num(x + a)} ${num(y)}H${num(x + r)}A${num(r)} ${num(r)} 0 0 0 ${num(x)} ${num(y + r)}` +
      `V${num(y + h - r)}A${num(r)} ${num(r)} 0 0 0 ${num(x + r)} ${num(y + h)}H${num(x + a)}Z`
    );
  // Where the corner's arc crosses the strip's inner edge.
  const dy = r - Math.sqrt(r * r - (r - a) * (r - a));
  return (
    `M${num(x + a)} ${num(y + dy)}A${num(r)} ${num(r)} 0 0 0 ${num(x)} ${num(y + r)}` +
    `V${num(y + h - r)}A${num(r)} ${num(r)} 0 0 0 ${num(x + a)} ${num(y + h - dy)}Z`
  );
}

function decoration(b: NodeBox, k: KindPaint, p: Palette): string {
  const { x, y, width: w, height: h, node } = b;
  const soft = (share: number) => mix(k.accent, share, p.surface);
  switch (node.kind) {
    case 'queue':
      return [0, 1, 2]
        .map((i) =>
          el('rect', { x: x + w - 19, y: y + 9 + i * 7, width: 10, height: 4, rx: 2, fill: soft(0.6) }),
        )
        .join('');
    // A fan: one point spreading to three, the copies a topic hands its subscriptions.
    case 'topic': {
      const cx = x + w - 12;
      // Beside the node's own lines: a badge below the rule makes the box taller, not the fan lower.
      const cy = y + (b.rule ?? h) / 2;
      const from = `M${num(cx - 12)} ${num(cy)}`;
      const d = `${from}L${num(cx)} ${num(cy - 8)}${from}H${num(cx)}${from}L${num(cx)} ${num(cy + 8)}`;
      const dot = (dx: number, dy: number, r: number) =>
        el('circle', { cx: cx + dx, cy: cy + dy, r, fill: soft(0.85) });
      return (
        el('path', { d, fill: 'none', stroke: soft(0.75), 'stroke-width': 1.5, 'stroke-linecap': 'round' }) +
        dot(-12, 0, 2.2) +
        dot(0, -8, 1.8) +
        dot(0, 0, 1.8) +
        dot(0, 8, 1.8)
      );
    }
    case 'stream': {
      const n = Math.max(1, Math.min(16, node.config.partitions));
      const gap = 3;
      const each = (w - 20 - gap * (n - 1)) / n;
      return Array.from({ length: n }, (_, i) =>
        el('rect', {
          x: x + 10 + i * (each + gap),
          y: y + h - 10,
          width: each,
          height: 4,
          rx: 2,
          fill: soft(0.55),
        }),
      ).join('');
    }
    case 'store':
      return el('ellipse', {
        cx: x + w / 2,
        cy: y + RIM,
        rx: w / 2,
        ry: RIM,
        fill: soft(0.14),
        stroke: k.outline,
        'stroke-width': 1.5,
      });
    case 'producer':
    case 'handler':
    case 'dependency':
      return '';
    default:
      return assertNever(node, 'node kind');
  }
}

/** The box: outline filled with the surface, the kind's strip (not on a store: its rim), decoration. */
export function drawShape(b: NodeBox, p: Palette): string {
  const k = p.kinds[b.node.kind];
  const { x, y, width: w, height: h } = b;
  const [left, right] = RADII[b.node.kind];
  const store = b.node.kind === 'store';
  const outline = store ? cylinder(x, y, w, h) : roundedRect(x, y, w, h, left, right);
  return (
    el('path', { d: outline, fill: p.surface, stroke: k.outline, 'stroke-width': 1.5 }) +
    (store ? '' : el('path', { d: strip(x, y, h, left), fill: k.accent })) +
    decoration(b, k, p)
  );
}
