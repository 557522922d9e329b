// One <canvas> over the React Flow viewport drawing events in flight as dots. A single
// requestAnimationFrame loop reads the run client's snapshot holder and React Flow's store
// directly: dots never pass through React state, and a frame allocates nothing.
import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { CURVE_STRIDE, curveAt } from './edgeGeometry';
import { DotField, type ViewTransform } from './dotField';
import { readCurves } from './edgeCurves';
import { useRun } from './runContext';

const POOL = 4096;
/** Wall ms a dot takes to cross an edge: slow enough to follow, fast enough to feel live. */
const TRAVEL_MS = 900;
/** Spawns from one snapshot are spread over this many visual ms (the snapshot interval). */
const SPAWN_SPREAD_MS = 1000 / 30;
/** Rate labels drawn per frame at most; text is the costliest thing on the canvas. */
const MAX_LABELS = 80;
const MIN_LABEL_ZOOM = 0.45;
/** As the canvas reports it back (normalized), so the comparison below holds. */
const LABEL_FONT = '600 11px sans-serif';

export function DotOverlay() {
  const { client, rates: spawner } = useRun();
  const rf = useStoreApi();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const el = canvas.current!;
    const ctx = el.getContext('2d')!;
    const dots = new DotField(POOL);
    spawner.restart();
    const view: ViewTransform = { x: 0, y: 0, zoom: 1 };
    let curves = new Float32Array(0);
    let drawable = new Uint8Array(0);
    let curvesFor: unknown = null;
    let curvesLayout: unknown = null;
    let width = 0;
    let height = 0;
    let dpr = 1;
    let visual = 0;
    let lastFrame = 0;
    let dirty = true;
    const drawn = { visual: -1, version: -1 };
    let settleUntil = Infinity;
    let raf = 0;
    // Rate labels in the theme's colours: text in --text on a halo of the canvas colour (dark text
    // on light in the light theme, light on dark in the dark one). Read once and on a theme change,
    // never per frame.
    const label = { ink: '#1f2937', halo: 'rgba(255, 255, 255, 0.9)' };
    const readTheme = (): void => {
      const css = getComputedStyle(el);
      label.ink = css.getPropertyValue('--text').trim() || label.ink;
      const canvasColour = css.getPropertyValue('--canvas').trim();
      // 90 % opaque: the dot under a label still shows through a little.
      if (/^#[0-9a-f]{6}$/i.test(canvasColour)) label.halo = `${canvasColour}e6`;
      el.dataset.labelInk = label.ink;
      el.dataset.labelHalo = canvasColour;
      dirty = true;
    };
    readTheme();
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', readTheme);

    const resize = new ResizeObserver(() => {
      dpr = window.devicePixelRatio || 1;
      width = el.clientWidth;
      height = el.clientHeight;
      el.width = Math.round(width * dpr);
      el.height = Math.round(height * dpr);
      dirty = true;
    });
    resize.observe(el);

    const frame = (ts: number): void => {
      raf = requestAnimationFrame(frame);
      const dt = lastFrame ? Math.min(100, ts - lastFrame) : 0;
      lastFrame = ts;
      const h = client.holder;
      const status = client.getState().status;
      // Dots move only while the simulation does: Pause freezes them where they are.
      // After the end, dots already on their way finish crossing; then the overlay goes idle.
      if (status === 'running') {
        visual += dt;
        settleUntil = Infinity;
      } else if (status === 'done') {
        if (settleUntil === Infinity) settleUntil = visual + TRAVEL_MS + SPAWN_SPREAD_MS;
        if (visual < settleUntil) visual += dt;
      }
      const layout = h.layout;
      if (!layout) {
        if (dirty) ctx.clearRect(0, 0, el.width, el.height);
        dirty = false;
        return;
      }
      const s = rf.getState();
      const [x, y, zoom] = s.transform;
      // Paused or finished and nothing moved: the canvas already shows this frame.
      if (
        !dirty &&
        visual === drawn.visual &&
        h.version === drawn.version &&
        s.nodeLookup === curvesFor &&
        layout === curvesLayout &&
        x === view.x &&
        y === view.y &&
        zoom === view.zoom
      ) {
        return;
      }
      dirty = false;
      drawn.visual = visual;
      drawn.version = h.version;
      const edges = layout.edgeIds.length;
      if (curves.length !== edges * CURVE_STRIDE) {
        curves = new Float32Array(edges * CURVE_STRIDE);
        drawable = new Uint8Array(edges);
        curvesFor = null;
      }
      // Node moved, resized or measured (React Flow replaces its lookup), or another layout.
      if (curvesFor !== s.nodeLookup || curvesLayout !== layout) {
        readCurves(layout.edgeIds, s.edgeLookup, s.nodeLookup, curves, drawable);
        curvesFor = s.nodeLookup;
        curvesLayout = layout;
      }
      spawner.update(h, dots, visual, SPAWN_SPREAD_MS, drawable);
      dots.expire(visual, TRAVEL_MS);

      view.x = x;
      view.y = y;
      view.zoom = zoom;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, width, height);
      dots.draw(ctx, curves, visual, TRAVEL_MS, view, width, height);
      if (zoom >= MIN_LABEL_ZOOM) drawRateLabels();
    };

    function drawRateLabels(): void {
      let shown = 0;
      for (let e = 0; e < spawner.sampledUntil.length && shown < MAX_LABELS; e++) {
        if (!drawable[e] || spawner.sampledUntil[e]! < visual) continue;
        const lx = curveAt(curves, e, 0.5, 0) * view.zoom + view.x;
        const ly = curveAt(curves, e, 0.5, 1) * view.zoom + view.y - 8;
        if (lx < 0 || ly < 0 || lx > width || ly > height) continue;
        if (shown === 0) {
          // The context keeps its font between frames (until a resize resets it): setting
          // ctx.font makes Chromium recompute the document's style, so do it only when lost.
          if (ctx.font !== LABEL_FONT) ctx.font = LABEL_FONT;
          ctx.textAlign = 'center';
          ctx.lineWidth = 3;
          ctx.lineJoin = 'round';
          ctx.strokeStyle = label.halo;
          ctx.fillStyle = label.ink;
        }
        const text = spawner.labels[e]!;
        ctx.strokeText(text, lx, ly);
        ctx.fillText(text, lx, ly);
        shown++;
      }
    }

    raf = requestAnimationFrame(frame);
    return () => {
      cancelAnimationFrame(raf);
      resize.disconnect();
      scheme.removeEventListener('change', readTheme);
    };
  }, [client, rf, spawner]);

  return <canvas ref={canvas} className="dot-overlay" aria-hidden="true" data-testid="dot-overlay" />;
}
