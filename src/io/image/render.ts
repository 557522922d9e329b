// A flow drawn as one SVG document, from the flow itself: the browser app's "Export image" and the
// CLI's `render` both call renderFlowSvg. The file stands alone for other tools (Inkscape, resvg,
// Figma, a browser): presentation attributes only, no stylesheet, no <foreignObject>, no
// external reference, no <marker>; text as <text> so that it stays selectable and searchable.
import type { Flow } from '../../model/flow';
import { arrowPath, EDGE_FONT, type EdgeShape, edgeExtent, layoutEdges, linePath } from './edges';
import { type Badge, layoutNodes, type NodeBox, PAD_LEFT, type Tone } from './layout';
import { drawShape } from './shapes';
import { cleanText } from './text';
import { type ImageTheme, type Palette, palette } from './theme';
import { el, num, text } from './xml';

export interface RenderOptions {
  readonly theme: ImageTheme;
  /**
   * A short line of figures per node id, drawn under its summary: what the app's live badges show,
   * or figures from a report (reportBadges). A `NodeBadge`'s alarm is drawn in the danger colour.
   */
  readonly badges?: ReadonlyMap<string, Badge>;
  /** Space around the drawing, in pixels (default 24). */
  readonly padding?: number;
}

export interface RenderedSvg {
  readonly svg: string;
  /** The image's size in pixels (its width and height attributes, and its viewBox). */
  readonly width: number;
  readonly height: number;
}

/** DejaVu Sans first: the metrics measure it, and the CLI's PNGs are drawn with it. */
export const FONT_FAMILY =
  'DejaVu Sans, Inter, system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif';
const DEFAULT_PADDING = 24;
const EMPTY = { width: 240, height: 80 };

const fill = (tone: Tone, box: NodeBox, p: Palette): string =>
  tone === 'kind'
    ? p.kinds[box.node.kind].text
    : tone === 'muted'
      ? p.textMuted
      : tone === 'danger'
        ? p.dangerText
        : p.text;

function drawNode(b: NodeBox, p: Palette): string {
  let body = el('title', {}, text(b.title)) + drawShape(b, p);
  if (b.rule !== null) {
    const y = b.y + b.rule;
    body += el('path', {
      d: `M${num(b.x + PAD_LEFT)} ${num(y)}H${num(b.x + b.width - 10)}`,
      stroke: p.border,
    });
  }
  for (const l of b.lines)
    body += el(
      'text',
      {
        x: b.x + PAD_LEFT,
        y: b.y + l.baseline,
        'font-size': l.font.size,
        'font-weight': l.font.bold ? 'bold' : undefined,
        'letter-spacing': l.font.letterSpacing,
        fill: fill(l.tone, b, p),
      },
      text(l.text),
    );
  return el('g', { class: `ef-node ef-node--${b.node.kind}` }, body);
}

function drawEdge(s: EdgeShape, p: Palette): string {
  const colour = s.kind === 'call' ? p.kinds.dependency.accent : s.kind === 'dead-letter' ? p.danger : p.edge;
  const line =
    s.kind === 'call'
      ? { 'stroke-width': 2, 'stroke-dasharray': '1 5', 'stroke-linecap': 'round' }
      : s.kind === 'dead-letter'
        ? { 'stroke-width': 1.5, 'stroke-dasharray': '5 4' }
        : { 'stroke-width': 1.5 };
  return el(
    'g',
    { class: `ef-edge ef-edge--${s.kind}`, opacity: s.kind === 'dead-letter' ? 0.75 : undefined },
    el('title', {}, text(s.title)) +
      el('path', { d: linePath(s), fill: 'none', stroke: colour, ...line }) +
      el('path', { d: arrowPath(s), fill: colour }),
  );
}

function drawEdgeLabel(s: EdgeShape, p: Palette): string {
  const l = s.label;
  if (!l) return '';
  const colour = s.kind === 'dead-letter' ? p.dangerText : p.textMuted;
  return el(
    'g',
    { class: 'ef-edge-label' },
    el('rect', {
      x: l.x,
      y: l.y,
      width: l.width,
      height: l.height,
      rx: 4,
      fill: p.surface,
      stroke: p.border,
    }) +
      el(
        'text',
        {
          x: l.x + l.width / 2,
          y: l.y + l.height / 2 + EDGE_FONT.size * 0.36,
          'font-size': EDGE_FONT.size,
          'text-anchor': 'middle',
          fill: colour,
        },
        text(l.text),
      ),
  );
}

/** The rectangle every box and edge of the drawing lies in. */
function extent(boxes: readonly NodeBox[], edges: readonly EdgeShape[]) {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const b of boxes) {
    add(b.x, b.y);
    add(b.x + b.width, b.y + b.height);
  }
  for (const e of edges) for (const pt of edgeExtent(e)) add(pt.x, pt.y);
  return { minX, minY, maxX, maxY };
}

/** The flow's diagram as an SVG document, `width` × `height` pixels. */
export function renderFlowSvg(flow: Flow, options: RenderOptions): RenderedSvg {
  const p = palette(options.theme);
  const given = options.padding ?? DEFAULT_PADDING;
  const pad = Number.isFinite(given) ? Math.max(0, given) : DEFAULT_PADDING;
  const placed = layoutNodes(flow, options.badges);
  const bounds = extent(placed, layoutEdges(flow, placed));
  const empty = placed.length === 0;
  // Everything moves so that the drawing starts at (pad, pad): a viewBox at 0 0 reads alike everywhere.
  const dx = empty ? 0 : pad - bounds.minX;
  const dy = empty ? 0 : pad - bounds.minY;
  const boxes = placed.map((b) => ({ ...b, x: b.x + dx, y: b.y + dy }));
  const edges = layoutEdges(flow, boxes);
  const width = empty ? EMPTY.width : Math.ceil(bounds.maxX - bounds.minX + 2 * pad);
  const height = empty ? EMPTY.height : Math.ceil(bounds.maxY - bounds.minY + 2 * pad);

  const name = cleanText(flow.name) || 'Untitled flow';
  const count = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
  const summary = `${name}: flow diagram, ${count(flow.nodes.length, 'node')} and ${count(flow.edges.length, 'edge')}`;
  const content = empty
    ? el(
        'text',
        { x: width / 2, y: height / 2, 'font-size': 13, 'text-anchor': 'middle', fill: p.textMuted },
        'No nodes',
      )
    : el('g', { class: 'ef-edges' }, edges.map((e) => drawEdge(e, p)).join('')) +
      el('g', { class: 'ef-nodes' }, boxes.map((b) => drawNode(b, p)).join('')) +
      el('g', { class: 'ef-edge-labels' }, edges.map((e) => drawEdgeLabel(e, p)).join(''));
  const svg = el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-label': summary,
    },
    el('title', {}, text(name)) +
      el('rect', { width, height, fill: p.background }) +
      el('g', { 'font-family': FONT_FAMILY }, content),
  );
  return { svg: `${svg}\n`, width, height };
}
