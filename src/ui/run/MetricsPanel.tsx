// The "Metrics" region: totals, live charts, the per-node table, and export.
import { useId, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { Chart } from './Chart';
import { depthChart, latencyChart, throughputChart } from './charts';
import { downloadText } from '../../io/download';
import { metricsCsv, metricsJson } from '../../io/metricsExport';
import { formatCount, formatDuration } from '../../model/format';
import { MetricsTable } from './MetricsTable';
import { useRunState } from './runContext';

/** The one figure that changes at the clock's pace, in its own component so the panel does not. */
function EventsTotal() {
  const events = useRunState((s) => s.events);
  return <dd data-total="events">{formatCount(events)}</dd>;
}

const fileName = (name: string, ext: string): string =>
  `${(name || 'flow').replace(/[^\w.-]+/g, '-').toLowerCase()}-metrics.${ext}`;

export function MetricsPanel() {
  const report = useRunState((s) => s.report);
  const flow = useAppStore((s) => s.flow);
  const store = useAppStoreApi();
  const t = report?.totals;
  // Collapsed, the panel keeps only its totals row so a small screen gives the canvas its room;
  // the charts stay mounted (hidden) so their series keep accumulating.
  const [open, setOpen] = useState(true);
  const bodyId = useId();

  const exportAs = (ext: 'csv' | 'json'): void => {
    if (!report) return;
    const f = store.getState().flow;
    if (ext === 'csv') downloadText(fileName(f.name, 'csv'), metricsCsv(report, f), 'text/csv');
    else downloadText(fileName(f.name, 'json'), metricsJson(report, f), 'application/json');
  };

  return (
    <section aria-label="Metrics" className="metrics">
      <header className="metrics__header">
        <h2>
          <button
            type="button"
            className="metrics__toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen((o) => !o)}
          >
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
            Metrics
          </button>
        </h2>
        <dl className="metrics__totals" aria-label="Totals">
          <dt>Events</dt>
          <EventsTotal />
          <dt>Emitted</dt>
          <dd data-total="emitted">{formatCount(t?.emitted)}</dd>
          <dt>Completed</dt>
          <dd data-total="completed">{formatCount(t?.completed)}</dd>
          <dt>Dropped</dt>
          <dd data-total="dropped">{formatCount(t?.dropped)}</dd>
          <dt>Dead-lettered</dt>
          <dd>{formatCount(t?.deadLettered)}</dd>
          <dt>In flight</dt>
          <dd>{formatCount(t?.inFlight)}</dd>
          <dt>End-to-end p95</dt>
          <dd>{formatDuration(report?.endToEnd.p95)}</dd>
        </dl>
        <div className="metrics__export">
          <button type="button" className="button" disabled={!report} onClick={() => exportAs('csv')}>
            Export metrics CSV
          </button>
          <button type="button" className="button" disabled={!report} onClick={() => exportAs('json')}>
            Export metrics JSON
          </button>
        </div>
      </header>
      <div id={bodyId} hidden={!open}>
        <div className="metrics__charts">
          <Chart spec={throughputChart} />
          <Chart spec={latencyChart} />
          <Chart spec={depthChart} />
        </div>
        {report ? (
          <MetricsTable report={report} flow={flow} />
        ) : (
          <p className="metrics__empty">Press Run to see figures for every node.</p>
        )}
      </div>
    </section>
  );
}
