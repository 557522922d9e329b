// Every figure of the point under the pointer, in one line under the main chart (the charts
// share one cursor, so pointing at any of them reads here).
import type { SweepDocument } from '../../engine/experiment';
import { formatCount, formatDuration, formatPercent, formatRate } from '../../model/format';
import { durationText, estimateText } from './estimate';
import type { PointView } from './sweepAnalysis';

interface Props {
  point: PointView | null;
  label: string;
  document: SweepDocument;
}

export function PointReadout({ point, label, document }: Props) {
  if (!point) {
    return (
      <p className="sweep-readout sweep-readout--idle" data-testid="sweep-readout">
        Point at a chart to read every figure at that value.
      </p>
    );
  }
  const slos = document.points[point.index]?.slos;
  const items: [string, string][] = [
    ['p50', durationText(point.p50)],
    ['p95', durationText(point.p95)],
    ['p99', durationText(point.p99)],
    ['mean', durationText(point.meanLatency)],
  ];
  if (point.theory.meanLatency !== null)
    items.push(['theory mean', formatDuration(point.theory.meanLatency)]);
  items.push(
    ['offered', formatRate(point.offered ?? undefined)],
    ['achieved', formatRate(point.achieved ?? undefined)],
  );
  items.push(
    ['dropped', estimateText(point.dropped, formatCount)],
    ['dead-lettered', estimateText(point.deadLettered, formatCount)],
  );
  if (point.busiest)
    items.push([`busiest: ${point.busiest.label}`, estimateText(point.busiest.utilization, formatPercent)]);
  if (point.theory.utilization !== null) items.push(['theory', formatPercent(point.theory.utilization)]);
  if (slos?.length)
    items.push([
      'objectives',
      slos.every((s) => s.pass) ? 'all met' : `${slos.filter((s) => !s.pass).length} missed`,
    ]);
  return (
    <p className="sweep-readout" data-testid="sweep-readout">
      <b className="sweep-readout__value">
        {label} = {String(point.value)}
      </b>
      {items.map(([name, value]) => (
        <span key={name} className="sweep-readout__item">
          {name} <b>{value}</b>
        </span>
      ))}
      {point.saturated && <span className="sweep-readout__flag">saturated</span>}
      {point.wide.length > 0 && (
        <span className="sweep-readout__flag">wide interval: {point.wide.join(', ')}</span>
      )}
    </p>
  );
}
