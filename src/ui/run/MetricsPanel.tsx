// The "Metrics" region: totals, live charts, where time goes, the per-node table, and export.
// One baseline for what it shows per node and in its totals row: the time since warm-up (what the
// engine's per-node figures and end-to-end percentiles cover, and the badges on the canvas). The
// whole run's balance, warm-up included, is the line under the table.
import { useId } from 'react';
import type { SimulationReport } from '../../engine/api';
import { downloadText } from '../../io/download';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import { formatCount, formatDuration } from '../../model/format';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { Chart } from './Chart';
import { depthChart, latencyChart, throughputChart } from './charts';
import { metricsCsv, metricsJson } from '../../io/metricsExport';
import { OfferedRates } from '../scenarios/OfferedRates';
import { FaultSummary, faultOutcomes } from '../scenarios/FaultSummary';
import { hasTimeline, Timeline } from '../scenarios/Timeline';
import { MetricsTable } from './MetricsTable';
import { BaselineBar } from './BaselineBar';
import { Delta } from './Delta';
import { SloResults } from '../experiment/SloResults';
import { PathBreakdown } from './PathBreakdown';
import { useRun, useRunState } from './runContext';
import { formatClock } from './speeds';

/** The one figure that changes at the clock's pace, in its own component so the panel does not. */
function EventsTotal() {
  const events = useRunState((s) => s.events);
  return <dd data-total="events">{formatCount(events)}</dd>;
}

/** Says which stretch of the run the totals and the table cover. */
function Baseline({ warmup }: { warmup: number }) {
  const time = useRunState((s) => s.time);
  const loaded = useRunState((s) => s.status !== 'empty' && s.status !== 'error');
  let text: string;
  if (warmup <= 0) text = 'Whole run (no warm-up)';
  else if (loaded && time < warmup) text = `Warming up: figures restart at ${formatClock(warmup)}`;
  else text = `Since warm-up (from ${formatClock(warmup)})`;
  return (
    <p className="metrics__baseline" data-testid="baseline">
      {text}
    </p>
  );
}

type Summed = 'out' | 'dropped' | 'lost' | 'deadLettered' | 'expired' | 'duplicates';
const sum = (r: SimulationReport, key: Summed, kind?: string) =>
  Object.values(r.nodes).reduce((s, n) => s + (kind && n.kind !== kind ? 0 : n[key]), 0);

const fileName = (name: string, ext: string): string =>
  `${(name || 'flow').replace(/[^\w.-]+/g, '-').toLowerCase()}-metrics.${ext}`;

interface Props {
  open: boolean;
  onToggle: () => void;
  bodyId?: string;
}

export function MetricsPanel({ open, onToggle, bodyId: givenId }: Props) {
  const report = useRunState((s) => s.report);
  const running = useRunState((s) => s.status === 'running');
  const flow = useAppStore((s) => s.flow);
  const baseline = useAppStore((s) => s.baseline);
  const pin = useAppStore((s) => s.pinBaseline);
  const store = useAppStoreApi();
  const { client, series } = useRun();
  const ownId = useId();
  const bodyId = givenId ?? ownId;
  const warmup = flow.settings?.warmup ?? DEFAULT_SETTINGS.warmup;
  const t = report?.totals;
  const e2e = report?.endToEnd;
  // The run on screen compared with the pinned one; not with itself.
  const base = baseline && report && baseline.report !== report ? baseline.report : null;

  const pinNow = (): void => {
    if (!report || running) return;
    const f = store.getState().flow;
    pin({
      report,
      series: series.copy(),
      flowName: f.name,
      labels: Object.fromEntries(f.nodes.map((n) => [n.id, n.label || n.id])),
    });
  };

  const exportAs = (ext: 'csv' | 'json'): void => {
    if (!report) return;
    const f = store.getState().flow;
    if (ext === 'csv') downloadText(fileName(f.name, 'csv'), metricsCsv(report, f), 'text/csv');
    else
      downloadText(
        fileName(f.name, 'json'),
        metricsJson(report, f, faultOutcomes(report, client.getState().time, series)),
        'application/json',
      );
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
            onClick={onToggle}
          >
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
            Metrics
          </button>
        </h2>
        <div className="metrics__summary">
          <Baseline warmup={warmup} />
          <dl className="metrics__totals" aria-label="Totals">
            <dt title="Engine events processed since time 0">Events</dt>
            <EventsTotal />
            <dt title="Events the producers sent (one copy per connection)">Sent</dt>
            <dd data-total="sent">
              {formatCount(report ? sum(report, 'out', 'producer') : undefined)}
              {base && report && (
                <Delta
                  now={sum(report, 'out', 'producer')}
                  base={sum(base, 'out', 'producer')}
                  kind="count"
                  better="neither"
                />
              )}
            </dd>
            <dt title="Journeys that reached their end (the count behind the percentiles)">Completed</dt>
            <dd data-total="completed">
              {formatCount(e2e?.count)}
              {/* How many journeys end follows how many were sent, which varies by chance: no verdict. */}
              {base && <Delta now={e2e?.count} base={base.endToEnd.count} kind="count" better="neither" />}
            </dd>
            <dt>Dropped</dt>
            <dd data-total="dropped">
              {formatCount(report ? sum(report, 'dropped') : undefined)}
              {base && report && (
                <Delta now={sum(report, 'dropped')} base={sum(base, 'dropped')} kind="count" better="lower" />
              )}
            </dd>
            <dt>Dead-lettered</dt>
            <dd data-total="dead-lettered">
              {formatCount(report ? sum(report, 'deadLettered') : undefined)}
              {base && report && (
                <Delta
                  now={sum(report, 'deadLettered')}
                  base={sum(base, 'deadLettered')}
                  kind="count"
                  better="lower"
                />
              )}
            </dd>
            <dt title="Messages removed past their time to live">Expired</dt>
            <dd data-total="expired">{formatCount(report ? sum(report, 'expired') : undefined)}</dd>
            <dt title="Completions of messages another delivery had completed (a lease ran out): side effects done twice">
              Duplicates
            </dt>
            <dd data-total="duplicates">{formatCount(report ? sum(report, 'duplicates') : undefined)}</dd>
            <dt title="Copies in flight now">In flight</dt>
            <dd data-total="in-flight">{formatCount(t?.inFlight)}</dd>
            <dt>
              <abbr title="End-to-end latency, median">E2E p50</abbr>
            </dt>
            <dd data-total="p50">
              {formatDuration(e2e?.p50)}
              {base && <Delta now={e2e?.p50} base={base.endToEnd.p50} kind="time" better="lower" />}
            </dd>
            <dt>
              <abbr title="End-to-end latency, 95th percentile">p95</abbr>
            </dt>
            <dd data-total="p95">
              {formatDuration(e2e?.p95)}
              {base && <Delta now={e2e?.p95} base={base.endToEnd.p95} kind="time" better="lower" />}
            </dd>
            <dt>
              <abbr title="End-to-end latency, 99th percentile">p99</abbr>
            </dt>
            <dd data-total="p99">
              {formatDuration(e2e?.p99)}
              {base && <Delta now={e2e?.p99} base={base.endToEnd.p99} kind="time" better="lower" />}
            </dd>
          </dl>
        </div>
        <div className="metrics__export">
          {baseline ? (
            <button type="button" className="button" onClick={() => store.getState().clearBaseline()}>
              Clear baseline
            </button>
          ) : (
            <button
              type="button"
              className="button"
              aria-disabled={!report || running}
              title={
                report && !running
                  ? 'Keep this run to compare the next ones with (it stays when you load another flow)'
                  : 'Run the flow (and pause or let it finish) first'
              }
              onClick={pinNow}
            >
              Pin as baseline
            </button>
          )}
          {/* Short labels leave the totals room on one line at 1280 px; the names say it all. */}
          <span className="metrics__export-label" aria-hidden="true">
            Export
          </span>
          <button
            type="button"
            className="button"
            aria-label="Export metrics CSV"
            disabled={!report}
            onClick={() => exportAs('csv')}
          >
            CSV
          </button>
          <button
            type="button"
            className="button"
            aria-label="Export metrics JSON"
            disabled={!report}
            onClick={() => exportAs('json')}
          >
            JSON
          </button>
        </div>
      </header>
      <div id={bodyId} className="metrics__body" hidden={!open}>
        <div className="metrics__notes">
          <BaselineBar />
          <SloResults />
        </div>
        <div className="metrics__charts">
          <Chart spec={throughputChart} />
          <Chart spec={latencyChart} />
          <Chart spec={depthChart} />
          <PathBreakdown report={report} flow={flow} />
        </div>
        {hasTimeline(flow) && <Timeline flow={flow} />}
        {report ? (
          <>
            <FaultSummary report={report} flow={flow} />
            <OfferedRates report={report} flow={flow} />
            <MetricsTable report={report} flow={flow} baseline={base} />
            {t && (
              <p className="metrics__whole-run" data-testid="whole-run">
                Whole run, warm-up included: {formatCount(t.emitted)} copies emitted ={' '}
                {formatCount(t.completed)} completed + {formatCount(t.dropped)} dropped +{' '}
                {formatCount(t.expired)} expired + {formatCount(t.lost)} lost + {formatCount(t.deadLettered)}{' '}
                dead-lettered + {formatCount(t.inFlight)} in flight.
              </p>
            )}
          </>
        ) : (
          <p className="metrics__empty">Press Run to see figures for every node.</p>
        )}
      </div>
    </section>
  );
}
