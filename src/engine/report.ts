// Reading figures out of a running engine: the compact Snapshot for the worker (filled in place)
// and the full SimulationReport (the CLI document). Every number is finite: empty figures are 0.
import {
  NODE_STRIDE,
  nodeField,
  type NodeReport,
  type SimulationReport,
  type Snapshot,
  type Stats,
} from './api';
import type { Engine } from './engine';
import * as M from './metrics';
import { K_HANDLER, K_PRODUCER, K_STORE } from './topology';
import { KINDS } from '../model/flow';

const KIND_NAMES = [KINDS[0], KINDS[1], KINDS[2], KINDS[3], KINDS[4], KINDS[5]] as const;
const F_IN = nodeField('in');
const F_OUT = nodeField('out');
const F_DROPPED = nodeField('dropped');
const F_FAILED = nodeField('failed');
const F_LOST = nodeField('lost');
const F_DEAD = nodeField('deadLettered');
const F_REDELIVERED = nodeField('redelivered');
const F_DEPTH = nodeField('depth');
const F_CAPACITY = nodeField('capacity');
const F_BUSY = nodeField('busy');
const F_CONCURRENCY = nodeField('concurrency');
const F_UTILIZATION = nodeField('utilization');
const F_BLOCKED = nodeField('blocked');

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);

export function newSnapshot(engine: Engine): Snapshot {
  const N = engine.t.nodeIds.length;
  const E = engine.t.edgeIds.length;
  return {
    time: 0,
    events: 0,
    done: false,
    nodes: new Float64Array(N * NODE_STRIDE),
    edgeTransits: new Float64Array(E * engine.t.eventTypes.length),
    edgeInFlight: new Float64Array(E),
    endToEnd: new Float64Array(6),
    totals: new Float64Array(6),
  };
}

function utilization(engine: Engine, n: number): number {
  const m = engine.metrics;
  m.touch(n, engine.now);
  const elapsed = engine.now - m.since;
  const c = engine.concurrency[n]!;
  return elapsed > 0 && c > 0 ? m.busyArea[n]! / elapsed / c : 0;
}

function capacityOf(engine: Engine, n: number): number {
  const k = engine.t.kind[n]!;
  if (k === K_PRODUCER || k === K_STORE) return 0;
  return engine.t.capacity[n]!;
}

/** Fills `snap` in place; a snapshot sized for another layout (after a rebuilding reset) is replaced. */
export function fillSnapshot(engine: Engine, into: Snapshot): Snapshot {
  const m = engine.metrics;
  const N = engine.t.nodeIds.length;
  const fits =
    into.nodes.length === N * NODE_STRIDE &&
    into.edgeTransits.length === engine.transits.length &&
    into.edgeInFlight.length === engine.inFlight.length;
  const snap = fits ? into : newSnapshot(engine);
  snap.time = engine.now;
  snap.events = engine.events;
  snap.done = engine.done;
  for (let n = 0; n < N; n++) {
    const o = n * NODE_STRIDE;
    const row = snap.nodes;
    row[o + F_IN] = m.count(n, M.C_IN);
    row[o + F_OUT] = m.count(n, M.C_OUT);
    row[o + F_DROPPED] = m.count(n, M.C_DROPPED);
    row[o + F_FAILED] = m.count(n, M.C_FAILED);
    row[o + F_LOST] = m.count(n, M.C_LOST);
    row[o + F_DEAD] = m.count(n, M.C_DEAD);
    row[o + F_REDELIVERED] = m.count(n, M.C_REDELIVERED);
    row[o + F_DEPTH] = m.depth[n]!;
    row[o + F_CAPACITY] = capacityOf(engine, n);
    row[o + F_BUSY] = m.busy[n]!;
    row[o + F_CONCURRENCY] = engine.t.kind[n] === K_HANDLER ? engine.concurrency[n]! : 0;
    row[o + F_UTILIZATION] = utilization(engine, n);
    row[o + F_BLOCKED] = m.blocked[n]!;
  }
  snap.edgeTransits.set(engine.transits);
  snap.edgeInFlight.set(engine.inFlight);
  const h = m.hist;
  const e = m.e2e;
  const x = snap.endToEnd;
  x[0] = h.count(e);
  x[1] = h.mean(e);
  x[2] = h.quantile(e, 0.5);
  x[3] = h.quantile(e, 0.95);
  x[4] = h.quantile(e, 0.99);
  x[5] = h.max(e);
  fillTotals(engine, snap.totals);
  return snap;
}

function fillTotals(engine: Engine, out: Float64Array): void {
  const t = engine.metrics.totals;
  out[0] = t[M.T_EMITTED]!;
  out[1] = t[M.T_COMPLETED]!;
  out[2] = t[M.T_DROPPED]!;
  out[3] = t[M.T_LOST]!;
  out[4] = t[M.T_DEAD]!;
  // In flight by the books; `audit()` recounts it from the containers.
  out[5] = out[0]! - out[1]! - out[2]! - out[3]! - out[4]!;
}

function stats(engine: Engine, row: number): Stats {
  const h = engine.metrics.hist;
  return {
    count: h.count(row),
    mean: finite(h.mean(row)),
    p50: finite(h.quantile(row, 0.5)),
    p95: finite(h.quantile(row, 0.95)),
    p99: finite(h.quantile(row, 0.99)),
    max: finite(h.max(row)),
  };
}

export function buildReport(engine: Engine): SimulationReport {
  const m = engine.metrics;
  const t = engine.t;
  const elapsed = engine.now - m.since;
  const nodes: Record<string, NodeReport> = {};
  t.nodeIds.forEach((id, n) => {
    const kind = t.kind[n]!;
    // Throughput: a handler's completions, a producer's emissions, a bus's or store's receipts, per second.
    const through =
      kind === K_HANDLER
        ? m.count(n, M.C_DONE)
        : kind === K_PRODUCER
          ? m.count(n, M.C_OUT)
          : m.count(n, M.C_IN);
    m.touch(n, engine.now);
    nodes[id] = {
      kind: KIND_NAMES[kind]!,
      in: m.count(n, M.C_IN),
      out: m.count(n, M.C_OUT),
      dropped: m.count(n, M.C_DROPPED),
      failed: m.count(n, M.C_FAILED),
      lost: m.count(n, M.C_LOST),
      deadLettered: m.count(n, M.C_DEAD),
      redelivered: m.count(n, M.C_REDELIVERED),
      throughput: elapsed > 0 ? through / elapsed : 0,
      utilization: finite(utilization(engine, n)),
      queueDepth: { mean: elapsed > 0 ? m.depthArea[n]! / elapsed : 0, max: m.depthMax[n]! },
      wait: stats(engine, n * 3),
      service: stats(engine, n * 3 + 1),
      sojourn: stats(engine, n * 3 + 2),
    };
  });
  const totals = new Float64Array(6);
  fillTotals(engine, totals);
  return {
    seed: engine.seed,
    duration: Number.isFinite(engine.duration) ? engine.duration : engine.now,
    wallMs: 0,
    events: engine.events,
    nodes,
    endToEnd: stats(engine, m.e2e),
    totals: {
      emitted: totals[0]!,
      completed: totals[1]!,
      dropped: totals[2]!,
      lost: totals[3]!,
      deadLettered: totals[4]!,
      inFlight: totals[5]!,
    },
  };
}
