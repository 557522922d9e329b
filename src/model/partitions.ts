// Who reads which partition of a stream: every connection from a stream to a handler is a
// consumer group, and its workers own the partitions round robin — worker i of c owns
// partitions i, i + c, i + 2c, … (engine/kinds/stream.ts). Computed from the flow's
// config, as the engine assigns them, so the Inspector can show ownership before and during a run.
import type { Flow } from './flow';

export interface ConsumerGroup {
  /** The connection that makes the group, and the handler whose workers it has. */
  edgeId: string;
  handlerId: string;
  label: string;
  /** The handler's concurrency: how many workers share the partitions. */
  workers: number;
}

/** The stream's consumer groups, in the order of its connections. */
export function consumerGroups(flow: Flow, streamId: string): ConsumerGroup[] {
  const handlers = new Map(flow.nodes.flatMap((n) => (n.kind === 'handler' ? [[n.id, n] as const] : [])));
  return flow.edges.flatMap((e) => {
    const h = e.source === streamId ? handlers.get(e.target) : undefined;
    return h
      ? [{ edgeId: e.id, handlerId: h.id, label: h.label || h.id, workers: h.config.concurrency }]
      : [];
  });
}

/** The worker (0-based) of a group of `workers` that owns partition p. */
export const partitionOwner = (p: number, workers: number): number => p % workers;

/** The partitions worker w of `workers` owns out of `partitions`: w, w + workers, … */
export function ownedPartitions(w: number, workers: number, partitions: number): number[] {
  const owned: number[] = [];
  for (let p = w; p < partitions; p += workers) owned.push(p);
  return owned;
}

/** The partition with the most lag (the first of equals), or −1 when none has any. */
export function hottestPartition(lags: ArrayLike<number>): number {
  let best = -1;
  for (let p = 0; p < lags.length; p++) if (lags[p]! > 0 && (best < 0 || lags[p]! > lags[best]!)) best = p;
  return best;
}
