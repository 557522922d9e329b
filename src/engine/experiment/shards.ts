// A sweep cut into shards (one per machine of a batch runner) and put back together. A shard
// carries what merging needs to refuse parts that do not belong together, whatever host merges
// them: the sweep's identity (path, values, replications, seed, objectives), a fingerprint of
// the flow as run, and its units, which must be exactly the shard's share of the sweep.
import { DEFAULT_LIMITS, type RunLimits, type SimulationReport } from '../api';
import type { Flow } from '../../model/flow';
import type { Slo } from '../../model/slo';
import { byUnit, sweepDocument, unitsOf } from './run';
import { sha256Hex } from './sha256';
import type { SweepDocument, SweepShard, SweepSpec, SweepUnit } from './types';
import { runTimesOf } from './unit';

/**
 * "sha256:…" of the flow as its runs see it (its settings with the run length and warm-up
 * resolved, so that a default and the same value written out agree) and of the run limits:
 * shards of different flows, run lengths or limits must not merge into one document.
 */
export function sweepFingerprint(flow: Flow, limits: Partial<RunLimits> = {}): string {
  const settings = { ...flow.settings, ...runTimesOf(flow) };
  const text = JSON.stringify({ flow: { ...flow, settings }, limits: { ...DEFAULT_LIMITS, ...limits } });
  return `sha256:${sha256Hex(text)}`;
}

/** What a shard is of: the same for every shard of a sweep. */
export interface ShardOf {
  spec: SweepSpec;
  replications: number;
  seed: number;
  /** sweepFingerprint of the sweep's flow and limits. */
  fingerprint: string;
  /** The objectives checked on each point's mean (none: the document has no `slos`). */
  slos: readonly Slo[];
}

/** A shard's document: what it is of, then its units with their reports, in unit order. */
export function shardDocument(
  of: ShardOf,
  shard: { index: number; count: number },
  results: readonly { unit: SweepUnit; report: SimulationReport }[],
): SweepShard {
  return {
    sweep: of.spec,
    replications: of.replications,
    seed: of.seed,
    shard,
    fingerprint: of.fingerprint,
    ...(of.slos.length > 0 ? { slos: [...of.slos] } : {}),
    units: [...results].sort(byUnit).map(({ unit, report }) => ({ ...unit, report })),
  };
}

/** What shards of one sweep share, each said as a refusal would say it. */
const SAME: readonly [string, (s: SweepShard) => unknown][] = [
  ['the swept path or values', (s) => s.sweep],
  ['the replications', (s) => s.replications],
  ['the seed', (s) => s.seed],
  ['the number of shards', (s) => s.shard.count],
  ['the flow or how its runs are made (duration, warm-up, message limit)', (s) => s.fingerprint],
  ['the objectives', (s) => s.slos ?? []],
];

/**
 * Shards of one sweep (any order) back into the document the whole sweep gives, bit for bit.
 * Refuses, naming the part (by `names`, else by its place in the list: "part 2") and what is
 * wrong: parts of different sweeps, a shard past the last, a shard given twice, missing shards,
 * and a part that does not hold exactly its shard's runs (a gap or a duplicate would skew a mean).
 */
export function mergeShards(
  parts: readonly SweepShard[],
  names: readonly string[] = [],
): { ok: true; document: SweepDocument } | { ok: false; message: string } {
  const refuse = (message: string) => ({ ok: false as const, message });
  const name = (i: number) => names[i] ?? `part ${i + 1}`;
  const [first] = parts;
  if (!first) return refuse('no shards to merge');
  for (const [i, p] of parts.entries())
    for (const [what, of] of SAME)
      if (JSON.stringify(of(p)) !== JSON.stringify(of(first)))
        return refuse(`${name(i)} and ${name(0)} are shards of different sweeps: they differ in ${what}`);

  const { count } = first.shard;
  const byIndex = new Map<number, number>();
  for (const [i, p] of parts.entries()) {
    const { index } = p.shard;
    if (!Number.isInteger(index) || index < 1 || index > count)
      return refuse(
        `${name(i)} says it is shard ${index}/${count}: a sweep in ${count} shards has 1/${count} to ${count}/${count}`,
      );
    const twice = byIndex.get(index);
    if (twice !== undefined) return refuse(`${name(twice)} and ${name(i)} are both shard ${index}/${count}`);
    byIndex.set(index, i);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    return refuse(
      `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (every shard of the sweep is needed)`,
    );

  const { sweep, replications, seed } = first;
  for (const [i, p] of parts.entries()) {
    const want = unitsOf(sweep.values.length, replications, seed, p.shard);
    const got = p.units;
    const same =
      got.length === want.length &&
      got.every(
        (u, k) =>
          u.point === want[k]!.point && u.replication === want[k]!.replication && u.seed === want[k]!.seed,
      );
    if (!same)
      return refuse(
        `${name(i)} does not hold the runs shard ${p.shard.index}/${count} should (${want.length} in unit order; it holds ${got.length}): cut short or edited?`,
      );
  }
  const results = parts.flatMap((p) => p.units.map(({ report, ...unit }) => ({ unit, report })));
  return { ok: true, document: sweepDocument(sweep, replications, seed, results, first.slos ?? []) };
}
