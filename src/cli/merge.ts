// `simulate merge PART.json…`: the shards of one sweep (any order) back into the document the
// unsharded sweep prints, bit for bit. This reads the files and checks their shape; the engine's
// mergeShards refuses parts that are not every shard of one sweep, once each with all its runs,
// naming each part by its file.
import { mergeShards, type SweepShard } from '../engine/experiment';
import { EXIT } from './args';
import { HELP } from './help';
import { type CliIo, type CliResult, failure } from './io';
import { shardDocSchema } from './shardDoc';
import { safeJson, safeText } from './terminal';

/** A shard holds full reports (a few KB each): more than a flow file, less than V8's longest string. */
export const MAX_PART_BYTES = 256 * 1024 * 1024;

const MERGE_USAGE = 'usage: npm run -s simulate -- merge PART.json… (the files --shard I/N printed)';

export function runMerge(argv: readonly string[], io: CliIo): CliResult {
  if (argv.includes('--help') || argv.includes('-h')) return { code: EXIT.ok, stdout: HELP, stderr: '' };
  const option = argv.find((a) => a.startsWith('-') && a !== '-');
  if (option !== undefined)
    return failure(`${safeText(`merge: unknown option "${option}"`)}\n${MERGE_USAGE}`, EXIT.usage);
  if (argv.length === 0) return failure(`merge: no shard files\n${MERGE_USAGE}`, EXIT.usage);

  const names: string[] = [];
  const docs: SweepShard[] = [];
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
    names.push(name);
    docs.push(json as SweepShard);
  }
  // The names are escaped already, and the rest of a refusal is numbers and fixed words.
  const merged = mergeShards(docs, names);
  if (!merged.ok) return failure(`merge: ${merged.message}`, EXIT.badFlow);
  return { code: EXIT.ok, stdout: `${safeJson(JSON.stringify(merged.document, null, 2))}\n`, stderr: '' };
}
