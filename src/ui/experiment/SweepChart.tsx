// One chart of a sweep: figures against the swept value, drawn with uPlot. Each measured line is
// the mean over replications with its 95 % interval as a shaded band (the uncertainty of the
// mean, not the spread of single requests, which the percentiles themselves are); theory is a
// dashed line; objectives are labelled horizontal rules; the saturation knee a labelled vertical
// rule; points whose interval is too wide get a ring. Charts of one sweep share the cursor, and
// the pointer's point is reported up so every figure at it can be read out.
import { type CSSProperties, useEffect, useRef } from 'react';
import uPlot, { type AlignedData } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { clipToPlot } from '../run/plotClip';

export interface SweepLine {
  label: string;
  color: string;
  /** One per x; null where the figure is missing. */
  values: (number | null)[];
  /** The 95 % interval of each value. */
  band?: { lo: (number | null)[]; hi: (number | null)[] };
  /** Theory, drawn dashed and without points. */
  dashed?: boolean;
}

export interface SweepChartSpec {
  title: string;
  /** The swept values, ascending. */
  xs: number[];
  xLabel: string;
  lines: SweepLine[];
  format: (v: number) => string;
  /** Horizontal rules: objectives, thresholds. */
  targets?: { y: number; label: string; color: string }[];
  knee?: { x: number; label: string } | null;
  /** Points (indices) whose interval is too wide, ringed on the line `flagLine`. */
  flagged?: number[];
  flagLine?: number;
  /** A log scale, for latencies that grow by orders of magnitude past saturation. */
  log?: boolean;
  /** A fixed top, such as 1 for a utilization. */
  max?: number;
  /** A small chart: rules are named in the legend, not on the plot, where words would cover the lines. */
  compact?: boolean;
}

const FONT = '11px sans-serif';
/** Up to this many swept values, each is a tick of the x axis. */
const MAX_VALUE_TICKS = 12;

/** Log-scale ticks: 1, 2 and 5 times each power of ten in range, or powers of ten alone over many decades. */
function decades(u: uPlot): number[] {
  const { min, max } = u.scales.y ?? {};
  if (min === undefined || max === undefined || !(min > 0)) return [];
  const out: number[] = [];
  const from = Math.floor(Math.log10(min));
  const to = Math.ceil(Math.log10(max));
  const steps = to - from > 3 ? [1] : [1, 2, 5];
  for (let e = from; e <= to; e++)
    for (const k of steps) {
      const v = k * 10 ** e;
      if (v >= min && v <= max) out.push(v);
    }
  return out;
}

const css = (el: HTMLElement, name: string, fallback: string) =>
  getComputedStyle(el).getPropertyValue(name).trim() || fallback;

/** `#rrggbb` at `alpha`. */
const tint = (hex: string, alpha: number): string =>
  hex.startsWith('#') && hex.length === 7
    ? `rgb(${parseInt(hex.slice(1, 3), 16)} ${parseInt(hex.slice(3, 5), 16)} ${parseInt(hex.slice(5, 7), 16)} / ${alpha})`
    : hex;

function overlays(spec: SweepChartSpec, el: HTMLElement): uPlot.Plugin {
  const text = css(el, '--text-2', '#576275');
  const surface = css(el, '--surface', '#ffffff');
  const warn = css(el, '--warning', '#c27803');
  const label = (
    ctx: CanvasRenderingContext2D,
    s: string,
    x: number,
    y: number,
    colour: string,
    align: CanvasTextAlign,
  ) => {
    ctx.font = FONT;
    ctx.textAlign = align;
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(s).width;
    const left = align === 'right' ? x - w : align === 'center' ? x - w / 2 : x;
    ctx.fillStyle = tint(surface, 0.85);
    ctx.fillRect(left - 3, y - 8, w + 6, 16);
    ctx.fillStyle = colour;
    ctx.fillText(s, x, y);
  };
  return {
    hooks: {
      // Bands over the grid and under the lines.
      drawAxes: [
        (u) => {
          const ctx = u.ctx;
          const { top, height } = u.bbox;
          clipToPlot(u);
          // An interval reaching 0 has no place on a log scale: it runs off the bottom.
          const yAt = (v: number) => {
            const y = u.valToPos(v, 'y', true);
            return Number.isFinite(y) ? Math.min(y, top + height) : top + height;
          };
          for (const line of spec.lines) {
            if (!line.band) continue;
            ctx.fillStyle = tint(line.color, 0.2);
            let run: number[] = [];
            const flush = () => {
              if (run.length >= 2) {
                ctx.beginPath();
                run.forEach((i, k) => {
                  const x = u.valToPos(spec.xs[i]!, 'x', true);
                  const y = yAt(line.band!.hi[i]!);
                  if (k === 0) ctx.moveTo(x, y);
                  else ctx.lineTo(x, y);
                });
                for (let k = run.length - 1; k >= 0; k--) {
                  const i = run[k]!;
                  ctx.lineTo(u.valToPos(spec.xs[i]!, 'x', true), yAt(line.band!.lo[i]!));
                }
                ctx.closePath();
                ctx.fill();
              } else if (run.length === 1) {
                // A lone point: its interval as a bar.
                const i = run[0]!;
                const x = u.valToPos(spec.xs[i]!, 'x', true);
                const y0 = yAt(line.band!.hi[i]!);
                const y1 = yAt(line.band!.lo[i]!);
                ctx.fillRect(x - 4 * devicePixelRatio, y0, 8 * devicePixelRatio, y1 - y0);
              }
              run = [];
            };
            spec.xs.forEach((_, i) => {
              if (line.band!.lo[i] == null || line.band!.hi[i] == null) flush();
              else run.push(i);
            });
            flush();
          }
          ctx.restore();
        },
      ],
      draw: [
        (u) => {
          const ctx = u.ctx;
          const { left, top, width, height } = u.bbox;
          const px = devicePixelRatio;
          clipToPlot(u);
          ctx.lineWidth = px;
          for (const t of spec.targets ?? []) {
            const y = u.valToPos(t.y, 'y', true);
            if (!Number.isFinite(y)) continue;
            ctx.strokeStyle = t.color;
            ctx.setLineDash([4 * px, 3 * px]);
            ctx.beginPath();
            ctx.moveTo(left, y);
            ctx.lineTo(left + width, y);
            ctx.stroke();
            ctx.setLineDash([]);
            if (spec.compact) continue;
            // Above the rule, or under it when the rule is at the top.
            const above = y - 9 * px >= top + 8 * px;
            label(ctx, t.label, left + width - 4 * px, above ? y - 9 * px : y + 9 * px, t.color, 'right');
          }
          if (spec.knee) {
            const x = u.valToPos(spec.knee.x, 'x', true);
            ctx.strokeStyle = text;
            ctx.setLineDash([2 * px, 3 * px]);
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.setLineDash([]);
            const nearRight = x > left + width * 0.7;
            label(
              ctx,
              spec.knee.label,
              x + (nearRight ? -4 : 4) * px,
              top + 9 * px,
              text,
              nearRight ? 'right' : 'left',
            );
          }
          const flagged = spec.lines[spec.flagLine ?? 0];
          if (flagged) {
            ctx.strokeStyle = warn;
            ctx.lineWidth = 2 * px;
            for (const i of spec.flagged ?? []) {
              const v = flagged.values[i];
              if (v == null) continue;
              ctx.beginPath();
              ctx.arc(u.valToPos(spec.xs[i]!, 'x', true), u.valToPos(v, 'y', true), 6 * px, 0, 2 * Math.PI);
              ctx.stroke();
            }
          }
          ctx.restore();
        },
      ],
    },
  };
}

/** The y range: the data, the bands and the targets, from 0 on a linear scale. */
function yRange(spec: SweepChartSpec): uPlot.Range.Function {
  return () => {
    let lo = Infinity;
    let hi = -Infinity;
    const take = (v: number | null | undefined) => {
      if (v == null || !Number.isFinite(v) || (spec.log && v <= 0)) return;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    };
    for (const l of spec.lines) {
      l.values.forEach(take);
      l.band?.hi.forEach(take);
      l.band?.lo.forEach(take);
    }
    for (const t of spec.targets ?? []) take(t.y);
    if (!Number.isFinite(lo)) return spec.log ? [0.001, 1] : [0, spec.max ?? 1];
    if (spec.log) return uPlot.rangeLog(lo, hi, 10, true) as [number, number];
    const top = spec.max ?? (hi > 0 ? hi * 1.1 : 1);
    return [Math.min(0, lo), top];
  };
}

interface Props {
  spec: SweepChartSpec;
  syncKey: string;
  height: number;
  onHover: (index: number | null) => void;
}

export function SweepChart({ spec, syncKey, height, onHover }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const hover = useRef(onHover);
  useEffect(() => {
    hover.current = onHover;
  });

  useEffect(() => {
    const el = host.current!;
    const axis = {
      stroke: css(el, '--text-2', '#576275'),
      grid: { stroke: css(el, '--border', '#e2e6ec'), width: 1 },
      ticks: { stroke: css(el, '--border', '#e2e6ec'), width: 1 },
      font: FONT,
    };
    const plot = new uPlot(
      {
        width: Math.max(160, el.clientWidth),
        height,
        legend: { show: false },
        cursor: {
          sync: { key: syncKey },
          x: true,
          y: false,
          drag: { x: false, y: false },
          points: { size: 7 },
        },
        scales: { x: { time: false }, y: { distr: spec.log ? 3 : 1, range: yRange(spec) } },
        axes: [
          {
            ...axis,
            label: spec.xLabel,
            labelFont: FONT,
            labelSize: 14,
            size: 30,
            // A handful of values are ticked as they are (no 1.25 workers); many get round ticks.
            ...(spec.xs.length <= MAX_VALUE_TICKS ? { splits: () => spec.xs } : {}),
            values: (_u, ticks) => ticks.map((t) => String(Number.parseFloat(t.toPrecision(4)))),
          },
          {
            ...axis,
            // As wide as the longest tick ("2,000/s", "100 ms"), measured in the axis font.
            size: (u, values) => {
              if (!values?.length) return 40;
              u.ctx.font = FONT;
              return (
                Math.ceil(Math.max(...values.map((v) => u.ctx.measureText(v).width)) / devicePixelRatio) + 14
              );
            },
            space: 20,
            ...(spec.log ? { splits: decades } : {}),
            values: (_u, ticks) => ticks.map((t) => spec.format(t)),
          },
        ],
        series: [
          { label: 'value' },
          ...spec.lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: l.dashed ? 1.5 : 2,
            ...(l.dashed
              ? { dash: [6, 4], points: { show: false } }
              : { points: { show: true, size: 5, fill: l.color } }),
            spanGaps: false,
          })),
        ],
        plugins: [overlays(spec, el)],
        hooks: {
          setCursor: [
            (u) => {
              const i = u.cursor.idx;
              hover.current(i === undefined || i === null ? null : i);
            },
          ],
        },
      },
      [spec.xs, ...spec.lines.map((l) => l.values)] as unknown as AlignedData,
      el,
    );
    let width = el.clientWidth;
    const resize = new ResizeObserver(() => {
      if (el.clientWidth === width) return;
      width = el.clientWidth;
      plot.setSize({ width: Math.max(160, width), height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [spec, syncKey, height]);

  const described = [
    `${spec.title}: ${spec.lines.map((l) => l.label).join(', ')} against ${spec.xLabel}`,
    ...(spec.targets ?? []).map((t) => `rule at ${t.label}`),
    ...(spec.knee ? [`${spec.knee.label || 'saturation knee'} at ${spec.knee.x}`] : []),
  ].join('; ');
  return (
    <figure className="sweep-chart">
      <figcaption className="sweep-chart__title">{spec.title}</figcaption>
      <ul className="sweep-chart__legend" aria-hidden="true">
        {spec.lines.map((l) => (
          <li key={l.label}>
            <i
              className={l.dashed ? 'is-dashed' : l.band ? 'is-banded' : undefined}
              style={{ '--swatch': l.color } as CSSProperties}
            />
            {l.label}
          </li>
        ))}
        {spec.compact &&
          spec.targets?.map((t) => (
            <li key={t.label}>
              <i className="is-rule" style={{ '--swatch': t.color } as CSSProperties} />
              {t.label}
            </li>
          ))}
      </ul>
      <div ref={host} className="sweep-chart__plot" role="img" aria-label={described} />
    </figure>
  );
}
