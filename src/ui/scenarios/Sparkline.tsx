// The producer's offered rate over time (base × profile factor), small enough for the Inspector.
import type { ProfilePoint } from '../../model/profile';
import { formatRate } from '../../model/format';
import { cornersPath, factorCorners, peakFactor } from './profileCurve';

const W = 240;
const H = 44;

interface Props {
  points: readonly ProfilePoint[];
  base: number;
  horizon: number;
}

export function Sparkline({ points, base, horizon }: Props) {
  const corners = factorCorners(points, horizon);
  const peak = peakFactor(corners);
  // Headroom, so the line at the peak is not cut by the top edge.
  const top = peak * 1.1;
  const path = cornersPath(corners, horizon, top, W, H);
  const low = corners.reduce((m, [, f]) => Math.min(m, f), Infinity);
  const label = `Offered rate over ${Math.round(horizon)} s: from ${formatRate(base * low)} to ${formatRate(base * peak)}`;
  return (
    <figure className="sparkline">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label}>
        <line x1="0" x2={W} y1={H - H / top} y2={H - H / top} className="sparkline__base" />
        <path d={`${path} L${W} ${H} L0 ${H} Z`} className="sparkline__area" />
        <path d={path} className="sparkline__line" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="sparkline__caption">
        <span>0 s</span>
        <span>peak {formatRate(base * peak)}</span>
        <span>{Math.round(horizon)} s</span>
      </figcaption>
    </figure>
  );
}
