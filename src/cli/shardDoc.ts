// The shape of a shard document (engine/experiment's SweepShard) as `simulate merge` reads it
// from a file: enough to merge it safely. The reports are checked to be reports (nodes,
// endToEnd, totals), not figure by figure; whether the shards belong together, and whether each
// holds exactly its runs, is the engine's mergeShards' to say.
import { z } from 'zod';
import { sloSchema } from '../model/slo';

const count = z.int().min(0);
const object = z.record(z.string(), z.unknown());

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
