// One uPlot chart over the run's series. uPlot draws to its own canvas; this component renders
// once and redraws from the SeriesStore on the run client's throttled tick, not through React.
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useRun } from './runContext';
import type { SeriesStore } from './series';

export interface ChartSpec {
  title: string;
  /** Axis label for the values. */
  unit: string;
  /** Line names and colours; `read` returns one array per line, after the time axis. */
  lines: (series: SeriesStore) => { label: string; color: string }[];
  read: (series: SeriesStore, n: number) => Float64Array[];
}

const HEIGHT = 150;
const FONT = '11px sans-serif';
/** Charts of simulated time need not move at frame rate; this keeps the main thread for the canvas. */
const REDRAW_GAP_MS = 500;

export function Chart({ spec }: { spec: ChartSpec }) {
  const { client, series } = useRun();
  const host = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = host.current!;
    let plot: uPlot | null = null;
    let shape = '';
    let drawn = -1;
    let lastDraw = -Infinity;
    const draw = (): void => {
      const lines = spec.lines(series);
      const key = lines.map((l) => l.label).join('|');
      // New set of lines (another flow, after a reset): rebuild, otherwise only new data.
      if (!plot || key !== shape) {
        plot?.destroy();
        shape = key;
        plot = new uPlot(
          {
            width: Math.max(200, el.clientWidth),
            height: HEIGHT,
            legend: { show: true, live: false },
            cursor: { show: false },
            scales: { x: { time: false } },
            // One font for ticks and labels: each change of ctx.font makes Chromium recompute
            // the document's style, which is costly beside a large graph.
            axes: [
              {
                label: 'simulated s',
                size: 36,
                font: FONT,
                labelFont: FONT,
                labelSize: 16,
                ...axisColours(el),
              },
              { label: spec.unit, size: 56, font: FONT, labelFont: FONT, labelSize: 16, ...axisColours(el) },
            ],
            series: [{ label: 't' }, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 1.5 }))],
          },
          [[], ...lines.map(() => [])],
          el,
        );
        drawn = -1;
      }
      if (series.version === drawn) return;
      const now = performance.now();
      if (now - lastDraw < REDRAW_GAP_MS && client.getState().status === 'running') return;
      lastDraw = now;
      drawn = series.version;
      const n = series.length;
      plot.setData([series.time.subarray(0, n), ...spec.read(series, n)] as unknown as AlignedData);
    };
    draw();
    const off = client.subscribe(draw);
    // Only a real width change resizes: uPlot's own redraw must not feed back into the observer.
    let width = el.clientWidth;
    const resize = new ResizeObserver(([entry]) => {
      const w = Math.round(entry?.contentRect.width ?? width);
      if (w === width) return;
      width = w;
      plot?.setSize({ width: Math.max(200, w), height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      off();
      resize.disconnect();
      plot?.destroy();
    };
  }, [client, series, spec]);

  return (
    <figure className="metrics__chart">
      <figcaption>{spec.title}</figcaption>
      <div ref={host} role="img" aria-label={`${spec.title} chart`} />
    </figure>
  );
}

/** uPlot draws on a canvas, outside CSS: take the theme's text and rule colours (light or dark) from it. */
function axisColours(el: HTMLElement): Pick<uPlot.Axis, 'stroke' | 'grid' | 'ticks'> {
  const css = getComputedStyle(el);
  const text = css.getPropertyValue('--text-2').trim() || '#576275';
  const rule = css.getPropertyValue('--border').trim() || '#e2e6ec';
  return { stroke: text, grid: { stroke: rule, width: 1 }, ticks: { stroke: rule, width: 1 } };
}
