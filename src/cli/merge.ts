// `simulate merge PART.json…`: the shards of one sweep (any order) back into the document the
// unsharded sweep prints, bit for bit. Parts that are not shards of one sweep are refused, saying
// which file differs in what, which shard is given twice, which are missing, and which file does
// not hold the runs its shard should.
import { mergeShards, unitsOf } from '../engine/experiment';
import { EXIT } from './args';
import { HELP } from './help';
import { type CliIo, type CliResult, failure } from './io';
import { type ShardDoc, shardDocSchema } from './shardDoc';
import { safeJson, safeText } from './terminal';

/** A shard holds full reports (a few KB each): more than a flow file, less than V8's longest string. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

const MERGE_USAGE = 'usage: npm run -s simulate -- merge PART.json… (the files --shard I/N printed)';

interface Part {
  /** The file's name, escaped for the terminal. */
  name: string;
  doc: ShardDoc;
}

export function runMerge(argv: readonly string[], io: CliIo): CliResult {
  if (argv.includes('--help') || argv.includes('-h')) return { code: EXIT.ok, stdout: HELP, stderr: '' };
  const option = argv.find((a) => a.startsWith('-') && a !== '-');
  if (option !== undefined)
    return failure(`${safeText(`merge: unknown option "${option}"`)}\n${MERGE_USAGE}`, EXIT.usage);
  if (argv.length === 0) return failure(`merge: no shard files\n${MERGE_USAGE}`, EXIT.usage);

  const parts: Part[] = [];
  for (const file of argv) {
    const name = safeText(file, 200);
    let text: string;
    try {
      text = io.readFile(file, MAX_PART_BYTES);
    } catch (err) {
      return failure(
        `merge: cannot read ${name}: ${safeText(err instanceof Error ? err.message : String(err))}`,
        EXIT.usage,
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      return failure(`merge: ${name} is not JSON (${safeText((err as Error).message, 200)})`, EXIT.badFlow);
    }
    const shape = shardDocSchema.safeParse(json);
    if (!shape.success) {
      const issue = shape.error.issues[0]!;
      const at = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return failure(
        `merge: ${name} is not a shard document of simulate --shard (${safeText(at + issue.message, 300)})`,
        EXIT.badFlow,
      );
    }
    // The file's own value, not zod's copy: a report must reach the document exactly as written.
    parts.push({ name, doc: json as ShardDoc });
  }
  const problem = mismatch(parts);
  if (problem !== null) return failure(`merge: ${problem}`, EXIT.badFlow);
  const [first] = parts;
  const doc = mergeShards(
    parts.map((p) => p.doc),
    first!.doc.slos ?? [],
  );
  return { code: EXIT.ok, stdout: `${safeJson(JSON.stringify(doc, null, 2))}\n`, stderr: '' };
}

/** Why these parts are not every shard of one sweep, once each with all its runs; null when they are. */
function mismatch(parts: readonly Part[]): string | null {
  const [first] = parts as [Part, ...Part[]];
  const same: [string, (d: ShardDoc) => unknown][] = [
    ['the swept path or values', (d) => d.sweep],
    ['the replications', (d) => d.replications],
    ['the seed', (d) => d.seed],
    ['the number of shards', (d) => d.shard.count],
    ['the flow, --duration, --warmup or --max-messages', (d) => d.fingerprint],
    ['the objectives (the flow\'s "slos" or --assert)', (d) => d.slos ?? []],
  ];
  for (const p of parts.slice(1))
    for (const [what, of] of same)
      if (JSON.stringify(of(p.doc)) !== JSON.stringify(of(first.doc)))
        return `${p.name} and ${first.name} are shards of different sweeps: they differ in ${what}`;

  const { count } = first.doc.shard;
  const byIndex = new Map<number, Part>();
  for (const p of parts) {
    const { index } = p.doc.shard;
    if (index > count) return `${p.name} says it is shard ${index}/${count}, past the last`;
    const twice = byIndex.get(index);
    if (twice) return `${twice.name} and ${p.name} are both shard ${index}/${count}`;
    byIndex.set(index, p);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0)
    return `shard${missing.length === 1 ? '' : 's'} ${missing.map((i) => `${i}/${count}`).join(', ')} missing (every shard of the sweep is needed)`;

  // Each shard must hold exactly its runs: a truncated or edited file would skew a point's mean.
  const { sweep, replications, seed } = first.doc;
  for (const p of parts) {
    const want = unitsOf(sweep.values.length, replications, seed, p.doc.shard);
    const got = p.doc.units;
    const bad =
      got.length !== want.length ||
      got.some(
        (u, i) =>
          u.point !== want[i]!.point || u.replication !== want[i]!.replication || u.seed !== want[i]!.seed,
      );
    if (bad)
      return `${p.name} does not hold the runs shard ${p.doc.shard.index}/${count} should (${want.length} in unit order; it holds ${got.length}): a truncated or edited file?`;
  }
  return null;
}
