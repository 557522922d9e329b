// Overlays on uPlot charts draw on its canvas inside the plotting area only.
import type uPlot from 'uplot';

/** Saves the canvas's state and clips drawing to the plotting area; the caller restores it. */
export function clipToPlot(u: uPlot): void {
  const { left, top, width, height } = u.bbox;
  u.ctx.save();
  u.ctx.beginPath();
  u.ctx.rect(left, top, width, height);
  u.ctx.clip();
}
