// Event-type colours: a fixed, colour-blind-friendly palette (Okabe–Ito), assigned by the type's
// position in the run's layout so the dots and the charts agree.
export const EVENT_COLORS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
  '#000000',
] as const;

/** Node heat for utilization 0..1: neutral to red, so the bottleneck stands out at a glance. */
export function heatColor(utilization: number): string {
  const u = Math.min(1, Math.max(0, utilization));
  // Hue 210 (calm blue-grey) → 0 (red); saturation and alpha rise with load.
  return `hsla(${Math.round(210 - 210 * u)}, ${Math.round(30 + 60 * u)}%, 55%, ${(0.1 + 0.5 * u).toFixed(2)})`;
}
