// Reading figures out of a running engine: the compact Snapshot for the worker (filled in place)
// and the full SimulationReport (the CLI document). Every number is finite: empty figures are 0.
import type { Fault } from '../model/faults';
import type { FaultReport, NodeReport, SimulationReport } from './api';
import { faultFigures } from './faults';
import type { Engine } from './engine';
import { figuresOf } from './kinds';
import { KIND_CODE, KIND_NAME, kindAt } from './kinds/codes';
import { oldestAge } from './kinds/bus';
import * as M from './metrics';
import {
  fitsLayout,
  newSnapshotArrays,
  NODE_ROW,
  STATS,
  TOTALS,
  type Snapshot,
  type SnapshotLayout,
  type Stats,
  type Totals,
} from './snapshot';

const finite = (x: number): number => (Number.isFinite(x) ? x : 0);

export const layoutOf = (engine: Engine): SnapshotLayout => ({
  nodeIds: engine.topo.nodeIds,
  edgeIds: engine.topo.edgeIds,
  eventTypes: engine.topo.eventTypes,
  partitionStart: Array.from(engine.partitionDepths.start),
});

function utilization(engine: Engine, n: number): number {
  const m = engine.metrics;
  m.touch(n, engine.now);
  const elapsed = engine.now - m.since;
  const c = figuresOf(engine.topo, n).workers(engine, n);
  return elapsed > 0 && c > 0 ? m.busyArea[n]! / elapsed / c : 0;
}

/**
 * Fills `into` in place and returns it; when it is missing or sized for another layout (after a
 * rebuilding reset), returns a new snapshot instead: callers use the snapshot returned.
 */
export function fillSnapshot(engine: Engine, into?: Snapshot): Snapshot {
  const layout = layoutOf(engine);
  const snap: Snapshot =
    into && fitsLayout(into, layout)
      ? into
      : { time: 0, events: 0, done: false, ...newSnapshotArrays(layout) };
  const m = engine.metrics;
  const topo = engine.topo;
  snap.time = engine.now;
  snap.events = engine.events;
  snap.done = engine.done;
  const F = NODE_ROW.at;
  const rows = snap.nodes;
  for (let n = 0; n < engine.N; n++) {
    const o = n * NODE_ROW.size;
    const kind = figuresOf(topo, n);
    rows[o + F.in] = m.count(n, M.C_IN);
    rows[o + F.out] = m.count(n, M.C_OUT);
    rows[o + F.dropped] = m.count(n, M.C_DROPPED);
    rows[o + F.failed] = m.count(n, M.C_FAILED);
    rows[o + F.lost] = m.count(n, M.C_LOST);
    rows[o + F.deadLettered] = m.count(n, M.C_DEAD);
    rows[o + F.redelivered] = m.count(n, M.C_REDELIVERED);
    rows[o + F.depth] = m.depth[n]!;
    rows[o + F.capacity] = kind.capacity(engine, n);
    rows[o + F.busy] = m.busy[n]!;
    rows[o + F.concurrency] = kind.workers(engine, n);
    rows[o + F.utilization] = utilization(engine, n);
    rows[o + F.blocked] = m.blocked[n]!;
    rows[o + F.expired] = m.count(n, M.C_EXPIRED);
    rows[o + F.duplicates] = m.count(n, M.C_DUP);
    rows[o + F.age] = isBus(engine, n) ? oldestAge(engine, n) : 0;
    rows[o + F.calls] = m.count(n, M.C_CALLS);
    rows[o + F.attempts] = m.count(n, M.C_ATTEMPTS);
    rows[o + F.timeouts] = m.count(n, M.C_TIMEOUTS);
  }
  snap.edgeTransits.set(engine.transits);
  snap.edgeInFlight.set(engine.inFlight);
  snap.partitions.set(engine.partitionDepths.depth);
  const e2e = stats(engine, m.e2e);
  for (const name of STATS.names) snap.endToEnd[STATS.at[name]] = e2e[name];
  const totals = totalsOf(engine);
  for (const name of TOTALS.names) snap.totals[TOTALS.at[name]] = totals[name];
  return snap;
}

function totalsOf(engine: Engine): Totals {
  const t = engine.metrics.totals;
  const emitted = t[M.T_EMITTED]!;
  const completed = t[M.T_COMPLETED]!;
  const dropped = t[M.T_DROPPED]!;
  const lost = t[M.T_LOST]!;
  const deadLettered = t[M.T_DEAD]!;
  const expired = t[M.T_EXPIRED]!;
  // In flight by the books; `audit()` recounts it from the containers.
  const inFlight = emitted - completed - dropped - lost - deadLettered - expired;
  return { emitted, completed, dropped, lost, deadLettered, inFlight, expired };
}

function stats(engine: Engine, row: number): Stats {
  const h = engine.metrics.hist;
  const [p50, p95, p99] = h.quantiles(row, [0.5, 0.95, 0.99]);
  return {
    count: h.count(row),
    mean: finite(h.mean(row)),
    p50: finite(p50!),
    p95: finite(p95!),
    p99: finite(p99!),
    max: finite(h.max(row)),
  };
}

const isBus = (engine: Engine, n: number): boolean => {
  const k = kindAt(engine.topo, n);
  return k === KIND_CODE.queue || k === KIND_CODE.topic || k === KIND_CODE.stream;
};

function ageOf(engine: Engine, n: number): { mean: number; max: number } {
  if (!isBus(engine, n)) return { mean: 0, max: 0 };
  const m = engine.metrics;
  const now = oldestAge(engine, n);
  return {
    mean: m.ageSamples[n]! > 0 ? m.ageSum[n]! / m.ageSamples[n]! : now,
    max: Math.max(m.ageMax[n]!, now),
  };
}

function partitionsOf(engine: Engine, n: number): { depthMean: number; depthMax: number }[] {
  const d = engine.partitionDepths;
  return Array.from({ length: engine.topo.partitions[n]! }, (_, p) => ({
    depthMean: d.mean(n, p, engine.now),
    depthMax: d.max[d.start[n]! + p]!,
  }));
}

export function buildReport(engine: Engine): SimulationReport {
  const m = engine.metrics;
  const topo = engine.topo;
  const elapsed = engine.now - m.since;
  // No prototype: a node id such as "__proto__" or "constructor" is an ordinary key here. Nodes
  // are listed in the file's order.
  const nodes = Object.create(null) as Record<string, NodeReport>;
  const inFileOrder = [...topo.nodeInFile.keys()].sort((a, b) => topo.nodeInFile[a]! - topo.nodeInFile[b]!);
  for (const n of inFileOrder) {
    const id = topo.nodeIds[n]!;
    const through = m.count(n, figuresOf(topo, n).throughput);
    m.touch(n, engine.now);
    nodes[id] = {
      kind: KIND_NAME[kindAt(topo, n)]!,
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
      expired: m.count(n, M.C_EXPIRED),
      duplicates: m.count(n, M.C_DUP),
      age: ageOf(engine, n),
      calls: m.count(n, M.C_CALLS),
      attempts: m.count(n, M.C_ATTEMPTS),
      timeouts: m.count(n, M.C_TIMEOUTS),
      ...(kindAt(topo, n) === KIND_CODE.stream ? { partitions: partitionsOf(engine, n) } : {}),
    };
  }
  return {
    seed: engine.seed,
    duration: Number.isFinite(engine.duration) ? engine.duration : engine.now,
    wallMs: 0,
    events: engine.events,
    nodes,
    endToEnd: stats(engine, m.e2e),
    totals: totalsOf(engine),
    ...(topo.faults.length > 0 ? { faults: topo.faults.map((f, i) => faultReport(engine, f.fault, i)) } : {}),
  };
}

function faultReport(engine: Engine, fault: Fault, i: number): FaultReport {
  const story = faultFigures(engine, i);
  return {
    target: fault.target,
    kind: fault.kind,
    at: fault.at,
    duration: fault.duration,
    backlogPeak: story.peak,
    drainTime: Number.isNaN(story.drainTime) ? null : story.drainTime,
    lost: story.lost,
    deadLettered: story.deadLettered,
    duplicates: story.duplicates,
  };
}
