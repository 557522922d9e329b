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

/** A command's exit code and output; stdout is text, except where a command writes bytes (render's PNG). */
export interface CliResult<Stdout extends string | Uint8Array = string> {
  /** See EXIT in args.ts. */
  code: number;
  stdout: Stdout;
  stderr: string;
}

/**
 * How a command writes to stderr: every line it writes starts with its name, so that in a script
 * running several commands each message says which one it comes from.
 */
export interface Voice {
  /** The command's name, as it starts its lines ("simulate"). */
  readonly command: string;
  line(message: string): string;
  /** Nothing on stdout, the message on stderr, and the exit code. */
  failure(message: string, code: number): CliResult;
}

export const voice = (command: string): Voice => {
  const line = (message: string): string => `${command}: ${message}\n`;
  return { command, line, failure: (message, code) => ({ code, stdout: '', stderr: line(message) }) };
};

export const SIMULATE = voice('simulate');
export const { line, failure } = SIMULATE;

/** Milliseconds between progress lines. */
export const PROGRESS_MS = 250;

const seconds = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
/** Simulated time in seconds, exactly enough to find it again: "12,484.213 s". */
export const formatSeconds = (t: number): string => `${seconds.format(t)} s`;
