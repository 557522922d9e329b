// The engine's public surface: what the Worker runtime and the CLI program against.
// Types only; the implementation lives beside it. Pure TS: no DOM, no Node, no wall clock.
import type { Flow } from '../model/flow';
import type { FlowProblem } from '../model/validate';
import type { Snapshot, SnapshotLayout, Stats, Totals } from './snapshot';

export type { Snapshot, SnapshotLayout, Stats, Totals } from './snapshot';

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
  /** Messages past their TTL (buses). */
  expired: number;
  /** Completions of messages already completed by another delivery (handlers, with leases). */
  duplicates: number;
  /** The age of the bus's oldest waiting (or kept) message: mean of samples over time, and the most it reached. */
  age: { mean: number; max: number };
  /** Streams: depth per partition summed over the consumer groups (the lag), time-weighted mean and max. */
  partitions?: { depthMean: number; depthMax: number }[];
}

/** Exactly the CLI's stdout document (docs/cli.md). */
export interface SimulationReport {
  seed: number;
  duration: number;
  wallMs: number;
  events: number;
  nodes: Record<string, NodeReport>;
  endToEnd: Stats;
  totals: Totals;
  /** One per fault of the flow, in its order; absent when the flow has none. */
  faults?: FaultReport[];
}

/** What a fault did (docs/cli.md, "faults"). */
export interface FaultReport {
  target: string;
  kind: string;
  at: number;
  duration: number;
  /** The most messages waiting for the target from the fault's start until it drained. */
  backlogPeak: number;
  /** Seconds from the fault's end until the target's backlog was back to its level before; null if never. */
  drainTime: number | null;
  lost: number;
  deadLettered: number;
  duplicates: number;
}

/** Bounds a run stays within; reaching one halts it (`Simulation.halted`) with the figures so far. */
export interface RunLimits {
  /** Messages held at once (waiting, in service, on the wire, awaiting a retry). */
  maxMessages: number;
}
/** About 250 MB of message tables at most. */
export const DEFAULT_LIMITS: RunLimits = { maxMessages: 5_000_000 };

/** Why a run stopped before its end: a guard, not the flow's own end. */
export interface Halt {
  /** messages: the message limit was reached; stuck: simulated time stopped advancing; deadlock: blocked copies can never move. */
  kind: 'messages' | 'stuck' | 'deadlock';
  /** One paragraph for people, naming the node and what to change. */
  message: string;
  /** The node concerned, as a path into the flow (`nodes[3]`) and by id, when there is one. */
  path?: string;
  nodeId?: string;
  /** Simulated seconds. */
  time: number;
}

export interface SimulationOptions {
  seed: number;
  /** Simulated seconds; the run stops there. Infinity for an open-ended interactive run. */
  duration: number;
  /** Simulated seconds excluded from figures. */
  warmup: number;
  /** Simulated seconds between time-series samples (charts); default (duration − warmup) / 300, or 1 s when open-ended. */
  seriesInterval?: number;
  /** Fast lanes (default on): the same results either way; off is for tests and the bench. */
  lanes?: boolean;
  /** Defaults: DEFAULT_LIMITS. */
  limits?: Partial<RunLimits>;
}

export interface Simulation {
  readonly layout: SnapshotLayout;
  readonly now: number;
  readonly events: number;
  /** At the end, out of events, or halted. */
  readonly done: boolean;
  /** Set when a guard stopped the run (the figures up to then stay readable); null otherwise. */
  readonly halted: Halt | null;
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
