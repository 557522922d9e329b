// Reading one document's text: YAML 1.2 (JSON is a subset) through the `yaml` library, with the
// line and column of a syntax error, and bounds on size, aliases and nesting so that no text can
// exhaust memory or the stack of the code that walks the result.
import { parseDocument } from 'yaml';
import { formatCount } from '../../model/format';

/** Bytes of one document's text (as the app's own flow files). */
export const MAX_TEXT_CHARS = 64 * 1024 * 1024;
/**
 * Objects and lists inside one another. Deeper than Flow JSON's 64, since payload schemas nest,
 * and low enough that every recursive walk in this module stays far from the stack's limit.
 */
export const MAX_NESTING = 256;
/** Aliases expanded in one document: a few are normal, thousands are a "billion laughs" bomb. */
const MAX_ALIASES = 1000;

export type TextResult = { ok: true; value: unknown } | { ok: false; problem: string };

/** The parsed value of a YAML or JSON text, or what is wrong with it and where. */
export function parseText(text: string): TextResult {
  if (text.length > MAX_TEXT_CHARS)
    return { ok: false, problem: `the file is larger than ${formatCount(MAX_TEXT_CHARS)} characters` };
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  const error = doc.errors[0];
  if (error) {
    const at = error.linePos?.[0];
    const where = at ? `line ${at.line}, column ${at.col}: ` : '';
    // The parser recurses per level of nesting; a stack overflow there means a document too deep.
    if (/call stack/i.test(error.message))
      return {
        ok: false,
        problem: `${where}nested too deeply to read (objects and lists inside one another)`,
      };
    if (error.code === 'MULTIPLE_DOCS')
      return {
        ok: false,
        problem: `${where}several YAML documents in one file (separated by "---"): give each AsyncAPI document a file of its own`,
      };
    return { ok: false, problem: `${where}not valid YAML or JSON (${firstLine(error.message)})` };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // An alias to an anchor that is not set yet, or too many aliases.
    return {
      ok: false,
      problem: `not valid YAML (${firstLine(err instanceof Error ? err.message : String(err))})`,
    };
  }
  const deep = nestingPath(value);
  if (deep !== null)
    return {
      ok: false,
      problem: `${deep}: nested more than ${MAX_NESTING} levels deep (objects and lists inside one another)`,
    };
  return { ok: true, value };
}

const firstLine = (message: string): string =>
  message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');

/** The path of the first value nested deeper than MAX_NESTING, or null. Iterative: no stack to overflow. */
function nestingPath(root: unknown): string | null {
  type Frame = { value: unknown; depth: number; path: string };
  const stack: Frame[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > MAX_NESTING) return path || '(top)';
    const entries = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v] as const)
      : Object.entries(value);
    for (const [key, child] of entries) {
      // Past a few levels the path only needs to say where it starts.
      const at = depth < 8 ? (key.startsWith('[') ? `${path}${key}` : path ? `${path}.${key}` : key) : path;
      stack.push({ value: child, depth: depth + 1, path: at });
    }
  }
  return null;
}
