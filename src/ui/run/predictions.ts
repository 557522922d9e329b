// Which handlers have a textbook model, and its parameters: a handler fed by one bus whose only
// sources are producers with exponential interarrivals (Poisson arrivals, summed), with
// exponential service (M/M/c, c = workers of every consumer of that queue) or constant service
// and one worker (M/D/1). Anything else has no closed form here and gets no prediction.
import type { Flow, FlowNode } from '../../model/flow';

export interface QueueModel {
  kind: 'M/M/c' | 'M/D/1';
  /** Arrival rate, events per second. */
  lambda: number;
  /** Mean service time, seconds. */
  service: number;
  servers: number;
  /** Offered load per server. */
  rho: number;
}

const sameDist = (a: FlowNode, b: FlowNode): boolean =>
  a.kind === 'handler' &&
  b.kind === 'handler' &&
  JSON.stringify(a.config.service) === JSON.stringify(b.config.service);

export function predictAll(flow: Flow): Map<string, QueueModel> {
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
  const models = new Map<string, QueueModel>();
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
    const dist = h.config.service;
    // Failures re-enter the queue and change the arrival process: no closed form then.
    if ((h.config.failureRate ?? 0) > 0) continue;
    if (dist.dist === 'exponential') {
      models.set(h.id, {
        kind: 'M/M/c',
        lambda,
        service: dist.mean,
        servers,
        rho: (lambda * dist.mean) / servers,
      });
    } else if (dist.dist === 'constant' && servers === 1) {
      models.set(h.id, { kind: 'M/D/1', lambda, service: dist.value, servers, rho: lambda * dist.value });
    }
  }
  return models;
}

/** Erlang C: probability an arrival waits, for c servers at offered load a = λ·E[S] (< c). */
function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - a / c);
  return last / (sum + last);
}

/** Mean wait in queue (seconds) the model predicts; Infinity when ρ ≥ 1. */
export function predictedWait(m: QueueModel): number {
  if (m.rho >= 1) return Infinity;
  if (m.kind === 'M/D/1') return (m.rho * m.service) / (2 * (1 - m.rho)); // Pollaczek–Khinchine
  const a = m.lambda * m.service;
  return erlangC(m.servers, a) / (m.servers / m.service - m.lambda);
}
