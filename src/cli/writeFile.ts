// Writing a command's output to the file --out names, safely: only a regular file (created, or
// replaced whole), never blocking. A named pipe with no reader would block an ordinary open for
// ever, and a device or a pipe is what stdout is for: the file is opened without blocking and
// without truncating, checked, and only then emptied and written.
import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { FileRefused } from './readFile';

const OPEN_FLAGS = constants.O_WRONLY | constants.O_CREAT | (constants.O_NONBLOCK ?? 0);

function whyNot(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its folder does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  if (code === 'EROFS') return 'a read-only file system';
  if (code === 'ENXIO') return 'a named pipe (FIFO) with no reader, not a regular file';
  if (code === 'ENOSPC') return 'no space left on the device';
  return err instanceof Error ? err.message : String(err);
}

/**
 * Writes `data` (text as UTF-8, or bytes: render's PNG) as the whole content of the regular file
 * at `path`; throws FileRefused.
 */
export function writeRegularFile(path: string, data: string | Uint8Array): void {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS, 0o666);
  } catch (err) {
    throw new FileRefused(whyNot(err));
  }
  try {
    if (!fstatSync(fd).isFile())
      throw new FileRefused('not a regular file (to write to a pipe or a device, leave out --out: stdout)');
    ftruncateSync(fd, 0);
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
  } catch (err) {
    throw err instanceof FileRefused ? err : new FileRefused(whyNot(err));
  } finally {
    closeSync(fd);
  }
}

/** The same file, however it is written (`a.yaml`, `./a.yaml`, `dir/../a.yaml`): --out must not name an input. */
export const sameFile = (a: string, b: string): boolean => resolve(a) === resolve(b);
