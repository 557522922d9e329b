// The bottom (metrics) panel's size and whether it is open: chosen by the user with the splitter
// or the panel's toggle, remembered in this browser (not in the flow). The panel keeps its height
// whatever it shows, so the canvas does not shrink when a run's table appears.

export interface PanelLayout {
  open: boolean;
  /** Height in CSS px while open. */
  height: number;
}

export const LAYOUT_KEY = 'eventflow-studio.layout';
const TOOLBAR = 52;
/** The canvas keeps at least this much height, however far the panel is dragged up. */
const CANVAS_MIN = 200;
export const PANEL_MIN = 120;
/** Panel chrome around the charts: its header, the charts' titles and readouts, and margins. */
const CHROME = 56 + 18 + 16 + 10;
/** The table's room under the charts before they shrink: its header and three rows. */
const TABLE_MIN = 24 + 3 * 24 + 4;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** What a first visit gets: a bit over a third of the window, and room for charts and a few rows. */
export const defaultHeight = (viewport: number): number => clamp(Math.round(viewport * 0.38), 300, 380);

/** The height the window allows: the canvas always keeps CANVAS_MIN. */
export const clampHeight = (height: number, viewport: number): number =>
  Math.round(clamp(height, PANEL_MIN, Math.max(PANEL_MIN, viewport - TOOLBAR - CANVAS_MIN)));

/** Charts shrink with the panel (to a floor) so the table keeps a few rows in view. */
export const chartHeight = (panel: number): number => clamp(panel - CHROME - TABLE_MIN, 100, 150);

export function readLayout(text: string | null, viewport: number): PanelLayout {
  const fallback = { open: true, height: defaultHeight(viewport) };
  if (!text) return fallback;
  try {
    const v = JSON.parse(text) as Partial<PanelLayout>;
    return {
      open: typeof v.open === 'boolean' ? v.open : true,
      height: typeof v.height === 'number' && Number.isFinite(v.height) ? v.height : fallback.height,
    };
  } catch {
    return fallback;
  }
}
