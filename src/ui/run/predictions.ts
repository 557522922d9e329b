// Which handlers have a queueing model, and why the others have none. A handler has one when its
// arrivals are Poisson and nothing else shapes them: it consumes one queue or topic subscription
// (or only direct edges, its own unbounded inbox) fed only by producers with exponential
// interarrival times, its queue's consumers are alike, and failures are not redelivered into the
// queue. Exponential service gives M/M/c (M/M/c/K behind a bounded queue), any other service
// M/G/1 (Pollaczek–Khinchine, exact) or M/G/c (Allen–Cunneen, an approximation). A bus → handler
// edge is a delivery window (Flow JSON v2): with prefetch ≤ concurrency each window slot is a
// server the bus sees held for latency + service + acknowledgement latency. Formulas:
// model/theory.ts. A handler that calls a dependency has none: its service is not what it configures.
// Every other handler gets the reason in words instead of a misleading figure.
import { deadLetterOf } from '../../model/deadLetter';
import { FIELD_DEFAULTS } from '../../model/defaults';
import type { Dist } from '../../model/dist';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { type HandlerLoad, predictHandler, type Prediction } from '../../model/theory';

export interface QueuePrediction {
  load: HandlerLoad;
  prediction: Prediction;
  /** Waiting room in front of the workers is unbounded: ρ ≥ 1 means the backlog grows forever. */
  unbounded: boolean;
  /** Why the figure is approximate beyond the model itself (e.g. a bound treated as none). */
  note?: string;
}

export type PredictionOutcome = ({ ok: true } & QueuePrediction) | { ok: false; reason: string };

const no = (reason: string): PredictionOutcome => ({ ok: false, reason });
const name = (n: FlowNode) => `“${n.label || n.id}”`;
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function append<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

/** A prediction or its absence, with the reason, for every handler of the flow. */
export function predictAll(flow: Flow): Map<string, PredictionOutcome> {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const into = new Map<string, FlowEdge[]>();
  const outOf = new Map<string, FlowEdge[]>();
  for (const e of flow.edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    // Appended in place: copying the list for each edge made a big fan-in quadratic.
    append(into, e.target, e);
    append(outOf, e.source, e);
  }
  const deadLettersInto = new Map<string, FlowNode>();
  for (const n of flow.nodes) {
    const target = deadLetterOf(n);
    if (target !== undefined) deadLettersInto.set(target, n);
  }
  const ctx: Ctx = { byId, into, outOf, deadLettersInto };
  const out = new Map<string, PredictionOutcome>();
  for (const h of flow.nodes) if (h.kind === 'handler') out.set(h.id, predictOne(h, ctx));
  return out;
}

interface Ctx {
  byId: Map<string, FlowNode>;
  into: Map<string, FlowEdge[]>;
  outOf: Map<string, FlowEdge[]>;
  deadLettersInto: Map<string, FlowNode>;
}

type Handler = Extract<FlowNode, { kind: 'handler' }>;

function predictOne(h: Handler, ctx: Ctx): PredictionOutcome {
  const edges = ctx.into.get(h.id) ?? [];
  if (!edges.length) return no('nothing feeds it');
  const called = (ctx.outOf.get(h.id) ?? [])
    .map((e) => ctx.byId.get(e.target)!)
    .find((n) => n.kind === 'dependency');
  if (called) {
    return no(
      `it calls ${name(called)} during each job: waiting for a slot, timeouts and retries lengthen its service beyond the configured time`,
    );
  }
  if (h.config.failsOn?.length)
    return no('it cannot process some event types (failsOn): its failures follow the traffic, not a rate');
  if (edges.some((e) => e.filter)) return no('an edge into it filters event types');
  const feeders = edges.map((e) => ctx.byId.get(e.source)!);
  const stream = feeders.find((f) => f.kind === 'stream');
  if (stream) {
    return no(
      `it reads the stream ${name(stream)}: each partition is served in order, which no textbook model covers`,
    );
  }
  const buses = feeders.filter((f) => f.kind === 'queue' || f.kind === 'topic');
  if (buses.length > 1 || (buses.length === 1 && feeders.length > 1)) {
    return no('it takes work from more than one source');
  }
  const bus = buses[0];
  if (!bus) {
    // Only direct edges: the handler's own unbounded inbox. Latency before the inbox does not
    // change a Poisson stream (independent delays of a Poisson process leave it Poisson).
    const arrivals = poissonRate(edges, ctx);
    if (typeof arrivals === 'string') return no(arrivals);
    return finish(
      h,
      { arrivalRate: arrivals, servers: h.config.concurrency, service: h.config.service },
      true,
    );
  }
  const dead = ctx.deadLettersInto.get(bus.id);
  if (dead) return no(`${name(bus)} also receives dead letters from ${name(dead)}`);
  const arrivals = poissonRate(ctx.into.get(bus.id) ?? [], ctx);
  if (typeof arrivals === 'string') return no(arrivals);
  const link = edges[0]!;
  const busRule = brokerRule(bus);
  if (busRule) return no(busRule);
  const slots = windowSlots(h, link);
  if (typeof slots === 'string') return no(slots);

  let servers = slots;
  let capacity = Infinity;
  const failing = (h.config.failureRate ?? 0) > 0;
  const redelivers = (bus.config.delivery ?? FIELD_DEFAULTS.delivery) === 'at-least-once';
  if (bus.kind === 'topic') {
    // Each subscription is its own FIFO (drop-newest when full) with this handler alone on it.
    if (failing && redelivers)
      return no(`failed messages go back into ${name(bus)}, which adds to its arrivals`);
    capacity = bus.config.capacity ?? Infinity;
  } else if (bus.kind === 'queue') {
    const consumers = ctx.outOf.get(bus.id) ?? [];
    servers = 0;
    for (const e of consumers) {
      const c = ctx.byId.get(e.target)!;
      if (
        c.kind !== 'handler' ||
        e.filter ||
        (ctx.into.get(c.id)?.length ?? 0) !== 1 ||
        !sameJson(c.config.service, h.config.service) ||
        !sameJson(e.latency, link.latency) ||
        !sameJson(e.ackLatency, link.ackLatency)
      ) {
        return no(`the consumers of ${name(bus)} differ (service time, network time or other inputs)`);
      }
      const theirs = windowSlots(c, e);
      if (typeof theirs === 'string') return no(theirs);
      servers += theirs;
      if ((c.config.failureRate ?? 0) > 0 && redelivers) {
        return no(`failed messages go back into ${name(bus)}, which adds to its arrivals`);
      }
    }
    capacity = bus.config.capacity ?? Infinity;
    const overflow = bus.config.overflow ?? FIELD_DEFAULTS.overflow;
    if (Number.isFinite(capacity) && overflow === 'block') {
      return no(`${name(bus)} holds its publishers back when full (“block”), which no loss model covers`);
    }
    if (Number.isFinite(capacity) && overflow === 'drop-oldest') {
      return no(`${name(bus)} drops its oldest messages when full; the bounded model drops arrivals`);
    }
  }
  const roundTrip = [link.latency, link.ackLatency].filter((d): d is Dist => d !== undefined);
  const load: HandlerLoad = {
    arrivalRate: arrivals,
    servers,
    service: h.config.service,
    capacity,
    ...(roundTrip.length ? { roundTrip } : {}),
  };
  if (Number.isFinite(capacity) && (h.config.service.dist !== 'exponential' || roundTrip.length)) {
    // No closed form with a bound; but a bound the backlog practically never reaches (ρ^K below
    // one in a million, the M/M/c tail) changes nothing: use the unbounded model, marked approximate.
    const open = finish(h, { ...load, capacity: Infinity }, false);
    if (open.ok && open.prediction.rho < 1 && open.prediction.rho ** capacity < 1e-6) {
      const rho = open.prediction.rho.toFixed(2);
      return {
        ...open,
        prediction: { ...open.prediction, exact: false },
        note: `treats the capacity of ${capacity.toLocaleString('en-US')} as unbounded: at ρ = ${rho} it is practically never reached`,
      };
    }
    return no(
      'no closed form for a bounded queue unless service is exponential (and the edge has no latency or acknowledgement latency)',
    );
  }
  return finish(h, load, !Number.isFinite(capacity));
}

/** Why a bus's version 2 delivery rules leave no textbook model, or null. */
function brokerRule(bus: Extract<FlowNode, { kind: 'queue' | 'topic' }>): string | null {
  const c = bus.config;
  if (c.ttl)
    return `messages expire from ${name(bus)} (ttl): waiting customers leave, which M/G/c leaves out`;
  if (c.lease !== undefined) {
    return `${name(bus)} redelivers messages whose lease runs out, which adds to its arrivals`;
  }
  if (bus.kind === 'queue' && bus.config.orderBy === 'key') {
    return `${name(bus)} delivers one message per key at a time, which no textbook model covers`;
  }
  return null;
}

/**
 * Servers a handler is to its bus: with a delivery window of `prefetch` (default: concurrency)
 * and no more than the workers, each slot is a server held for the round trip plus the service.
 * A wider window with network time pipelines deliveries: no closed form.
 */
function windowSlots(h: Handler, e: FlowEdge): number | string {
  const c = h.config.concurrency;
  const window = e.prefetch ?? c;
  if (window <= c) return window;
  if (!e.latency && !e.ackLatency) return c;
  return `its prefetch of ${window} is above its ${c} worker(s) with network time on the edge: deliveries overlap service, which no textbook model covers`;
}

function finish(h: Handler, load: HandlerLoad, unbounded: boolean): PredictionOutcome {
  const prediction = predictHandler(load);
  if (!prediction) return no(`no closed form for ${name(h)}`);
  return { ok: true, load, prediction, unbounded };
}

/**
 * Total Poisson arrival rate over these edges, or why the arrivals are not Poisson. A filter on a
 * producer's edge passes all of its events or none (a producer emits one type).
 */
function poissonRate(edges: readonly FlowEdge[], ctx: Ctx): number | string {
  if (!edges.length) return 'nothing feeds it';
  let rate = 0;
  for (const e of edges) {
    const p = ctx.byId.get(e.source)!;
    if (p.kind !== 'producer') {
      return `${p.kind} ${name(p)} feeds it, and what a ${p.kind} sends on is not a Poisson stream`;
    }
    if (e.filter && !e.filter.includes(p.config.eventType)) continue;
    const d: Dist = p.config.interarrival;
    if (d.dist !== 'exponential') return `${name(p)} sends at ${d.dist} intervals, not Poisson arrivals`;
    if (p.config.count !== undefined)
      return `${name(p)} stops after ${p.config.count} events: no steady state`;
    rate += 1 / d.mean;
  }
  return rate > 0 ? rate : 'no events reach it (edge filters)';
}
