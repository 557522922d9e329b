// The timeline strip under the charts: the run from 0 to its duration, each fault's window as a
// labelled band (overlapping windows on separate rows), every load profile as a line (its factor,
// scaled to the highest), and where the run is now.
import type { CSSProperties } from 'react';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { Flow, NodeOfKind } from '../../model/flow';
import { formatDuration } from '../../model/format';
import { useRunState } from '../run/runContext';
import { targetLabel } from '../../model/faults';
import { faultWindow } from './faultEdits';
import { cornersPath, factorCorners, peakFactor } from './profileCurve';
import { faultBands, timelineSpan } from './timeline';

const W = 1000;
const H = 100;

const profiled = (flow: Flow): NodeOfKind<'producer'>[] =>
  flow.nodes.filter(
    (n): n is NodeOfKind<'producer'> => n.kind === 'producer' && (n.config.profile?.length ?? 0) > 0,
  );

/** Whether the flow has anything to show on a timeline. */
export const hasTimeline = (flow: Flow): boolean =>
  (flow.faults?.length ?? 0) > 0 || profiled(flow).length > 0;

export function Timeline({ flow }: { flow: Flow }) {
  const runDuration = useRunState((s) => s.duration);
  const time = useRunState((s) => (s.status === 'empty' ? null : s.time));
  const span = timelineSpan(runDuration, flow.settings?.duration ?? DEFAULT_SETTINGS.duration);
  const faults = flow.faults ?? [];
  const bands = faultBands(faults, span);
  const rows = Math.max(1, ...bands.map((b) => b.row + 1));
  const producers = profiled(flow);
  const lines = producers.map((p) => factorCorners(p.config.profile!, span));
  const top = Math.max(...lines.map(peakFactor), 1) * 1.1;

  return (
    <figure className="timeline" role="group" aria-label="Timeline">
      <figcaption className="timeline__title">
        Timeline
        {producers.length > 0 && (
          <span className="timeline__key">
            <i aria-hidden="true" /> load ({producers.map((p) => p.label || p.id).join(', ')})
          </span>
        )}
      </figcaption>
      <div className="timeline__track" style={{ '--rows': rows } as CSSProperties}>
        {lines.length > 0 && (
          <svg
            className="timeline__load"
            viewBox={`0 0 ${W} ${H}`}
            preserveAspectRatio="none"
            aria-hidden="true"
          >
            {lines.map((c, i) => (
              <path
                key={producers[i]!.id}
                d={cornersPath(c, span, top, W, H)}
                vectorEffect="non-scaling-stroke"
              />
            ))}
          </svg>
        )}
        <ol className="timeline__bands" aria-label="Fault windows">
          {bands.map((b) => {
            const f = faults[b.index]!;
            const name = `${f.kind} ${targetLabel(flow, f.target)}`;
            return (
              <li
                key={b.index}
                className="timeline__band"
                style={{ left: `${b.left}%`, width: `${b.width}%`, top: `calc(${b.row} * var(--row))` }}
                title={`${name}: ${faultWindow(f)}`}
                aria-label={`${name}, ${faultWindow(f)}`}
                data-fault={b.index}
              >
                {name}
              </li>
            );
          })}
        </ol>
        {time !== null && (
          <div
            className="timeline__now"
            style={{ left: `${Math.min(100, (time / span) * 100)}%` }}
            aria-hidden="true"
          />
        )}
      </div>
      <div className="timeline__axis" aria-hidden="true">
        <span>0 s</span>
        <span>{formatDuration(span / 2)}</span>
        <span>{formatDuration(span)}</span>
      </div>
    </figure>
  );
}
