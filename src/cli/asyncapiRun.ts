// The `asyncapi` command as a function of its arguments and of what it needs from the machine
// (reading files and stdin, writing --out), so that tests run it in-process; asyncapiMain.ts
// wires it to the real process. The mapping itself is src/io/asyncapi (docs/asyncapi.md): this
// file reads, reports and writes. Everything a file says is escaped before it reaches stderr or a
// terminal, lists are capped, and nothing throws out of here except bugs.
import { exportAsyncApi, importAsyncApi, type AsyncApiFile } from '../io/asyncapi';
import { MAX_FILE_BYTES } from '../model/limits';
import { serializeFlow } from '../model/serialize';
import { argumentFailure, EXIT } from './args';
import { ASYNCAPI_USAGE, type AsyncApiArgs, parseAsyncApiArgs, STDIN } from './asyncapiArgs';
import { ASYNCAPI_HELP } from './asyncapiHelp';
import { cannotRead, flowFromText } from './flowFile';
import { type CliResult, voice } from './io';
import { safeYaml } from './safeYaml';
import { firstLines, safeJson, safeText } from './terminal';

export interface AsyncApiIo {
  /** The text of a regular file of at most `maxBytes`; throws with the reason otherwise, without blocking. */
  readFile(path: string, maxBytes: number): string;
  /** All of stdin, at most `maxBytes`; rejects with the reason (a terminal, too big). */
  readStdin(maxBytes: number): Promise<string>;
  /** Writes the whole file; throws with the reason. */
  writeFile(path: string, text: string): void;
}

export const ASYNCAPI = voice('asyncapi');

/** The name stdin's text goes by: in messages, and for the $refs of an import ("-" is no path). */
export const STDIN_NAME = '<stdin>';

/**
 * Import notices shown. More than simulate's 20 notes: each is a figure the import assumed or a
 * part it left out, the list of what to check after an import; a cap still bounds what a file
 * can make the command print.
 */
const NOTICES_SHOWN = 200;

export async function runAsyncApi(argv: readonly string[], io: AsyncApiIo): Promise<CliResult> {
  const parsed = parseAsyncApiArgs(argv);
  if (!parsed.ok) return argumentFailure(ASYNCAPI, parsed, ASYNCAPI_USAGE);
  if ('help' in parsed) return { code: EXIT.ok, stdout: ASYNCAPI_HELP, stderr: '' };
  return parsed.args.command === 'import' ? runImport(parsed.args, io) : runExport(parsed.args, io);
}

type Input = { ok: true; file: AsyncApiFile } | { ok: false; result: CliResult };

/** One input: its name (the path as given, for the core's $refs) and text, or why it cannot be read. */
async function read(path: string, io: AsyncApiIo): Promise<Input> {
  const name = path === STDIN ? STDIN_NAME : path;
  try {
    const text = path === STDIN ? await io.readStdin(MAX_FILE_BYTES) : io.readFile(path, MAX_FILE_BYTES);
    return { ok: true, file: { name, text } };
  } catch (err) {
    return { ok: false, result: cannotRead(ASYNCAPI, safeText(name, 200), err) };
  }
}

/** What a command made: the text exactly as the app saves it, and as shown on a terminal. */
interface Output {
  exact: string;
  /** The same value with what a terminal acts on escaped (safeJson, safeYaml). */
  shown: string;
}

/** The output on stdout, or written whole to --out's file; `stderr` (the notes) goes out either way. */
function deliver(io: AsyncApiIo, out: string | undefined, output: Output, stderr: string): CliResult {
  if (out === undefined) return { code: EXIT.ok, stdout: output.shown, stderr };
  try {
    io.writeFile(out, output.exact);
  } catch (err) {
    const why = safeText(err instanceof Error ? err.message : String(err));
    return {
      code: EXIT.usage,
      stdout: '',
      stderr: stderr + ASYNCAPI.line(`cannot write ${safeText(out, 200)}: ${why}`),
    };
  }
  return { code: EXIT.ok, stdout: '', stderr };
}

async function runImport(
  args: Extract<AsyncApiArgs, { command: 'import' }>,
  io: AsyncApiIo,
): Promise<CliResult> {
  const files: AsyncApiFile[] = [];
  for (const path of args.files) {
    const input = await read(path, io);
    if (!input.ok) return input.result;
    files.push(input.file);
  }
  const result = importAsyncApi(files);
  if (!result.ok) {
    const problems = firstLines(result.problems, (p) => safeText(p, 2000), 'problem').join('\n');
    return ASYNCAPI.failure(`nothing imported:\n${problems}`, EXIT.badFlow);
  }
  const notes = firstLines(result.notices, (n) => `note: ${safeText(n, 2000)}`, 'note', NOTICES_SHOWN);
  const json = serializeFlow(result.flow);
  return deliver(io, args.out, { exact: json, shown: safeJson(json) }, notes.map(ASYNCAPI.line).join(''));
}

async function runExport(
  args: Extract<AsyncApiArgs, { command: 'export' }>,
  io: AsyncApiIo,
): Promise<CliResult> {
  const input = await read(args.file, io);
  if (!input.ok) return input.result;
  const { name, text } = input.file;
  const flowFile = flowFromText(ASYNCAPI, safeText(name, 200), text);
  if ('code' in flowFile) return flowFile;
  const yaml = exportAsyncApi(flowFile.flow);
  return deliver(io, args.out, { exact: yaml, shown: safeYaml(yaml) }, flowFile.notes);
}
