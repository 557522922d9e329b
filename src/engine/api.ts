// The engine's public surface: what the Worker runtime and the CLI program against.
// Types only; the implementation lives beside it. Pure TS: no DOM, no Node, no wall clock.
import type { Flow } from '../model/flow';
import type { FlowProblem } from '../model/validate';

/** Latency statistics in seconds (the CLI's `Stats`). */
export interface Stats {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface NodeReport {
  kind: Flow['nodes'][number]['kind'];
  in: number;
  out: number;
  dropped: number;
  failed: number;
  lost: number;
  deadLettered: number;
  redelivered: number;
  throughput: number;
  utilization: number;
  queueDepth: { mean: number; max: number };
  wait: Stats;
  service: Stats;
  sojourn: Stats;
}

export interface Totals {
  emitted: number;
  completed: number;
  dropped: number;
  lost: number;
  deadLettered: number;
  inFlight: number;
}

/** Exactly the CLI's stdout document (DESIGN.md, "Headless CLI"). */
export interface SimulationReport {
  seed: number;
  duration: number;
  wallMs: number;
  events: number;
  nodes: Record<string, NodeReport>;
  endToEnd: Stats;
  totals: Totals;
}

export interface SimulationOptions {
  seed: number;
  /** Simulated seconds; the run stops there. Infinity for an open-ended interactive run. */
  duration: number;
  /** Simulated seconds excluded from figures. */
  warmup: number;
  /** Simulated seconds between time-series samples (charts); default (duration − warmup) / 300, or 1 s when open-ended. */
  seriesInterval?: number;
}

/**
 * Per-node live figures, one row of NODE_FIELDS.length numbers per node, in `layout.nodeIds` order.
 * Counters and utilization cover the time since warm-up; depth, busy and blocked are values now.
 */
export const NODE_FIELDS = [
  'in',
  'out',
  'dropped',
  'failed',
  'lost',
  'deadLettered',
  'redelivered',
  'depth', // messages waiting now (bus, or a directly fed handler's inbox)
  'capacity', // waiting room: Infinity when unbounded (streams, inboxes); 0 for producers and stores
  'busy', // workers busy now
  'concurrency', // handlers' workers; 0 for other kinds
  'utilization', // since warm-up: mean busy / concurrency
  'blocked', // "block" backpressure now: on a queue, publications waiting for room; on a producer or handler, its copies held at full queues
] as const;
export type NodeField = (typeof NODE_FIELDS)[number];
export const NODE_STRIDE = NODE_FIELDS.length;
export const nodeField = (f: NodeField): number => NODE_FIELDS.indexOf(f);

/** What a snapshot's arrays are indexed by; sent once per (re)build, not with every snapshot. */
export interface SnapshotLayout {
  nodeIds: string[];
  edgeIds: string[];
  /**
   * Event types in order of first appearance: producers' eventType (node order), then handlers'
   * emits, then types named only in edge filters. Dots are coloured by index into this list.
   */
  eventTypes: string[];
}

/**
 * A compact state of the run. All arrays are preallocated by the engine and may be reused
 * by `snapshot(into)` so that the hot path allocates nothing.
 */
export interface Snapshot {
  time: number;
  events: number;
  done: boolean;
  /** nodeIds.length × NODE_STRIDE */
  nodes: Float64Array;
  /**
   * Cumulative copies that entered each edge since time 0 (warm-up included), per event type:
   * edgeIds.length × eventTypes.length, index e × eventTypes.length + t. A copy enters a bus → handler
   * edge when a worker takes it from the bus; other edges when it is sent.
   */
  edgeTransits: Float64Array;
  /** Copies on each edge's wire right now (only edges with latency have any; bus → handler latency is counted as service-side time, not here). */
  edgeInFlight: Float64Array;
  /** End-to-end latency so far: count, mean, p50, p95, p99, max. */
  endToEnd: Float64Array;
  /** emitted, completed, dropped, lost, deadLettered, inFlight: over the whole run, so they balance. */
  totals: Float64Array;
}

export interface Simulation {
  readonly layout: SnapshotLayout;
  readonly now: number;
  readonly events: number;
  readonly done: boolean;
  /**
   * Processes events up to simulated time `t` (inclusive, capped at the duration) or until `maxEvents`;
   * returns events processed. The clock moves to `t` when no event is due before it.
   */
  advanceTo(t: number, maxEvents?: number): number;
  /** Processes at most `n` events; returns how many were processed. */
  step(n: number): number;
  /** Time of the next pending event, or Infinity. */
  nextEventTime(): number;
  /** Fills `into` (no allocation) and returns it; returns a new one when `into` is missing or sized for an older layout. */
  snapshot(into?: Snapshot): Snapshot;
  /** Full figures (the CLI document; `wallMs` is left 0 for the host to fill). */
  report(): SimulationReport;
  /** Start over from time 0, optionally with another seed; applies changes `update` deferred (layout may change). */
  reset(seed?: number): void;
  /**
   * Applies parameter changes that make sense mid-run (producer interarrival, handler concurrency,
   * service, failure rate). Returns the paths of changes that only take effect on reset (e.g.
   * `nodes[3].config.capacity`, `edges`, `nodes`); an invalid flow changes nothing and returns its problem paths.
   */
  update(flow: Flow): string[];
}

export type CreateResult = { ok: true; sim: Simulation } | { ok: false; problems: FlowProblem[] };
