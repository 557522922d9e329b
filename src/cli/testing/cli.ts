// Test helpers: the commands in-process (runCli, runAsyncApi, with files held in memory beside the
// real ones) and as users start them (a process through tsx, or the package's bin; render's output
// as bytes).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readRegularFile } from '../readFile';
import { type CliIo, type CliResult, runCli } from '../run';

export const root = join(import.meta.dirname, '../../..');

/** The command in this process; `files` are read before the disk (paths relative to the repository). */
export function inProcess(files: Map<string, string>): (...args: string[]) => Promise<CliResult> {
  const io: CliIo = {
    readFile: (p, max) => files.get(p) ?? readRegularFile(join(root, p), max),
    now: () => 0,
  };
  return (...args) => runCli(args, io);
}

export interface Spawned {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `input`: what the process reads on stdin (else nothing: it is empty). */
const spawn = (args: string[], input = ''): Spawned => {
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** `npm run -s simulate -- …`, without npm. */
export const simulate = (...args: string[]): Spawned =>
  spawn(['--import', 'tsx', 'src/cli/simulate.ts', ...args]);

export interface SpawnedBytes {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/** `npm run -s render -- …`, without npm; stdout as bytes (a PNG's). */
export function render(...args: string[]): SpawnedBytes {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/render.ts', ...args], {
    cwd: root,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8') };
}

/** `npm run -s asyncapi -- …`, without npm; `preload` modules run first (testing/crash.ts). */
export const asyncapi = (args: string[], { input = '', preload = [] as string[] } = {}): Spawned =>
  spawn(
    ['--import', 'tsx', ...preload.flatMap((p) => ['--import', p]), 'src/cli/asyncapi.ts', ...args],
    input,
  );

/** `npx eventflow …`, without npx. */
export const eventflow = (...args: string[]): Spawned => spawn(['bin/eventflow.mjs', ...args]);

/** `npx eventflow …` with `input` on stdin. */
export const eventflowWith = (input: string, ...args: string[]): Spawned =>
  spawn(['bin/eventflow.mjs', ...args], input);
