// Edges as the canvas draws them: a Bézier from the source's right side to the target's left side
// with React Flow's control points (the dots of ui/run/edgeGeometry.ts ride the same curve), an
// arrowhead drawn as a shape of its own (a <marker> is not read alike by every SVG tool), and the
// canvas's label at the curve's middle. A bus's dead-letter setting is drawn too, as the canvas
// shows it: a dashed link that is not an edge of the flow; to a dead-letter queue right below or
// above its bus it runs from one box's edge to the other's, not back through the bus's box.
import { deadLetterOf } from '../../model/deadLetter';
import { edgeLabel } from '../../model/edgeLabel';
import type { Flow } from '../../model/flow';
import type { NodeBox } from './layout';
import { type Font, textWidth } from './metrics';
import { cleanText, fitLine } from './text';
import { num } from './xml';

export type EdgeKind = 'event' | 'call' | 'dead-letter';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface EdgeLabel {
  readonly text: string;
  /** The label's box, its text centred in it. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Which way the arrowhead points: into the target's left side, or its top or bottom. */
export type Heading = 'right' | 'down' | 'up';

export interface EdgeShape {
  readonly kind: EdgeKind;
  /** Start, two control points, end of the line (the arrowhead's base). */
  readonly curve: readonly [Point, Point, Point, Point];
  /** The arrowhead's tip, on the target's side. */
  readonly tip: Point;
  readonly heading: Heading;
  readonly label: EdgeLabel | null;
  readonly title: string;
}

export const EDGE_FONT: Font = { size: 11, bold: false };
export const ARROW_LENGTH = 9;
export const ARROW_HALF_WIDTH = 4.5;
const LABEL_PAD_X = 5;
const LABEL_HEIGHT = 17;
const LABEL_MAX_WIDTH = 260;
/** Space between a label moved off a box and the box. */
const LABEL_LIFT = 3;

const covers = (l: EdgeLabel, b: NodeBox): boolean =>
  l.x < b.x + b.width && b.x < l.x + l.width && l.y < b.y + b.height && b.y < l.y + l.height;

/**
 * The label, moved up or down as little as takes it off its edge's boxes: on the canvas a label
 * over a box hides its text until the view moves, in a still image for good.
 */
function clear(label: EdgeLabel, from: NodeBox, to: NodeBox): EdgeLabel {
  if (!covers(label, from) && !covers(label, to)) return label;
  const places = [from, to]
    .flatMap((b) => [b.y - label.height - LABEL_LIFT, b.y + b.height + LABEL_LIFT])
    .map((y) => ({ ...label, y }))
    .filter((l) => !covers(l, from) && !covers(l, to))
    .sort((a, b) => Math.abs(a.y - label.y) - Math.abs(b.y - label.y));
  return places[0] ?? label;
}

/** React Flow's control-point distance for a Bézier edge (curvature 0.25). */
const controlOffset = (distance: number): number =>
  distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance);

/** An edge's label as drawn: the canvas's words, cut to the most a label takes. */
export const labelText = (text: string): string => fitLine(cleanText(text), LABEL_MAX_WIDTH, EDGE_FONT);
/** The width of a label's box. */
export const labelWidth = (fitted: string): number => textWidth(fitted, EDGE_FONT) + 2 * LABEL_PAD_X;

/** Start, tip and control points of a line from `from` to `to` that arrives heading `heading`. */
function route(from: NodeBox, to: NodeBox, heading: Heading) {
  const cx = (b: NodeBox) => b.x + b.width / 2;
  if (heading === 'right') {
    const start = { x: from.x + from.width, y: from.y + from.height / 2 };
    const tip = { x: to.x, y: to.y + to.height / 2 };
    const end = { x: tip.x - ARROW_LENGTH, y: tip.y };
    const off = controlOffset(end.x - start.x);
    return { start, tip, end, c1: { x: start.x + off, y: start.y }, c2: { x: end.x - off, y: end.y } };
  }
  // From the bottom down to a top (React Flow's bottom and top handles), or up the other way.
  const down = heading === 'down';
  const start = { x: cx(from), y: down ? from.y + from.height : from.y };
  const tip = { x: cx(to), y: down ? to.y : to.y + to.height };
  const end = { x: tip.x, y: down ? tip.y - ARROW_LENGTH : tip.y + ARROW_LENGTH };
  const off = (down ? 1 : -1) * controlOffset(Math.abs(end.y - start.y));
  return { start, tip, end, c1: { x: start.x, y: start.y + off }, c2: { x: end.x, y: end.y - off } };
}

/** A dead-letter queue below or above its bus, their boxes side by side, is reached vertically. */
function deadLetterHeading(from: NodeBox, to: NodeBox): Heading {
  const sideBySide = to.x < from.x + from.width && from.x < to.x + to.width;
  if (sideBySide && to.y >= from.y + from.height) return 'down';
  if (sideBySide && to.y + to.height <= from.y) return 'up';
  return 'right';
}

function shape(
  kind: EdgeKind,
  from: NodeBox,
  to: NodeBox,
  text: string | undefined,
  title: string,
): EdgeShape {
  const heading = kind === 'dead-letter' ? deadLetterHeading(from, to) : 'right';
  const { start, tip, end, c1, c2 } = route(from, to, heading);
  let label: EdgeLabel | null = null;
  if (text) {
    const fitted = labelText(text);
    const width = labelWidth(fitted);
    // The curve's middle (t = ½), where React Flow puts an edge's label, and its direction there.
    const mx = 0.125 * start.x + 0.375 * c1.x + 0.375 * c2.x + 0.125 * end.x;
    const my = 0.125 * start.y + 0.375 * c1.y + 0.375 * c2.y + 0.125 * end.y;
    const dx = c2.x + end.x - start.x - c1.x;
    const dy = c2.y + end.y - start.y - c1.y;
    // On a level stretch the label sits just above the line rather than on it, so that the line
    // (a call's dots, most of all) still shows in a still image, where nothing can be hovered.
    const level = Math.abs(dy) <= 0.25 * Math.abs(dx);
    const top = level ? my - LABEL_HEIGHT - 2 : my - LABEL_HEIGHT / 2;
    label = clear({ text: fitted, x: mx - width / 2, y: top, width, height: LABEL_HEIGHT }, from, to);
  }
  return { kind, curve: [start, c1, c2, end], tip, heading, label, title };
}

/** The line, run a pixel into the arrowhead's base so that no gap shows between them. */
export function linePath(s: EdgeShape): string {
  const [a, c1, c2, b] = s.curve;
  const into = s.heading === 'right' ? 'h1' : s.heading === 'down' ? 'v1' : 'v-1';
  return `M${num(a.x)} ${num(a.y)}C${num(c1.x)} ${num(c1.y)} ${num(c2.x)} ${num(c2.y)} ${num(b.x)} ${num(b.y)}${into}`;
}

/** The arrowhead: a triangle with its tip on the target's side. */
export function arrowPath(s: EdgeShape): string {
  const { x, y } = s.tip;
  const [l, w] = [ARROW_LENGTH, ARROW_HALF_WIDTH];
  const base =
    s.heading === 'right'
      ? `L${num(x - l)} ${num(y - w)}V${num(y + w)}`
      : `L${num(x - w)} ${num(s.heading === 'down' ? y - l : y + l)}H${num(x + w)}`;
  return `M${num(x)} ${num(y)}${base}Z`;
}

const nameOf = (b: NodeBox): string => b.node.label || b.node.id;

/** The flow's edges in its order, then its dead-letter links. */
export function layoutEdges(flow: Flow, boxes: readonly NodeBox[]): EdgeShape[] {
  const byId = new Map(boxes.map((b) => [b.node.id, b]));
  const shapes: EdgeShape[] = [];
  for (const e of flow.edges) {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    if (!from || !to) continue;
    // An edge into a dependency is a synchronous call, drawn apart from the paths events take.
    const call = to.node.kind === 'dependency';
    const label = edgeLabel(e, call);
    const title = `${call ? 'Calls' : 'Edge'} from ${nameOf(from)} to ${nameOf(to)}${label ? `: ${label}` : ''}`;
    shapes.push(shape(call ? 'call' : 'event', from, to, label, title));
  }
  for (const b of boxes) {
    const target = deadLetterOf(b.node);
    const to = target === undefined ? undefined : byId.get(target);
    if (to)
      shapes.push(
        shape('dead-letter', b, to, 'dead letters', `Dead letters from ${nameOf(b)} to ${nameOf(to)}`),
      );
  }
  return shapes;
}

/** The points an edge's drawing stays within: its curve's hull, its arrowhead and its label. */
export function edgeExtent(s: EdgeShape): Point[] {
  const w = ARROW_HALF_WIDTH;
  const pts: Point[] = [...s.curve, s.tip];
  if (s.heading === 'right') pts.push({ x: s.tip.x, y: s.tip.y - w }, { x: s.tip.x, y: s.tip.y + w });
  else pts.push({ x: s.tip.x - w, y: s.tip.y }, { x: s.tip.x + w, y: s.tip.y });
  if (s.label) {
    pts.push({ x: s.label.x, y: s.label.y });
    pts.push({ x: s.label.x + s.label.width, y: s.label.y + s.label.height });
  }
  return pts;
}
