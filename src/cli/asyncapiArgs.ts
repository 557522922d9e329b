// Command-line arguments of `asyncapi` (docs/cli.md#the-asyncapi-command): a subcommand, its
// files, and --out. Everything that can be checked without reading a file is checked here, so a
// slip is a usage error (exit 2) before anything is read or written.
import type { ArgError } from './args';
import { sameFile } from './writeFile';

/** "-" as a file name: stdin. */
export const STDIN = '-';

export type AsyncApiArgs =
  { command: 'import'; files: string[]; out?: string } | { command: 'export'; file: string; out?: string };

export type ParsedAsyncApi = { ok: true; args: AsyncApiArgs } | { ok: true; help: true } | ArgError;

export const ASYNCAPI_USAGE =
  'usage: npm run -s asyncapi -- import FILE… | export FLOW.json [--out FILE]   (--help for more)';

/** One line saying what is wrong with the command line; the usage follows it on stderr. */
const usage = (error: string): ParsedAsyncApi => ({ ok: false, error, usage: true });

const samePath = (a: string, b: string): boolean => (a === STDIN || b === STDIN ? a === b : sameFile(a, b));

export function parseAsyncApiArgs(argv: readonly string[]): ParsedAsyncApi {
  // Help wins wherever it is: "asyncapi import --help" is a question, not a file named --help.
  if (argv.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { ok: true, help: true };
  const [command, ...rest] = argv;
  if (command === undefined) return usage('a subcommand is needed: import or export');
  if (command !== 'import' && command !== 'export')
    return usage(`unknown subcommand "${command}" (import or export)`);

  const files: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const raw = rest[i]!;
    if (raw === '--out' || raw.startsWith('--out=')) {
      const value = raw === '--out' ? rest[++i] : raw.slice('--out='.length);
      if (value === undefined || value === '') return usage('--out: needs a file name');
      if (value === STDIN) return usage('--out: give a file name; without --out the output goes to stdout');
      if (out !== undefined) return usage(`--out: only one (already "${out}")`);
      out = value;
    } else if (raw.startsWith('-') && raw !== STDIN) return usage(`unknown option "${raw}"`);
    else files.push(raw);
  }

  const twice = files.find((f, i) => files.findIndex((g) => samePath(f, g)) !== i);
  if (twice !== undefined)
    return usage(`"${twice}" is given twice${twice === STDIN ? ' (stdin can be read once)' : ''}`);
  if (out !== undefined && files.some((f) => samePath(f, out)))
    return usage(`--out "${out}" is also an input file: write the output elsewhere`);
  if (command === 'import') {
    if (files.length === 0)
      return usage('import: no files: give one or more AsyncAPI documents (YAML or JSON), or - for stdin');
    return { ok: true, args: { command, files, ...(out !== undefined ? { out } : {}) } };
  }
  if (files.length !== 1)
    return usage(files.length === 0 ? 'export: no flow file' : `export: one flow file, got ${files.length}`);
  return { ok: true, args: { command, file: files[0]!, ...(out !== undefined ? { out } : {}) } };
}
