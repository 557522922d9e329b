// The `simulate` command wired to the real process (host.ts): arguments, files, the clock, the
// terminal. simulate.ts calls it for `npm run simulate`, and bin/eventflow.mjs for `npx eventflow
// simulate`.
import { performance } from 'node:perf_hooks';
import { host } from './host';
import { SIMULATE } from './io';
import { readRegularFile } from './readFile';
import { runCli } from './run';

/** Runs `simulate` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  const tty = process.stderr.isTTY === true;
  await host(SIMULATE, 'the flow file', () =>
    runCli(argv, {
      readFile: readRegularFile,
      now: () => performance.now(),
      ...(tty ? { progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
    }),
  );
}
