// Fault windows shaded on a uPlot chart, under its lines (drawn on uPlot's drawClear, so every
// redraw has them), with a firmer edge where each fault starts. Colours come from the theme.
import type uPlot from 'uplot';
import { clipToPlot } from '../run/plotClip';

export interface FaultWindow {
  at: number;
  duration: number;
}

export function faultMarkers(windows: () => readonly FaultWindow[], themed: HTMLElement): uPlot.Plugin {
  const colour = (name: string, fallback: string) =>
    getComputedStyle(themed).getPropertyValue(name).trim() || fallback;
  return {
    hooks: {
      drawClear: [
        (u) => {
          const list = windows();
          if (!list.length) return;
          const { left, top, width, height } = u.bbox;
          const ctx = u.ctx;
          clipToPlot(u);
          const fill = colour('--fault-band', 'rgb(210 60 60 / 10%)');
          const edge = colour('--fault-edge', 'rgb(210 60 60 / 55%)');
          for (const w of list) {
            const x0 = u.valToPos(w.at, 'x', true);
            const x1 = u.valToPos(w.at + w.duration, 'x', true);
            if (!Number.isFinite(x0) || !Number.isFinite(x1) || x1 < left || x0 > left + width) continue;
            ctx.fillStyle = fill;
            ctx.fillRect(x0, top, x1 - x0, height);
            ctx.fillStyle = edge;
            ctx.fillRect(x0, top, Math.max(1, devicePixelRatio), height);
          }
          ctx.restore();
        },
      ],
    },
  };
}
