// The `simulate` command wired to the real process (host.ts): arguments, files, the clock, the
// terminal. simulate.ts calls it for `npm run simulate`, and bin/eventflow.mjs for `npx eventflow
// simulate`.
import { host, processIo } from './host';
import { SIMULATE } from './io';
import { runCli } from './run';

/** Runs `simulate` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  await host(SIMULATE, 'the flow file', () => runCli(argv, processIo()));
}
