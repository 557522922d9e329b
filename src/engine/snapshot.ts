// The snapshot schema, declared once: every figure a snapshot carries, by name, and the size of
// each of its arrays for a layout. The engine fills snapshots, the worker protocol moves their
// arrays, the report and the UI read them — all through these names, never by position.

/** Names → positions, for a row of numbers read by name (`NODE_ROW.at.depth`). */
export interface RowSchema<F extends string> {
  readonly names: readonly F[];
  readonly size: number;
  readonly at: { readonly [K in F]: number };
}

function row<const F extends string>(names: readonly F[]): RowSchema<F> {
  const at = Object.fromEntries(names.map((n, i) => [n, i])) as { [K in F]: number };
  return { names, size: names.length, at };
}

/**
 * Per-node live figures, one row per node in `layout.nodeIds` order. Counters and utilization
 * cover the time since warm-up; depth, busy and blocked are values now.
 */
export const NODE_ROW = row([
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
  'blocked', // "block" backpressure now: on a queue, publications waiting for room; on a producer or handler, its copies blocked at full queues
  'expired', // a bus's messages past their TTL (not dead-lettered), since warm-up
  'duplicates', // a handler's completions of messages another delivery had completed (leases), since warm-up
  'age', // a bus's oldest waiting (or kept) message: its age now, seconds
  'calls', // calls to dependencies a handler's jobs made, or a dependency received (first attempts), since warm-up
  'attempts', // those calls' attempts, retries included, since warm-up
  'timeouts', // attempts their callers stopped waiting for, since warm-up
]);
export type NodeField = (typeof NODE_ROW.names)[number];

/** Latency statistics, in seconds (the CLI's `Stats`). */
export const STATS = row(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
export type Stats = { [K in (typeof STATS.names)[number]]: number };

/** Copies by how they ended, over the whole run (warm-up included) so that they balance. */
export const TOTALS = row(['emitted', 'completed', 'dropped', 'lost', 'deadLettered', 'inFlight', 'expired']);
export type Totals = { [K in (typeof TOTALS.names)[number]]: number };

/** What a snapshot's arrays are indexed by; sent once per (re)build, not with every snapshot. */
export interface SnapshotLayout {
  nodeIds: string[];
  edgeIds: string[];
  /**
   * Event types in order of first appearance: producers' eventType (node order), then handlers'
   * emits, then types named only in edge filters. Dots are coloured by index into this list.
   */
  eventTypes: string[];
  /**
   * Where each node's partitions start in `partitions`: node i's are partitionStart[i] ..
   * partitionStart[i + 1] (streams only; other kinds have none). nodeIds.length + 1 entries.
   */
  partitionStart: number[];
}

/** A snapshot's arrays: moved, not copied, between the worker and the UI. */
export interface SnapshotArrays {
  /** nodeIds.length rows of NODE_ROW. */
  nodes: Float64Array;
  /**
   * Cumulative copies that entered each edge since time 0 (warm-up included), per event type:
   * index e × eventTypes.length + t. A copy enters a bus → handler edge when a worker takes it
   * from the bus; other edges when it is sent.
   */
  edgeTransits: Float64Array;
  /** Copies on each edge's wire right now (only edges with latency have any; bus → handler latency is counted as service-side time, not here). */
  edgeInFlight: Float64Array;
  /** End-to-end latency so far: a row of STATS. */
  endToEnd: Float64Array;
  /** A row of TOTALS. */
  totals: Float64Array;
  /** Messages waiting in each stream partition now, summed over its consumer groups (its lag). */
  partitions: Float64Array;
}
export const SNAPSHOT_ARRAYS = [
  'nodes',
  'edgeTransits',
  'edgeInFlight',
  'endToEnd',
  'totals',
  'partitions',
] as const satisfies readonly (keyof SnapshotArrays)[];

/** A compact state of the run; its arrays are reused between snapshots. */
export interface Snapshot extends SnapshotArrays {
  time: number;
  events: number;
  done: boolean;
}

/** The length of each array for a layout: the one place snapshots are sized. */
export function snapshotSizes(layout: SnapshotLayout): { [K in keyof SnapshotArrays]: number } {
  const E = layout.edgeIds.length;
  return {
    nodes: layout.nodeIds.length * NODE_ROW.size,
    edgeTransits: E * layout.eventTypes.length,
    edgeInFlight: E,
    endToEnd: STATS.size,
    totals: TOTALS.size,
    partitions: layout.partitionStart.at(-1) ?? 0,
  };
}

export function newSnapshotArrays(layout: SnapshotLayout): SnapshotArrays {
  const size = snapshotSizes(layout);
  return {
    nodes: new Float64Array(size.nodes),
    edgeTransits: new Float64Array(size.edgeTransits),
    edgeInFlight: new Float64Array(size.edgeInFlight),
    endToEnd: new Float64Array(size.endToEnd),
    totals: new Float64Array(size.totals),
    partitions: new Float64Array(size.partitions),
  };
}

/** Just the arrays of a snapshot (what crosses the worker boundary). */
export const snapshotArrays = (s: SnapshotArrays): SnapshotArrays => ({
  nodes: s.nodes,
  edgeTransits: s.edgeTransits,
  edgeInFlight: s.edgeInFlight,
  endToEnd: s.endToEnd,
  totals: s.totals,
  partitions: s.partitions,
});

/** True when the arrays are sized for this layout. */
export function fitsLayout(arrays: SnapshotArrays, layout: SnapshotLayout): boolean {
  const size = snapshotSizes(layout);
  return SNAPSHOT_ARRAYS.every((k) => arrays[k].length === size[k]);
}

/** The buffers of a set of arrays, for a transfer list. */
export function snapshotBuffers(arrays: SnapshotArrays): ArrayBuffer[] {
  return SNAPSHOT_ARRAYS.map((k) => arrays[k].buffer as ArrayBuffer);
}

/**
 * A chart sample a fast run takes between snapshots: time, completed and end-to-end percentiles,
 * then the depths of the first SAMPLE_DEPTHS buses in layout order.
 */
export const SAMPLE_ROW = row(['time', 'completed', 'p50', 'p95', 'p99']);
export const SAMPLE_DEPTHS = 6;
export const SAMPLE_STRIDE = SAMPLE_ROW.size + SAMPLE_DEPTHS;
