// The `simulate` command wired to the real process: arguments, files, the clock, the terminal.
// simulate.ts calls it for `npm run simulate`, and bin/eventflow.mjs for `npx eventflow
// simulate`. No stack trace ever reaches the user: whatever escapes runCli is a bug, told in one
// line with exit code 5.
import { performance } from 'node:perf_hooks';
import { EXIT } from './args';
import type { Command } from './io';
import { readRegularFile } from './readFile';
import { runCli } from './run';
import { safeText } from './terminal';

/** One line for an error that should never happen: what it was, and that it is a bug. */
export function internalError(err: unknown, command: Command = 'simulate'): string {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const first = what.split('\n', 1)[0]!;
  return `${command}: internal error (${safeText(first, 300)}); this is a bug in Eventflow Studio, please report it with the flow file\n`;
}

function fail(err: unknown): never {
  process.stderr.write(internalError(err));
  process.exit(EXIT.internal);
}

/** Runs `simulate` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const tty = process.stderr.isTTY === true;
  try {
    const result = await runCli(argv, {
      readFile: readRegularFile,
      now: () => performance.now(),
      ...(tty ? { progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
    });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } catch (err) {
    fail(err);
  }
}
