// The `asyncapi` command wired to the real process (host.ts): files, stdin, --out's file.
// asyncapi.ts calls it for `npm run asyncapi`, and bin/eventflow.mjs for `npx eventflow asyncapi`.
import { ASYNCAPI, runAsyncApi } from './asyncapiRun';
import { host } from './host';
import { readRegularFile, readStdin } from './readFile';
import { writeRegularFile } from './writeFile';

/** Runs `asyncapi` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  await host(ASYNCAPI, 'the files', () =>
    runAsyncApi(argv, { readFile: readRegularFile, readStdin, writeFile: writeRegularFile }),
  );
}
