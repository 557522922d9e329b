import { describe, expect, it } from 'vitest';
import { deadLetterOf } from '../../model/deadLetter';
import type { Flow, FlowNode } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { contrast } from './colour';
import { renderFlowSvg } from './index';
import { BASE, TEXT_CONTRAST } from './theme';
import { drawnNodes, elements, unescapeXml } from './testing/svgParts';
import { wellFormedProblem } from './testing/wellFormed';

const templates = TEMPLATES.map((t) => {
  const parsed = parseFlow(t.json);
  if (!parsed.ok) throw new Error(`template ${t.id} does not parse`);
  return { id: t.id, flow: parsed.flow };
});
const flowOf = (id: string): Flow => templates.find((t) => t.id === id)!.flow;

const node = (id: string, label: string, x = 0, y = 0): FlowNode => ({
  id,
  kind: 'handler',
  label,
  position: { x, y },
  config: { concurrency: 2, service: { dist: 'exponential', mean: 0.01 } },
});
const flowWith = (nodes: FlowNode[], name = 'Tricky'): Flow => ({
  format: 'eventflow',
  version: 2,
  name,
  nodes,
  edges: [],
});

const TRICKY = [
  '<script>alert("x")</script> & \'quotes\'',
  '🚀 Orders 👩‍💻 ünïcödé',
  'שלום עולם — مرحبا',
  'a]]>b &amp; &#x41;',
];

describe('renderFlowSvg', () => {
  for (const { id, flow } of templates)
    for (const theme of ['light', 'dark'] as const)
      it(`draws the ${id} template (${theme}): well-formed, every label and summary, every edge`, () => {
        const { svg, width, height } = renderFlowSvg(flow, { theme });
        expect(wellFormedProblem(svg)).toBeNull();
        const root = elements(svg, 'svg')[0]!;
        expect(root).toMatchObject({
          width: String(width),
          height: String(height),
          viewBox: `0 0 ${width} ${height}`,
          role: 'img',
        });
        expect(root['aria-label']).toContain(`${flow.nodes.length} nodes`);
        expect(svg).toMatch(new RegExp(`^<svg [^>]*><title>${flow.name.replace(/[+()]/g, '\\$&')}</title>`));

        const drawn = drawnNodes(svg);
        expect(drawn.map((d) => d.kind)).toEqual(flow.nodes.map((n) => n.kind));
        flow.nodes.forEach((n, i) => {
          const label = n.label || n.id;
          // The label's lines, wrapped at spaces, read as the label.
          expect(drawn[i]!.lines.slice(1, -1).join(' ')).toBe(label);
          expect(drawn[i]!.title).toContain(`“${label}” (${n.id})`);
        });

        const events = svg.match(/class="ef-edge ef-edge--(event|call)"/g) ?? [];
        expect(events).toHaveLength(flow.edges.length);
        const deadLetters = svg.match(/class="ef-edge ef-edge--dead-letter"/g) ?? [];
        expect(deadLetters).toHaveLength(flow.nodes.filter((n) => deadLetterOf(n) !== undefined).length);
      });

  it('draws for other tools: no foreignObject, marker, stylesheet, style attribute or external reference', () => {
    for (const { flow } of templates) {
      const { svg } = renderFlowSvg(flow, { theme: 'dark' });
      expect(svg).not.toMatch(/foreignObject|<marker|<style|style=|href=|url\(|<image|<script/i);
    }
  });

  it('draws call edges dotted in the dependency colour, and event edges solid', () => {
    const { svg } = renderFlowSvg(flowOf('retry-storm'), { theme: 'light' });
    const calls = svg.match(/<g class="ef-edge ef-edge--call">.*?<\/g>/g) ?? [];
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c).toContain('stroke-dasharray="1 5"');
    const event = svg.match(/<g class="ef-edge ef-edge--event">.*?<\/g>/g) ?? [];
    for (const e of event) expect(e).not.toContain('stroke-dasharray');
  });

  it('labels an edge with its filter', () => {
    const flow = flowOf('cqrs-orders');
    const edge = flow.edges[0]!;
    const filtered = {
      ...flow,
      edges: [{ ...edge, filter: ['PlaceOrder', 'Cancel<Order>'] }, ...flow.edges.slice(1)],
    };
    const { svg } = renderFlowSvg(filtered, { theme: 'light' });
    expect(svg).toContain('only PlaceOrder, Cancel&lt;Order&gt;');
    expect(wellFormedProblem(svg)).toBeNull();
  });

  it('escapes tricky labels, names and ids, and keeps them readable', () => {
    const flow = flowWith(
      [...TRICKY.map((l, i) => node(`n${i}`, l, 0, i * 120)), node('"id&<>"', '', 400, 0)],
      'Tricky <flow> & "co"',
    );
    const { svg } = renderFlowSvg(flow, { theme: 'light' });
    expect(wellFormedProblem(svg)).toBeNull();
    expect(svg).toContain('<title>Tricky &lt;flow&gt; &amp; &quot;co&quot;</title>');
    const drawn = drawnNodes(svg);
    TRICKY.forEach((label, i) => expect(drawn[i]!.lines.slice(1, -1).join(' ')).toBe(label));
    expect(drawn[4]!.lines[1]).toBe('"id&<>"');
    expect(svg).not.toContain('<script');
  });

  it('writes characters XML forbids (controls, lone surrogates) as U+FFFD', () => {
    const { svg } = renderFlowSvg(flowWith([node('a', 'bell\u0007 and \ud800 half')], 'x\u0001y'), {
      theme: 'dark',
    });
    expect(wellFormedProblem(svg)).toBeNull();
    expect(drawnNodes(svg)[0]!.lines[1]).toBe('bell\ufffd and \ufffd half');
    expect(svg).toContain('<title>x\ufffdy</title>');
  });

  it('cuts a very long label with an ellipsis and keeps it whole in the title', () => {
    const long = `Order ${'very '.repeat(60)}long handler`;
    const { svg } = renderFlowSvg(flowWith([node('a', long)]), { theme: 'light' });
    const [drawn] = drawnNodes(svg);
    expect(drawn!.lines.slice(1, 3)).toHaveLength(2);
    expect(drawn!.lines[2]).toMatch(/…$/);
    expect(drawn!.title).toContain(long);
  });

  it('draws badges when given, with alarms in the danger colour, and nothing of the kind otherwise', () => {
    const flow = flowOf('work-queue');
    const [first, second] = flow.nodes;
    const badges = new Map<string, string | { text: string; alarm: string }>([
      ...flow.nodes.map((n) => [n.id, '1 sent'] as const),
      [first!.id, '3/4 busy · 12 waiting'],
      [second!.id, { text: 'depth max 12', alarm: '5 dropped' }],
      ['no-such-node', 'ignored'],
    ]);
    const light = renderFlowSvg(flow, { theme: 'light', badges });
    const drawn = drawnNodes(light.svg);
    expect(drawn[0]!.lines.at(-1)).toBe('3/4 busy · 12 waiting');
    expect(drawn[1]!.lines.slice(-2)).toEqual(['depth max 12', '5 dropped']);
    expect(drawn[1]!.fills.at(-1)).not.toBe(drawn[1]!.fills.at(-2));
    expect(light.svg).not.toContain('ignored');

    const plain = renderFlowSvg(flow, { theme: 'light' });
    expect(plain.svg).not.toContain('busy');
    expect(plain.svg).not.toContain('dropped');
    // A badge adds its lines to the box.
    expect(drawnNodes(plain.svg)[0]!.lines.length + 1).toBe(drawn[0]!.lines.length);
  });

  it('fills the background for its theme, with text readable on the boxes (WCAG AA)', () => {
    const flow = flowOf('retry-storm');
    const badges = new Map(flow.nodes.map((n) => [n.id, { text: '80% busy', alarm: '3 dead-lettered' }]));
    const fills: Record<string, string> = {};
    for (const theme of ['light', 'dark'] as const) {
      const { svg } = renderFlowSvg(flow, { theme, badges });
      fills[theme] = elements(svg, 'rect')[0]!.fill!;
      for (const n of drawnNodes(svg)) {
        expect(n.boxFill).toBe(BASE[theme].surface);
        for (const f of n.fills)
          expect(contrast(f, n.boxFill), `${theme} ${f}`).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
      const labels = svg.match(/<g class="ef-edge-label">.*?<\/g>/g) ?? [];
      expect(labels.length).toBeGreaterThan(0);
      for (const l of labels) {
        const [rect, text] = [elements(l, 'rect')[0]!, elements(l, 'text')[0]!];
        expect(contrast(text.fill!, rect.fill!)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
    }
    expect(fills.light).toBe(BASE.light.background);
    expect(fills.dark).toBe(BASE.dark.background);
    expect(contrast(fills.light!, fills.dark!)).toBeGreaterThan(10);
  });

  it('gives the same document for the same flow, and a note for an empty one', () => {
    const flow = flowOf('kafka-stream');
    expect(renderFlowSvg(flow, { theme: 'dark' }).svg).toBe(renderFlowSvg(flow, { theme: 'dark' }).svg);
    const empty = renderFlowSvg(flowWith([]), { theme: 'light' });
    expect(wellFormedProblem(empty.svg)).toBeNull();
    expect(unescapeXml(empty.svg)).toContain('No nodes');
    expect(empty.width).toBeGreaterThan(0);
  });

  it('keeps the padding it is given around the drawing', () => {
    const flow = flowOf('kafka-stream');
    const a = renderFlowSvg(flow, { theme: 'light', padding: 0 });
    const b = renderFlowSvg(flow, { theme: 'light', padding: 50 });
    expect(b.width - a.width).toBe(100);
    expect(b.height - a.height).toBe(100);
  });
});
