// The shard document `simulate --shard I/N` prints and `simulate merge` reads: engine/experiment's
// SweepShard plus what merge needs to rebuild the whole sweep's document and to refuse shards
// that do not belong together. The sweep document itself has neither: it is DESIGN.md's.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { RunTimes, SweepShard } from '../engine/experiment';
import type { Flow } from '../model/flow';
import { type Slo, sloSchema } from '../model/slo';

export interface ShardDoc extends SweepShard {
  /**
   * "sha256:…" of the flow and of every point's duration, warm-up and message limit: shards
   * run from different files or with different --duration must not merge into one document.
   */
  fingerprint: string;
  /** The objectives checked on each point's mean (the flow's, then --assert's), when there are any. */
  slos?: Slo[];
}

export function fingerprintOf(flow: Flow, times: readonly RunTimes[], maxMessages?: number): string {
  const text = JSON.stringify({ flow, times, maxMessages: maxMessages ?? null });
  return `sha256:${createHash('sha256').update(text).digest('hex')}`;
}

/** The engine's shard document with the fingerprint and objectives before its (long) list of units. */
export function withRunInfo(shard: SweepShard, fingerprint: string, slos: readonly Slo[]): ShardDoc {
  const { units, ...head } = shard;
  return { ...head, fingerprint, ...(slos.length > 0 ? { slos: [...slos] } : {}), units };
}

const count = z.int().min(0);
const object = z.record(z.string(), z.unknown());

/**
 * A shard document's shape, enough to merge it safely: the reports are checked to be reports
 * (nodes, endToEnd, totals), not figure by figure; every shard of a sweep is checked against the
 * others and against the units it should hold.
 */
export const shardDocSchema = z.object({
  sweep: z.object({ path: z.string(), values: z.array(z.number()).min(1) }),
  replications: z.int().min(1),
  seed: count,
  shard: z.object({ index: z.int().min(1), count: z.int().min(1) }),
  fingerprint: z.string(),
  slos: z.array(sloSchema).optional(),
  units: z.array(
    z.object({
      point: count,
      replication: count,
      seed: count,
      report: z.looseObject({ nodes: object, endToEnd: object, totals: object }),
    }),
  ),
});
