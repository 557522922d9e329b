// Queueing theory for a sweep's point: the figures the dashed lines draw, where a model applies.
// Per handler the predictions are the metrics panel's (run/predictions.ts); end to end, a path's
// mean is the sum along it of each connection's configured latency and each handler's predicted
// wait and mean service. The flow's mean is that sum when every path gives the same, or the paths
// weighted by their producers' rates when no queue splits work between consumers (the split
// between competing consumers is the one thing the models do not say).
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { holdingTime, moments } from '../../model/theory';
import { predictAll, type PredictionOutcome } from '../run/predictions';

/** Paths enumerated at most, as the "where time goes" breakdown does. */
const MAX_PATHS = 500;

/**
 * A handler's predicted utilization (the engine's: time serving over its workers, the network and
 * acknowledgement time that also hold a delivery slot left out). The accepted arrivals keep
 * λ·(1 − blocking)·hold slots busy, at most all of them; this handler has its share of the slots
 * (competing consumers are alike, or there is no model), each serving for service/hold of the time.
 */
export function predictedUtilization(
  p: PredictionOutcome | undefined,
  flow: Flow,
  id: string,
): number | null {
  const h = flow.nodes.find((n) => n.id === id);
  if (!p?.ok || h?.kind !== 'handler') return null;
  const { load, prediction } = p;
  const service = moments(load.service).mean;
  const hold = holdingTime(load).mean;
  const busySlots = Math.min(load.servers, load.arrivalRate * (1 - (prediction.blocking ?? 0)) * hold);
  const c = h.config.concurrency;
  const into = flow.edges.find((e) => e.target === id);
  const slots = Math.min(into?.prefetch ?? c, c);
  return Math.min(1, (busySlots * (slots / load.servers) * (service / hold)) / c);
}

/** The predicted mean end-to-end latency of the flow in seconds, or null where no model applies. */
export function predictedMeanLatency(flow: Flow, predictions = predictAll(flow)): number | null {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const outOf = new Map<string, FlowEdge[]>();
  for (const e of flow.edges) outOf.set(e.source, [...(outOf.get(e.source) ?? []), e]);
  const paths: { total: number; rate: number }[] = [];
  let splits = false;
  let unknown = false;

  const walk = (node: FlowNode, type: string, trail: ReadonlySet<string>, at: number, rate: number): void => {
    if (unknown || paths.length >= MAX_PATHS) return;
    const out = node.kind === 'handler' ? (node.config.emits ?? type) : type;
    const next = (outOf.get(node.id) ?? []).filter(
      (e) =>
        (!e.filter || e.filter.includes(out)) &&
        byId.get(e.target)?.kind !== 'dependency' &&
        !trail.has(e.target),
    );
    if (node.kind === 'queue' && next.length > 1) splits = true;
    if (node.kind === 'store' || next.length === 0) {
      if (trail.size > 1) paths.push({ total: at, rate });
      return;
    }
    for (const e of next) {
      const target = byId.get(e.target)!;
      let hop = e.latency ? moments(e.latency).mean : 0;
      if (target.kind === 'handler') {
        const p = predictions.get(target.id);
        if (!p?.ok || !p.prediction.stable || p.prediction.rho >= 1) {
          unknown = true;
          return;
        }
        hop += p.prediction.meanWait + moments(target.config.service).mean;
      } else if (target.kind === 'stream') {
        unknown = true;
        return;
      }
      walk(target, out, new Set([...trail, target.id]), at + hop, rate);
    }
  };

  for (const p of flow.nodes) {
    if (p.kind !== 'producer') continue;
    // A profile changes the rate over the run: no steady state to predict.
    if (p.config.profile?.length) return null;
    walk(p, p.config.eventType, new Set([p.id]), 0, 1 / moments(p.config.interarrival).mean);
  }
  if (unknown || paths.length === 0 || paths.length >= MAX_PATHS) return null;
  const first = paths[0]!.total;
  if (paths.every((p) => Math.abs(p.total - first) <= 1e-9 * Math.max(1, first))) return first;
  if (splits) return null;
  let sum = 0;
  let weight = 0;
  for (const p of paths) {
    sum += p.total * p.rate;
    weight += p.rate;
  }
  return sum / weight;
}
