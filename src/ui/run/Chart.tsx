// One uPlot chart over the run's series. uPlot draws to its own canvas; this component renders
// once and redraws from the SeriesStore on the run client's throttled tick, not through React.
// Its readout shows each line's value at the pointer (the latest values when the pointer is
// elsewhere), written straight into the caption's spans. The flow's fault windows are shaded on it.
import { useEffect, useRef } from 'react';
import uPlot, { type AlignedData } from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useAppStoreApi } from '../../store/useAppStore';
import { faultMarkers } from '../scenarios/faultMarkers';
import { formatClock } from './speeds';
import { useRun } from './runContext';
import type { SeriesStore } from './series';
import type { BaselineSeries } from '../../store/slices/baselineSlice';
import {
  baselineAt,
  chartOverlays,
  overlayRange,
  targetsOf,
  type Overlay,
  type OverlayLines,
} from './chartOverlays';
import { useAppStore } from '../../store/useAppStore';
import type { Slo } from '../../model/slo';

export interface ChartSpec {
  title: string;
  /** Axis label for the values. */
  unit: string;
  /** Line names and colours; `read` returns one array per line, after the time axis. */
  lines: (series: SeriesStore) => { label: string; color: string }[];
  read: (series: SeriesStore, n: number) => Float64Array[];
  /** A value as the readout prints it ("12 ms", "45/s"). */
  format: (value: number) => string;
  /** The report metric each line shows ("endToEnd.p99"), so objectives on it are drawn; absent: none. */
  metrics?: (series: SeriesStore) => (string | null)[];
  /** A pinned baseline's arrays for each line, in line order (empty where it has none), drawn dashed under the run's. */
  baseline: (b: BaselineSeries, series: SeriesStore) => Float64Array[];
}

const FONT = '11px sans-serif';
/** Charts of simulated time need not move at frame rate; this keeps the main thread for the canvas. */
const REDRAW_GAP_MS = 500;

const NO_SLOS: readonly Slo[] = [];

export function Chart({ spec }: { spec: ChartSpec }) {
  const { client, series } = useRun();
  const store = useAppStoreApi();
  // The canvas's rules said in words too, for those who cannot see them.
  const slos = useAppStore((s) => s.flow.slos ?? NO_SLOS);
  const compared = useAppStore((s) => s.baseline !== null);
  const targets = targetsOf(slos, { metrics: spec.metrics?.(series) ?? [], colours: [] });
  const label = [
    `${spec.title} chart`,
    ...targets.map((t) => `objective ${t.label}`),
    ...(compared ? ['baseline dashed'] : []),
  ].join('; ');
  const host = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    const el = host.current!;
    const out = readout.current!;
    let plot: uPlot | null = null;
    let shape = '';
    let drawn = -1;
    let lastDraw = -Infinity;
    let hovered: number | null = null;
    // The readout's spans: the time, then one per line (rebuilt with the lines).
    let time: HTMLElement | null = null;
    let values: HTMLElement[] = [];
    // A second line, shown while a baseline is pinned: its value of each line at the same time.
    let then: HTMLElement | null = null;
    let bases: HTMLElement[] = [];
    let labels: string[] = [];
    // Filled in when the lines are (re)built; the overlay plugin reads them on every draw.
    const overlayLines: OverlayLines = {
      baseline: (b) => spec.baseline(b, series),
      metrics: [],
      colours: [],
    };
    const overlay = (): Overlay => {
      const s = store.getState();
      return { baseline: s.baseline?.series ?? null, slos: s.flow.slos ?? [] };
    };
    const size = () => ({ width: Math.max(200, el.clientWidth), height: Math.max(60, el.clientHeight) });

    const showReadout = (): void => {
      const n = series.length;
      const i = hovered ?? n - 1;
      if (!time) return;
      if (i < 0 || i >= n) {
        time.textContent = '';
        for (const v of values) v.textContent = '–';
        return;
      }
      // The time only under the pointer; elsewhere the values are the latest.
      time.textContent = hovered === null ? '' : `t ${formatClock(series.time[i]!)}`;
      const data = spec.read(series, n);
      for (let k = 0; k < values.length; k++) values[k]!.textContent = spec.format(data[k]![i]!);
      const base = store.getState().baseline?.series;
      if (then) then.hidden = !base;
      const theirs = base ? spec.baseline(base, series) : [];
      for (let k = 0; k < bases.length; k++) {
        const v = base && theirs[k]?.length ? baselineAt(base, theirs[k]!, series.time[i]!) : undefined;
        bases[k]!.textContent = v === undefined ? '' : ` ${labels[k]} ${spec.format(v)}`;
      }
    };

    const buildReadout = (lines: { label: string; color: string }[]): void => {
      out.replaceChildren();
      const now = document.createElement('span');
      now.className = 'chart-readout__line';
      time = document.createElement('span');
      time.className = 'chart-readout__time';
      now.append(time);
      values = lines.map((l) => {
        const item = document.createElement('span');
        item.className = 'chart-readout__item';
        const swatch = document.createElement('i');
        swatch.style.background = l.color;
        swatch.setAttribute('aria-hidden', 'true');
        const value = document.createElement('b');
        item.append(swatch, `${l.label} `, value);
        now.append(item);
        return value;
      });
      then = document.createElement('span');
      then.className = 'chart-readout__line chart-readout__then';
      then.append('baseline:');
      then.hidden = true;
      labels = lines.map((l) => l.label);
      bases = lines.map(() => {
        const b = document.createElement('span');
        then!.append(b);
        return b;
      });
      out.append(now, then);
    };

    const draw = (): void => {
      const lines = spec.lines(series);
      const key = lines.map((l) => l.label).join('|');
      // New set of lines (another flow, after a reset): rebuild, otherwise only new data.
      if (!plot || key !== shape) {
        plot?.destroy();
        shape = key;
        buildReadout(lines);
        overlayLines.metrics = spec.metrics?.(series) ?? [];
        overlayLines.colours = lines.map((l) => l.color);
        plot = new uPlot(
          {
            ...size(),
            legend: { show: false },
            cursor: {
              x: true,
              y: false,
              drag: { x: false, y: false },
              points: { size: 6 },
            },
            scales: { x: { time: false }, y: { range: overlayRange(overlay, overlayLines) } },
            // One font for ticks and labels: each change of ctx.font makes Chromium recompute
            // the document's style, which is costly beside a large graph.
            axes: [
              {
                label: 'simulated s',
                size: 30,
                font: FONT,
                labelFont: FONT,
                labelSize: 14,
                ...axisColours(el),
              },
              {
                // Ticks carry their unit ("200 ms", "40/s"), so no axis title. Dense enough for
                // two or three ticks on a short chart.
                size: 54,
                space: 22,
                font: FONT,
                values: (_u, ticks) => ticks.map((t) => spec.format(t)),
                ...axisColours(el),
              },
            ],
            plugins: [
              faultMarkers(() => store.getState().flow.faults ?? [], el),
              chartOverlays(overlay, overlayLines, el),
            ],
            series: [{ label: 't' }, ...lines.map((l) => ({ label: l.label, stroke: l.color, width: 1.5 }))],
            hooks: {
              setCursor: [
                (u) => {
                  const i = u.cursor.idx;
                  hovered = i === undefined || i === null ? null : i;
                  showReadout();
                },
              ],
            },
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
      if (hovered !== null && hovered >= n) hovered = null;
      plot.setData([series.time.subarray(0, n), ...spec.read(series, n)] as unknown as AlignedData);
      showReadout();
    };
    draw();
    const off = client.subscribe(draw);
    const offFaults = store.subscribe((s, prev) => {
      if (s.flow.faults !== prev.flow.faults) plot?.redraw(false);
      // A pinned or cleared baseline, or an edited objective, may move the y range: rescale.
      if (plot && (s.baseline !== prev.baseline || s.flow.slos !== prev.flow.slos)) {
        plot.setData(plot.data);
        showReadout();
      }
    });
    // Only a real size change resizes: uPlot's own redraw must not feed back into the observer.
    let last = size();
    const resize = new ResizeObserver(() => {
      const next = size();
      if (next.width === last.width && next.height === last.height) return;
      last = next;
      plot?.setSize(next);
    });
    resize.observe(el);
    // The theme follows the system: when it changes, the axes take the new colours (a rebuild).
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const retheme = (): void => {
      shape = '';
      draw();
    };
    scheme.addEventListener('change', retheme);
    return () => {
      off();
      offFaults();
      scheme.removeEventListener('change', retheme);
      resize.disconnect();
      plot?.destroy();
    };
  }, [client, series, spec, store]);

  return (
    <figure className="metrics__chart">
      <figcaption className="metrics__chart-title">{spec.title}</figcaption>
      <p
        ref={readout}
        className={`chart-readout${compared ? ' chart-readout--compare' : ''}`}
        data-testid={`readout-${spec.title}`}
      />
      <div ref={host} className="metrics__plot" role="img" aria-label={label} />
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
