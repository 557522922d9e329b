// During and after a run: each profiled producer's offered rate now (base × factor at the
// simulated time) beside the rate it achieved lately (its emissions; a full "block" bus holds it
// back), over the last few simulated seconds. Events per second, so a producer's copies on
// several connections count once.
import { useEffect, useState } from 'react';
import type { SimulationReport } from '../../engine/api';
import type { Flow, NodeOfKind } from '../../model/flow';
import { NODE_ROW } from '../../engine/snapshot';
import { formatRate } from '../../model/format';
import { useRun, useRunState } from '../run/runContext';
import { baseRate, offeredRate } from './profileCurve';
import { RateWindow } from './rateWindow';

type Producer = NodeOfKind<'producer'>;

const isProfiled = (n: Flow['nodes'][number]): n is Producer =>
  n.kind === 'producer' && (n.config.profile?.length ?? 0) > 0;

const fanOut = (flow: Flow, id: string): number =>
  Math.max(1, flow.edges.filter((e) => e.source === id).length);

/** Simulated seconds the achieved rate is measured over (the edges' rates use the same). */
const SPAN = 5;

/**
 * Achieved rates by producer id, from the snapshots' counters and clock (read together, so they
 * match), published to React at the run state's pace, not the snapshots'.
 */
function useAchievedRates(flow: Flow): ReadonlyMap<string, number | undefined> {
  const { client } = useRun();
  const [rates, setRates] = useState<ReadonlyMap<string, number | undefined>>(new Map());
  useEffect(() => {
    const windows = new Map<string, RateWindow>();
    const producers = flow.nodes.filter(isProfiled);
    const offSnapshot = client.onSnapshot((h) => {
      if (!h.snapshot || !h.layout) return;
      const { time, buffers } = h.snapshot;
      for (const p of producers) {
        const row = h.layout.nodeIds.indexOf(p.id);
        if (row < 0) continue;
        let w = windows.get(p.id);
        if (!w) windows.set(p.id, (w = new RateWindow(SPAN)));
        w.add(time, buffers.nodes[row * NODE_ROW.size + NODE_ROW.at.out]! / fanOut(flow, p.id));
      }
    });
    const offState = client.subscribe(() =>
      setRates(new Map(producers.map((p) => [p.id, windows.get(p.id)?.rate()]))),
    );
    return () => {
      offSnapshot();
      offState();
    };
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
