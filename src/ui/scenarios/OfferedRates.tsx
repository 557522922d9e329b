// During and after a run: each profiled producer's offered rate now (base × factor at the
// simulated time) beside the rate it achieved lately (its emissions; a full "block" bus holds it
// back). Events per second, so a producer's copies on several connections count once.
import { useEffect, useState } from 'react';
import type { SimulationReport } from '../../engine/api';
import type { Flow, NodeOfKind } from '../../model/flow';
import { formatRate } from '../../model/format';
import { useRun, useRunState } from '../run/runContext';
import { baseRate, offeredRate } from './profileCurve';
import { RateWindow } from './rateWindow';

type Producer = NodeOfKind<'producer'>;

const isProfiled = (n: Flow['nodes'][number]): n is Producer =>
  n.kind === 'producer' && (n.config.profile?.length ?? 0) > 0;

const fanOut = (flow: Flow, id: string): number =>
  Math.max(1, flow.edges.filter((e) => e.source === id).length);

/** A producer's emitted events in a report (its copies over its connections). */
const emitted = (report: SimulationReport, flow: Flow, id: string): number =>
  (report.nodes[id]?.out ?? 0) / fanOut(flow, id);

/** Achieved rates over the last few reports, by producer id; fed by the run client, not by renders. */
function useAchievedRates(flow: Flow): ReadonlyMap<string, number | undefined> {
  const { client } = useRun();
  const [rates, setRates] = useState<ReadonlyMap<string, number | undefined>>(new Map());
  useEffect(() => {
    const windows = new Map<string, RateWindow>();
    let last: SimulationReport | null = client.getState().report;
    return client.subscribe(() => {
      const { report, time } = client.getState();
      if (!report || report === last) return;
      last = report;
      const next = new Map<string, number | undefined>();
      for (const p of flow.nodes.filter(isProfiled)) {
        let w = windows.get(p.id);
        if (!w) windows.set(p.id, (w = new RateWindow()));
        w.add(time, emitted(report, flow, p.id));
        next.set(p.id, w.rate());
      }
      setRates(next);
    });
  }, [client, flow]);
  return rates;
}

export function OfferedRates({ report, flow }: { report: SimulationReport; flow: Flow }) {
  const time = useRunState((s) => s.time);
  const achieved = useAchievedRates(flow);
  const producers = flow.nodes.filter(isProfiled);
  if (!producers.length) return null;
  return (
    <dl className="offered" role="group" aria-label="Offered and achieved rates">
      {producers.map((p) => {
        const offered = offeredRate(p.config.profile, baseRate(p.config.interarrival), time);
        // Before two reports (a panel opened after the run), the mean since warm-up stands in.
        const lately = achieved.get(p.id) ?? (report.nodes[p.id]?.throughput ?? 0) / fanOut(flow, p.id);
        return (
          <div key={p.id} className="offered__item" data-producer={p.id}>
            <dt>{p.label || p.id}</dt>
            <dd>
              offered now <b data-rate="offered">{formatRate(offered)}</b> · achieved{' '}
              <b data-rate="achieved">{formatRate(lately)}</b>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
