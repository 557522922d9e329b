// What the command needs from the machine (reading a file, the clock, a terminal for progress)
// and what it gives back, so that tests run it in-process; main.ts wires it to the real process.

export interface CliIo {
  /**
   * The text of a regular file of at most `maxBytes`; throws with the reason (not a regular file,
   * too big, missing) otherwise, without blocking.
   */
  readFile(path: string, maxBytes: number): string;
  /** Wall-clock milliseconds (the engine never reads the clock itself). */
  now(): number;
  /** Writes a progress line over the previous one; absent when stderr is not a terminal. */
  progress?: (line: string) => void;
}

export interface CliResult {
  /** See EXIT in args.ts. */
  code: number;
  stdout: string;
  stderr: string;
}

/** What the machine refused (a file not written, no font): a reason to tell people, not a bug. */
export class Refused extends Error {}

/** The command speaking: each line it writes to stderr starts with its name. */
export type Command = 'simulate' | 'render';

export const line = (message: string, command: Command = 'simulate'): string => `${command}: ${message}\n`;
export const failure = (message: string, code: number, command: Command = 'simulate'): CliResult => ({
  code,
  stdout: '',
  stderr: line(message, command),
});

/** Milliseconds between progress lines. */
export const PROGRESS_MS = 250;

const seconds = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
/** Simulated time in seconds, exactly enough to find it again: "12,484.213 s". */
export const formatSeconds = (t: number): string => `${seconds.format(t)} s`;
