// Text from a flow file reaches the user's terminal (ids, labels, event types in messages): it
// must never be able to move the cursor, clear the screen or reorder what is shown, and a file
// with a million problems must not print a million lines.

/**
 * C0 and C1 control characters, DEL, line and paragraph separators and the bidirectional
 * overrides and isolates ("Trojan source").
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const escapeOne = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Control characters written as \u001b (visible, unambiguous); long text cut at `max` with "…". */
export function safeText(text: string, max = 500): string {
  const cut = text.length > max ? `${text.slice(0, max)}…` : text;
  return cut.replace(UNSAFE, escapeOne);
}

/**
 * JSON with the characters JSON.stringify leaves raw but a terminal acts on (C1 controls, DEL,
 * separators, bidi controls) written as \u escapes: the same JSON value, safe on a terminal.
 */
export function safeJson(json: string): string {
  // C0 controls are already escaped by JSON.stringify; the others are legal raw in JSON strings.
  return json.replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, escapeOne);
}

/** How many items of a list (problems, notes) a message shows before "…and N more". */
export const SHOWN = 20;

/** The first `shown` items as lines, and "…and N more <noun>s" when there are more. */
export function firstLines<T>(
  items: readonly T[],
  format: (item: T) => string,
  noun: string,
  shown = SHOWN,
): string[] {
  const lines = items.slice(0, shown).map(format);
  const rest = items.length - lines.length;
  if (rest > 0) lines.push(`…and ${rest.toLocaleString('en-US')} more ${noun}${rest === 1 ? '' : 's'}`);
  return lines;
}

const MIB = 1024 * 1024;
/** "64 MiB", "1.5 MiB", "900 bytes". */
export const formatBytes = (n: number): string =>
  n >= MIB
    ? `${Math.round((n / MIB) * 10) / 10} MiB`
    : n >= 1024
      ? `${Math.round(n / 102.4) / 10} KiB`
      : `${n} bytes`;
