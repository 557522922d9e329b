// What a field holds while someone types: the text is a draft, kept beside the stored value and
// never written to the store until it is committed (Enter, leaving the field, or the field going
// away). Pure functions, so the rules are tested without a browser; useDraft.ts wires them to React.

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export interface DraftRules<T> {
  /** The stored value as text. */
  show: (value: T) => string;
  /** The draft as a value, or why it is refused (in the words the field shows). */
  parse: (text: string) => Parsed<T>;
  /** Stored values that mean the same (a rate stored as 1/mean and read back). */
  same: (a: T, b: T) => boolean;
}

/** The draft and the stored value it started from. */
export interface Draft<T> {
  text: string;
  base: T;
}

export const freshDraft = <T>(value: T, rules: DraftRules<T>): Draft<T> => ({
  text: rules.show(value),
  base: value,
});

/**
 * The draft to show for `stored`: the same draft while the stored value is the one it started
 * from; a fresh one when the store changed under it (undo, another field, another node).
 */
export function follow<T>(draft: Draft<T>, stored: T, rules: DraftRules<T>): Draft<T> {
  return rules.same(draft.base, stored) ? draft : freshDraft(stored, rules);
}

/** True when the text says something other than the stored value. */
export const isDirty = <T>(draft: Draft<T>, rules: DraftRules<T>): boolean =>
  draft.text !== rules.show(draft.base);

export type Commit<T> =
  /** Store this value (one undo step, one live update), then show `draft`. */
  | { kind: 'store'; value: T; draft: Draft<T> }
  /** Nothing to store: the text already means the stored value. */
  | { kind: 'unchanged'; draft: Draft<T> }
  /** Refused: nothing is stored and the draft stays, with its reason. */
  | { kind: 'refused'; error: string };

/** What committing the draft does. */
export function commit<T>(draft: Draft<T>, stored: T, rules: DraftRules<T>): Commit<T> {
  const parsed = rules.parse(draft.text);
  if (!parsed.ok) return { kind: 'refused', error: parsed.error };
  const next = { text: rules.show(parsed.value), base: parsed.value };
  return rules.same(parsed.value, stored)
    ? { kind: 'unchanged', draft: { text: rules.show(stored), base: stored } }
    : { kind: 'store', value: parsed.value, draft: next };
}
