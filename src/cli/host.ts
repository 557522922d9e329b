// A command wired to the real process: what it prints, its exit code, and what happens when it
// throws. No stack trace ever reaches the user: whatever escapes the command is a bug, told in
// one line with exit code 5. Every command's main (main.ts, renderMain.ts, asyncapiMain.ts) goes
// through here.
import { performance } from 'node:perf_hooks';
import { EXIT } from './args';
import type { CliIo, CliResult, Voice } from './io';
import { readRegularFile } from './readFile';
import { safeText } from './terminal';

/**
 * What a command that reads a flow file and may run it (simulate, render) takes from the machine:
 * its files, the clock, and progress lines over each other when stderr is a terminal.
 */
export function processIo(): CliIo {
  const tty = process.stderr.isTTY === true;
  return {
    readFile: readRegularFile,
    now: () => performance.now(),
    ...(tty ? { progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
  };
}

/** One line for an error that should never happen: what it was, and that it is a bug. */
export function internalError(voice: Voice, reportWith: string, err: unknown): string {
  const what = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const first = what.split('\n', 1)[0]!;
  return voice.line(
    `internal error (${safeText(first, 300)}); this is a bug in Eventflow Studio, please report it with ${reportWith}`,
  );
}

/**
 * Runs the command, writes its stdout and stderr and sets the exit code. `reportWith` says what
 * a bug report needs ("the flow file").
 */
export async function host(
  voice: Voice,
  reportWith: string,
  run: () => Promise<CliResult<string | Uint8Array>>,
): Promise<void> {
  const fail = (err: unknown): never => {
    process.stderr.write(internalError(voice, reportWith, err));
    process.exit(EXIT.internal);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  // A reader that stops early (`… | head -c 8`) closes the pipe: the rest is not wanted, and
  // that is no error of ours. The exit code stays the one the command set.
  process.stdout.on('error', (err: NodeJS.ErrnoException) =>
    err.code === 'EPIPE'
      ? process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0)
      : fail(err),
  );
  try {
    const result = await run();
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } catch (err) {
    fail(err);
  }
}
