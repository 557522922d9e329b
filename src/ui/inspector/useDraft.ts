// A text input's draft (see draft.ts): typing changes only the draft; Enter and blur commit it,
// and so does the field going away with a valid draft (the inspector switching to another node).
// Escape puts the stored value back. A refused draft stays on screen with its reason and is never
// stored, so a running flow and the undo history only ever see committed values.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { commit, type Draft, type DraftRules, follow, freshDraft, isDirty } from './draft';

export interface DraftInput {
  value: string;
  onChange: (e: { currentTarget: { value: string } }) => void;
  onBlur: () => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
}

export function useDraft<T>(
  stored: T,
  rules: DraftRules<T>,
  onCommit: (value: T) => void,
): { error: string | null; input: DraftInput } {
  const [held, setHeld] = useState<Draft<T>>(() => freshDraft(stored, rules));
  const draft = follow(held, stored, rules);
  if (draft !== held) setHeld(draft);
  const parsed = rules.parse(draft.text);
  const error = parsed.ok ? null : parsed.error;

  // The latest of everything, for the commit when the field goes away.
  const latest = useRef({ draft, stored, rules, onCommit });
  useEffect(() => {
    latest.current = { draft, stored, rules, onCommit };
  });
  useEffect(
    () => () => {
      const { draft: d, stored: s, rules: r, onCommit: store } = latest.current;
      if (!isDirty(d, r)) return;
      const c = commit(d, s, r);
      if (c.kind === 'store') store(c.value);
    },
    [],
  );

  const commitNow = (): void => {
    const c = commit(draft, stored, rules);
    if (c.kind === 'refused') return;
    if (c.kind === 'store') onCommit(c.value);
    setHeld(c.draft);
  };

  return {
    error,
    input: {
      value: draft.text,
      onChange: (e) => setHeld({ text: e.currentTarget.value, base: draft.base }),
      onBlur: commitNow,
      onKeyDown: (e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commitNow();
        } else if (e.key === 'Escape' && isDirty(draft, rules)) {
          // Escape with an edit under way only undoes the edit; otherwise it is the canvas's.
          e.preventDefault();
          e.stopPropagation();
          setHeld(freshDraft(stored, rules));
        }
      },
    },
  };
}
