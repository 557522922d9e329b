// Reading a command's input file from disk, safely: only a regular file, never more than a set
// size, and never blocking. The path is opened without blocking (a FIFO with no writer would
// otherwise wait for ever) and what was opened is checked, not the path (so it cannot change in
// between).
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { formatBytes } from './terminal';

export class FileRefused extends Error {}

function whatItIs(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isCharacterDevice()) return 'a character device';
  if (s.isBlockDevice()) return 'a block device';
  if (s.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The text of the regular file at `path`, read as UTF-8 (a leading byte-order mark dropped).
 * Throws FileRefused, with a reason for people, for anything else or anything over `maxBytes`.
 */
export function readRegularFile(path: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'a directory'
            : ((err as Error).message ?? String(err));
    throw new FileRefused(why);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileRefused(`${whatItIs(stat)}, not a regular file`);
    const limit = `more than ${formatBytes(maxBytes)}, the most this command reads`;
    if (stat.size > maxBytes) throw new FileRefused(`${formatBytes(stat.size)}: ${limit}`);
    // Read to the end, not to the size stat gave: the file may grow meanwhile; stop past the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(maxBytes + 1 - total, 1 << 20) || 1);
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileRefused(limit);
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    }
    const text = Buffer.concat(chunks, total).toString('utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } finally {
    closeSync(fd);
  }
}
