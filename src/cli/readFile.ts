// Reading a command's input files from disk, safely: only a regular file, never more than a set
// size, and never blocking. The path is opened without blocking (a FIFO with no writer would
// otherwise wait for ever) and what was opened is checked, not the path (so it cannot change in
// between). Stdin ("-" as a file name) is read with the same limit.
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
    const limit = overLimit(maxBytes);
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
    return decode(Buffer.concat(chunks, total));
  } finally {
    closeSync(fd);
  }
}

/**
 * All of stdin as text, read as a file is (UTF-8, a byte-order mark dropped, at most `maxBytes`:
 * past that nothing more is read). Refused when stdin is a terminal: a command waiting for text
 * to be typed in looks hung, and "-" there is more likely a slip than a wish to type YAML.
 */
export async function readStdin(maxBytes: number): Promise<string> {
  const stdin = process.stdin;
  if (stdin.isTTY) throw new FileRefused('a terminal: pipe or redirect a file into it, or give a file name');
  const chunks: Buffer[] = [];
  let total = 0;
  // Leaving the loop (the throw) destroys the stream, so the process does not wait for its end.
  for await (const chunk of stdin) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > maxBytes) throw new FileRefused(overLimit(maxBytes));
    chunks.push(bytes);
  }
  return decode(Buffer.concat(chunks, total));
}

const overLimit = (maxBytes: number): string =>
  `more than ${formatBytes(maxBytes)}, the most this command reads`;

function decode(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
