// The `render` command wired to the real process: files, the clock, stdout's kind, the PNG
// rasterizer (loaded only for a PNG: its native module is the slowest thing to start). render.ts
// calls it for `npm run render`, and bin/eventflow.mjs for `npx eventflow render`.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { EXIT } from './args';
import { Refused } from './io';
import { internalError } from './main';
import { readRegularFile } from './readFile';
import { runRender } from './renderCli';

function fail(err: unknown): never {
  process.stderr.write(internalError(err, 'render'));
  process.exit(EXIT.internal);
}

const WHY: Readonly<Record<string, string>> = {
  ENOENT: 'no such folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'a directory',
  EROFS: 'a read-only file system',
  ENOSPC: 'no space left on the device',
};

function writeFile(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new Refused(WHY[code] ?? (err instanceof Error ? err.message : String(err)));
  }
}

/** Runs `render` with these arguments (those after the command's name) and sets the exit code. */
export async function main(argv: readonly string[]): Promise<void> {
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  const tty = process.stderr.isTTY === true;
  try {
    const result = await runRender(argv, {
      readFile: readRegularFile,
      now: () => performance.now(),
      ...(tty ? { progress: (text: string) => process.stderr.write(`\r${text}\u001b[K`) } : {}),
      rasterize: async (svg, scale, fontFiles) =>
        (await import('./png')).svgToPng(svg, scale, { files: fontFiles }),
      writeFile,
      stdoutIsTerminal: process.stdout.isTTY === true,
    });
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    process.exitCode = result.code;
  } catch (err) {
    fail(err);
  }
}
