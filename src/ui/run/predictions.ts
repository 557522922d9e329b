// Which handlers have a textbook model: a handler fed by one bus whose only sources are producers
// with exponential interarrivals (Poisson arrivals, summed), with exponential service (M/M/c,
// c = workers of every consumer of that queue; M/M/c/K behind a bounded queue) or constant service
// and one worker (M/D/1). The formulas are the engine's (model/theory.ts); anything else gets
// no prediction rather than a misleading one.
import type { Flow, FlowNode } from '../../model/flow';
import { predictHandler, type HandlerLoad, type Prediction } from '../../model/theory';

export interface QueuePrediction {
  load: HandlerLoad;
  prediction: Prediction;
  /** Waiting room in front of the workers is unbounded: ρ ≥ 1 means the backlog grows forever. */
  unbounded: boolean;
}

const sameDist = (a: FlowNode, b: FlowNode): boolean =>
  a.kind === 'handler' &&
  b.kind === 'handler' &&
  JSON.stringify(a.config.service) === JSON.stringify(b.config.service);

export function predictAll(flow: Flow): Map<string, QueuePrediction> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const into = new Map<string, FlowNode[]>();
  const outOf = new Map<string, FlowNode[]>();
  for (const e of flow.edges) {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t || e.filter) continue;
    into.set(t.id, [...(into.get(t.id) ?? []), s]);
    outOf.set(s.id, [...(outOf.get(s.id) ?? []), t]);
  }
  const models = new Map<string, QueuePrediction>();
  for (const h of flow.nodes) {
    if (h.kind !== 'handler') continue;
    const feeds = into.get(h.id) ?? [];
    const bus = feeds[0];
    if (feeds.length !== 1 || !bus || (bus.kind !== 'queue' && bus.kind !== 'topic')) continue;
    const sources = into.get(bus.id) ?? [];
    let lambda = 0;
    let poisson = sources.length > 0;
    for (const p of sources) {
      if (p.kind !== 'producer' || p.config.interarrival.dist !== 'exponential') poisson = false;
      else lambda += 1 / p.config.interarrival.mean;
    }
    if (!poisson) continue;
    // Queue consumers compete for one FIFO (all must look alike); a topic subscription is its own.
    const consumers = bus.kind === 'queue' ? (outOf.get(bus.id) ?? []) : [h];
    if (!consumers.every((c) => sameDist(c, h) && (into.get(c.id)?.length ?? 0) === 1)) continue;
    const servers = consumers.reduce((sum, c) => sum + (c.kind === 'handler' ? c.config.concurrency : 0), 0);
    // Failures re-enter the queue and change the arrival process: no closed form then.
    if ((h.config.failureRate ?? 0) > 0) continue;
    const service = h.config.service;
    const capacity =
      bus.kind === 'queue' || bus.kind === 'topic' ? (bus.config.capacity ?? Infinity) : Infinity;
    const unbounded = !Number.isFinite(capacity);
    const textbook =
      service.dist === 'exponential' || (service.dist === 'constant' && servers === 1 && unbounded);
    if (!textbook) continue;
    const load: HandlerLoad = { arrivalRate: lambda, servers, service, capacity };
    const prediction = predictHandler(load);
    if (prediction) models.set(h.id, { load, prediction, unbounded });
  }
  return models;
}
