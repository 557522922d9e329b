// What the live charts draw besides the run's own lines: the pinned baseline's curves (dashed,
// in the colours of the lines they compare with, under them) and the flow's objectives that
// name a charted figure (a labelled rule at the target). Read from the store on every redraw, so
// pinning, clearing or editing an objective shows at once; the y range makes room for both.
import type uPlot from 'uplot';
import type { Slo } from '../../model/slo';
import { OP_SYMBOL } from '../../model/slo';
import type { BaselineSeries } from '../../store/slices/baselineSlice';
import { firstOp, formatMetric } from '../experiment/sloMetrics';
import { clipToPlot } from './plotClip';

export interface Overlay {
  baseline: BaselineSeries | null;
  slos: readonly Slo[];
}

export interface OverlayLines {
  /** The baseline's arrays for each line, in the chart's line order. */
  baseline: (b: BaselineSeries) => Float64Array[];
  /** The report metric each line shows ("endToEnd.p99"), for objectives; null for none. */
  metrics: readonly (string | null)[];
  colours: readonly string[];
}

const FONT = '11px sans-serif';

/** Objectives drawn on a chart: those naming one of its lines' metrics. */
export function targetsOf(slos: readonly Slo[], lines: Pick<OverlayLines, 'metrics' | 'colours'>) {
  return slos.flatMap((s) => {
    const i = lines.metrics.indexOf(s.metric);
    if (i < 0) return [];
    const op = firstOp(s);
    const name = s.metric.slice(s.metric.lastIndexOf('.') + 1);
    return [
      {
        y: s[op]!,
        colour: lines.colours[i]!,
        label: `${name} ${OP_SYMBOL[op]} ${formatMetric(s.metric, s[op])}`,
      },
    ];
  });
}

/** The latest baseline value at or before `time` on one of its lines, or undefined. */
export function baselineAt(b: BaselineSeries, values: Float64Array, time: number): number | undefined {
  let lo = 0;
  let hi = b.time.length - 1;
  if (hi < 0 || b.time[0]! > time) return undefined;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (b.time[mid]! <= time) lo = mid;
    else hi = mid - 1;
  }
  return values[lo];
}

/** The y range: the run's data, the baseline's and the targets, from 0. */
export function overlayRange(read: () => Overlay, lines: OverlayLines): uPlot.Range.Function {
  return (_u, min, max) => {
    const o = read();
    let top = Number.isFinite(max) ? max : 0;
    let bottom = Number.isFinite(min) ? Math.min(0, min) : 0;
    if (o.baseline) {
      for (const values of lines.baseline(o.baseline)) {
        for (let i = 0; i < values.length; i++) {
          const v = values[i]!;
          if (v > top) top = v;
          if (v < bottom) bottom = v;
        }
      }
    }
    for (const t of targetsOf(o.slos, lines)) top = Math.max(top, t.y);
    return [bottom, top > 0 ? top * 1.08 : 1];
  };
}

export function chartOverlays(read: () => Overlay, lines: OverlayLines, themed: HTMLElement): uPlot.Plugin {
  // Read once: a style lookup per draw would cost a style recalculation beside a large graph.
  const surface = getComputedStyle(themed).getPropertyValue('--surface').trim() || '#ffffff';
  return {
    hooks: {
      drawAxes: [
        (u) => {
          const { baseline } = read();
          if (!baseline) return;
          const ctx = u.ctx;
          const px = devicePixelRatio;
          clipToPlot(u);
          ctx.lineWidth = 1.5 * px;
          ctx.setLineDash([5 * px, 4 * px]);
          ctx.globalAlpha = 0.75;
          lines.baseline(baseline).forEach((values, k) => {
            ctx.strokeStyle = lines.colours[k] ?? '#888';
            ctx.beginPath();
            for (let i = 0; i < values.length; i++) {
              const x = u.valToPos(baseline.time[i]!, 'x', true);
              const y = u.valToPos(values[i]!, 'y', true);
              if (i === 0) ctx.moveTo(x, y);
              else ctx.lineTo(x, y);
            }
            ctx.stroke();
          });
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          const targets = targetsOf(read().slos, lines);
          if (!targets.length) return;
          const ctx = u.ctx;
          const { left, top, width } = u.bbox;
          const px = devicePixelRatio;
          clipToPlot(u);
          ctx.font = FONT;
          ctx.textAlign = 'right';
          ctx.textBaseline = 'middle';
          for (const t of targets) {
            const y = u.valToPos(t.y, 'y', true);
            ctx.strokeStyle = t.colour;
            ctx.lineWidth = px;
            ctx.setLineDash([2 * px, 3 * px]);
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + width, y);
            ctx.stroke();
            const w = ctx.measureText(t.label).width;
            const x = left + width - 4 * px;
            // Above the rule, or under it when the rule runs along the top.
            const mid = y - 15 * px >= top ? y - 8.5 * px : y + 8.5 * px;
            ctx.fillStyle = surface;
            ctx.globalAlpha = 0.85;
            ctx.fillRect(x - w - 3 * px, mid - 6.5 * px, w + 6 * px, 13 * px);
            ctx.globalAlpha = 1;
            ctx.fillStyle = t.colour;
            ctx.fillText(t.label, x, mid);
          }
          ctx.restore();
        },
      ],
    },
  };
}
