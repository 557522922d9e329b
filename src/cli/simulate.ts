// Headless `simulate` (docs/cli.md): runs a flow file and prints its figures as one JSON document
// on stdout; everything else goes to stderr. No stack trace ever reaches the user: whatever
// escapes runCli is a bug, told in one line with exit code 5.
import { performance } from 'node:perf_hooks';
import { EXIT } from './args';
import { readRegularFile } from './readFile';
import { type CliResult, runCli } from './run';
import { safeText } from './terminal';

/** One line for an error that should never happen: what it was, and that it is a bug. */
export function internalError(err: unknown): string {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const first = what.split('\n', 1)[0]!;
  return `simulate: internal error (${safeText(first, 300)}); this is a bug in Eventflow Studio, please report it with the flow file\n`;
}

function fail(err: unknown): never {
  process.stderr.write(internalError(err));
  process.exit(EXIT.internal);
}
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

const tty = process.stderr.isTTY === true;
let result: CliResult;
try {
  result = runCli(process.argv.slice(2), {
    readFile: readRegularFile,
    now: () => performance.now(),
    ...(tty ? { progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
  });
} catch (err) {
  fail(err);
}
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
