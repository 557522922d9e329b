// The last sweep's results: the end-to-end latency chart with the small charts linked to it (one
// cursor), a readout of every figure at the pointer's point, the table of points, and export of
// the table (CSV) and of the engine's sweep document itself (JSON).
import { useMemo, useRef, useState } from 'react';
import { downloadText } from '../../io/download';
import { formatPercent } from '../../model/format';
import { useAppStore } from '../../store/useAppStore';
import { Section } from '../inspector/Section';
import { costText } from './cost';
import { PointReadout } from './PointReadout';
import { SweepChart } from './SweepChart';
import { busiestChart, latencyChart, lossChart, throughputChart } from './sweepCharts';
import { pointViews } from './sweepAnalysis';
import { sweepCsv } from './sweepExport';
import { pointFlows } from '../../engine/experiment';
import { SweepTable } from './SweepTable';
import { useRevealOnChange } from './useRevealOnChange';

const fileName = (flow: string, ext: string) =>
  `${(flow || 'flow').replace(/[^\w.-]+/g, '-').toLowerCase()}-sweep.${ext}`;

export function SweepResults() {
  const record = useAppStore((s) => s.sweepRecord);
  const stale = useAppStore((s) => s.sweepRecord !== null && s.sweepRecord.flow !== s.flow);
  const [hovered, setHovered] = useState<number | null>(null);
  const anchor = useRef<HTMLDivElement>(null);
  useRevealOnChange(record, anchor, 'start');
  const views = useMemo(() => {
    if (!record) return null;
    const flows = pointFlows(record.flow, record.document.sweep);
    return pointViews(record.document, flows.ok ? flows.flows : [], record.settings.duration);
  }, [record]);
  const charts = useMemo(() => {
    if (!record || !views) return null;
    const slos = record.flow.slos ?? [];
    const x = record.label;
    return {
      latency: latencyChart(views, slos, x),
      small: [throughputChart(views, x), lossChart(views, slos, x), busiestChart(views, slos, x)],
    };
  }, [record, views]);
  if (!record || !views || !charts) return null;
  const { document } = record;
  const wide = views.filter((v) => v.wide.length).length;
  const syncKey = `sweep-${document.seed}-${document.sweep.path}`;

  return (
    <div ref={anchor} className="sweep__results">
      <Section title="Results" summary={`${views.length} points of ${record.label}`}>
        <p
          className="inspector__note"
          data-testid="sweep-cost"
          data-wall-ms={record.cost.wallMs}
          data-events={record.cost.events}
          data-busy-ms={record.cost.busyMs}
        >
          {record.label}: {views.length} values × {document.replications} replications.{' '}
          {costText(record.cost)}
          {stale && ' The flow has changed since: run the sweep again to update.'}
        </p>
        <SweepChart spec={charts.latency} syncKey={syncKey} height={190} onHover={setHovered} />
        <PointReadout
          point={hovered === null ? null : views[hovered]!}
          label={record.label}
          document={document}
        />
        <div className="sweep__small">
          {charts.small.map((spec) => (
            <SweepChart key={spec.title} spec={spec} syncKey={syncKey} height={110} onHover={setHovered} />
          ))}
        </div>
        <p className="inspector__note sweep__legend">
          Lines are means over replications; shaded bands their 95 % confidence intervals. Dashed grey:
          queueing theory, where a model applies.
          {wide > 0 &&
            ` Ringed: ${wide} point${wide === 1 ? '' : 's'} whose interval is wider than ${formatPercent(0.25)} of the mean — add replications or lengthen the runs.`}
        </p>
        <SweepTable views={views} document={document} label={record.label} />
        <div className="sweep__export">
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadText(
                fileName(record.flow.name, 'csv'),
                sweepCsv(document, views, document.sweep.path),
                'text/csv',
              )
            }
          >
            Export sweep CSV
          </button>
          <button
            type="button"
            className="button"
            onClick={() =>
              downloadText(
                fileName(record.flow.name, 'json'),
                JSON.stringify(document, null, 2) + '\n',
                'application/json',
              )
            }
          >
            Export sweep JSON
          </button>
        </div>
      </Section>
    </div>
  );
}
