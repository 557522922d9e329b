// Where the canvas looks: pure functions over boxes in flow coordinates, so fitting and revealing
// are tested without a browser. A fit keeps text readable (MIN_READABLE_ZOOM): a flow too big for
// the canvas at that zoom starts at its left end (flows read left to right) and the user pans.
// Insets keep the fitted flow clear of what floats over the canvas (minimap, zoom controls).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

/**
 * Node labels are 13 px (bold) and summaries 12 px: at 60 % they are still about 8 px on screen
 * (a default fit of the CQRS template on a 1440×900 screen used to make them 5 px).
 */
export const MIN_READABLE_ZOOM = 0.6;
export const MAX_FIT_ZOOM = 1.1;

/** The smallest box holding every box. */
export function boundsOf(boxes: readonly Box[]): Box | null {
  if (!boxes.length) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The viewport showing `bounds` inside `size` minus `insets`, as large as fits between
 * MIN_READABLE_ZOOM and MAX_FIT_ZOOM; centred on each axis where it fits, else from its left
 * (or top) edge.
 */
export function readableFit(
  bounds: Box,
  size: { width: number; height: number },
  insets: Insets,
  zoomRange = { min: MIN_READABLE_ZOOM, max: MAX_FIT_ZOOM },
): Viewport {
  const w = Math.max(1, size.width - insets.left - insets.right);
  const h = Math.max(1, size.height - insets.top - insets.bottom);
  const fit = Math.min(w / Math.max(1, bounds.width), h / Math.max(1, bounds.height));
  const zoom = Math.min(zoomRange.max, Math.max(zoomRange.min, fit));
  const cw = bounds.width * zoom;
  const ch = bounds.height * zoom;
  return {
    x: (cw <= w ? insets.left + (w - cw) / 2 : insets.left) - bounds.x * zoom,
    y: (ch <= h ? insets.top + (h - ch) / 2 : insets.top) - bounds.y * zoom,
    zoom,
  };
}

/** The viewport moved just enough (no zoom change) for `box` to be in view, clear of `insets`. */
export function reveal(
  box: Box,
  view: Viewport,
  size: { width: number; height: number },
  insets: Insets,
): Viewport {
  const { zoom } = view;
  const left = box.x * zoom + view.x;
  const top = box.y * zoom + view.y;
  const right = left + box.width * zoom;
  const bottom = top + box.height * zoom;
  let dx = 0;
  let dy = 0;
  if (right > size.width - insets.right) dx = size.width - insets.right - right;
  if (left + dx < insets.left) dx = insets.left - left;
  if (bottom > size.height - insets.bottom) dy = size.height - insets.bottom - bottom;
  if (top + dy < insets.top) dy = insets.top - top;
  return { x: view.x + dx, y: view.y + dy, zoom };
}
