// Where each node's box goes and what it says, line by line. Boxes sit at the flow's positions
// (the canvas's top-left corners) and are the canvas's 220 px wide, wider when their text needs
// it and the next node to the right leaves room; text that still does not fit wraps (the label,
// a badge) or is cut with "…" (the full label stays in the node's <title>).
import { edgeLabel } from '../../model/edgeLabel';
import type { Flow, FlowNode, Kind } from '../../model/flow';
import { MODEL_KINDS } from '../../model/kinds';
import { summarize } from '../../model/summary';
import type { Font } from './metrics';
import { textWidth } from './metrics';
import { ARROW_LENGTH, labelText, labelWidth } from './edges';
import { cleanText, fitLine, wrapLines } from './text';

/** What a node's badge shows: a line of figures, and alarm counts drawn in the danger colour. */
export interface NodeBadge {
  readonly text: string;
  readonly alarm?: string;
}
export type Badge = string | NodeBadge;

export type Tone = 'kind' | 'text' | 'muted' | 'danger';
export interface Line {
  readonly text: string;
  readonly font: Font;
  readonly tone: Tone;
  /** Pixels from the box's top to the baseline. */
  readonly baseline: number;
}

export interface NodeBox {
  readonly node: FlowNode;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly Line[];
  /** Pixels from the box's top to the rule above the badge, when there is a badge. */
  readonly rule: number | null;
  /** The node in words, label in full: the box's <title>. */
  readonly title: string;
}

export const FONTS = {
  kind: { size: 10, bold: true, letterSpacing: 0.6 },
  label: { size: 13, bold: true },
  summary: { size: 12, bold: false },
  badge: { size: 11, bold: true },
  alarm: { size: 11, bold: false },
} as const satisfies Record<string, Font>;

const LINE_HEIGHT = { kind: 14, label: 17, summary: 16, badge: 15, alarm: 15 } as const;

export const MIN_WIDTH = 220;
const MAX_WIDTH = 380;
/** The least space kept between a widened box and the next node to its right. */
const GAP = 40;
const PAD_TOP = 10;
const PAD_BOTTOM = 10;
/** Room for the accent strip and the space after it. */
export const PAD_LEFT = 16;
/** Room on the right for the kind's decoration (queue bars, topic fan), as the canvas pads. */
const padRight = (k: Kind): number => (k === 'queue' ? 26 : k === 'topic' ? 30 : 14);
const padTop = (k: Kind): number => (k === 'store' ? 24 : PAD_TOP);
const padBottom = (k: Kind): number => (k === 'stream' ? 16 : PAD_BOTTOM);
const RULE_SPACE = 7;
/** Space kept on each side of an edge's label, between two boxes. */
const LABEL_AIR = 8;

interface Texts {
  kind: string;
  label: string;
  summary: string;
  badge: string;
  alarm: string;
}

function textsOf(node: FlowNode, badge: Badge | undefined): Texts {
  const b = typeof badge === 'string' ? { text: badge } : badge;
  return {
    kind: MODEL_KINDS[node.kind].label.toUpperCase(),
    label: cleanText(node.label || node.id),
    summary: cleanText(summarize(node)),
    badge: cleanText(b?.text ?? ''),
    alarm: cleanText(b?.alarm ?? ''),
  };
}

/** The width the node's text asks for, every line unbroken. */
function wantedWidth(node: FlowNode, t: Texts): number {
  const widest = Math.max(
    textWidth(t.kind, FONTS.kind),
    textWidth(t.label, FONTS.label),
    textWidth(t.summary, FONTS.summary),
    textWidth(t.badge, FONTS.badge),
    textWidth(t.alarm, FONTS.alarm),
  );
  return Math.ceil(PAD_LEFT + widest + padRight(node.kind));
}

function boxAt(node: FlowNode, t: Texts, width: number): Omit<NodeBox, 'x' | 'y'> {
  const room = width - PAD_LEFT - padRight(node.kind);
  const lines: Line[] = [];
  let y = padTop(node.kind);
  const add = (text: string, key: keyof typeof FONTS, tone: Tone) => {
    const font = FONTS[key];
    const height = LINE_HEIGHT[key];
    // The baseline sits so that the x-height is centred in the line.
    lines.push({ text, font, tone, baseline: y + height / 2 + font.size * 0.36 });
    y += height;
  };
  add(fitLine(t.kind, room, FONTS.kind), 'kind', 'kind');
  for (const l of wrapLines(t.label, room, FONTS.label, 2)) add(l, 'label', 'text');
  if (t.summary) add(fitLine(t.summary, room, FONTS.summary), 'summary', 'muted');
  let rule: number | null = null;
  if (t.badge || t.alarm) {
    rule = y + RULE_SPACE / 2;
    y += RULE_SPACE;
    if (t.badge) for (const l of wrapLines(t.badge, room, FONTS.badge, 2)) add(l, 'badge', 'text');
    if (t.alarm) for (const l of wrapLines(t.alarm, room, FONTS.alarm, 2)) add(l, 'alarm', 'danger');
  }
  const label = node.label || node.id;
  return {
    node,
    width,
    height: y + padBottom(node.kind),
    lines,
    rule,
    title: `${MODEL_KINDS[node.kind].label} “${label}” (${node.id})`,
  };
}

/** For each "source → target" pair, the room the label of an edge between them needs. */
function labelRoom(flow: Pick<Flow, 'nodes' | 'edges'>): Map<string, number> {
  const kinds = new Map(flow.nodes.map((n) => [n.id, n.kind]));
  const room = new Map<string, number>();
  for (const e of flow.edges) {
    const text = edgeLabel(e, kinds.get(e.target) === 'dependency');
    if (!text) continue;
    const key = `${e.source}\u0000${e.target}`;
    // The label, a little air on each side, and the arrowhead.
    const need = labelWidth(labelText(text)) + 2 * LABEL_AIR + ARROW_LENGTH;
    room.set(key, Math.max(room.get(key) ?? 0, need));
  }
  return room;
}

/**
 * Every node's box. A box wider than the canvas's takes only the room before the nearest node to
 * its right that it would otherwise run into (judged by the boxes at the canvas's width), and
 * leaves what the label of an edge to a node on its right needs.
 */
export function layoutNodes(
  flow: Pick<Flow, 'nodes' | 'edges'>,
  badges: ReadonlyMap<string, Badge> | undefined,
): NodeBox[] {
  const { nodes } = flow;
  const labels = labelRoom(flow);
  const texts = nodes.map((n) => textsOf(n, badges?.get(n.id)));
  const narrow = nodes.map((n, i) => boxAt(n, texts[i]!, MIN_WIDTH));
  return nodes.map((n, i) => {
    const want = Math.min(MAX_WIDTH, wantedWidth(n, texts[i]!));
    let width = MIN_WIDTH;
    if (want > MIN_WIDTH) {
      const top = n.position.y;
      const bottom = top + narrow[i]!.height;
      let room = want;
      nodes.forEach((m, j) => {
        if (j === i || m.position.x <= n.position.x) return;
        const overlaps = m.position.y < bottom && m.position.y + narrow[j]!.height > top;
        if (overlaps) room = Math.min(room, m.position.x - n.position.x - GAP);
        // An edge's label sits between the two boxes, level with neither, so it needs its room
        // even from a node off to the side.
        const label = labels.get(`${n.id}\u0000${m.id}`);
        if (label !== undefined) room = Math.min(room, m.position.x - n.position.x - label);
      });
      width = Math.max(MIN_WIDTH, room);
    }
    const box = width === MIN_WIDTH ? narrow[i]! : boxAt(n, texts[i]!, width);
    return { ...box, x: n.position.x, y: n.position.y };
  });
}
