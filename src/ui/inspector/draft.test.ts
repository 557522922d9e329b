import { describe, expect, it } from 'vitest';
import { configFieldProblem } from '../../model/fieldCheck';
import { commit, type Draft, follow, freshDraft, isDirty } from './draft';
import { numberRules } from './NumberField';
import { textRules } from './TextField';

const concurrency = numberRules(1, (v) => configFieldProblem('handler', 'concurrency', v));
/** A producer's exponential interarrival edited as a rate: stored 1/rate in seconds. */
const rate = numberRules(1, (v) => (v === undefined || v <= 0 ? 'must be a number > 0 events/s' : null));

/** Types `text` one key at a time, as a person does; returns every draft on the way. */
function typeInto<T>(draft: Draft<T>, text: string): Draft<T>[] {
  const steps: Draft<T>[] = [];
  let d = { ...draft, text: '' };
  for (const ch of text) steps.push((d = { ...d, text: d.text + ch }));
  return steps;
}

describe('field drafts', () => {
  it('typing stores nothing; committing stores the whole value once', () => {
    const stored = 4;
    const steps = typeInto(freshDraft(stored, concurrency), '28');
    // Each keystroke is only a draft: it follows the unchanged stored value and stays as typed.
    for (const d of steps) expect(follow(d, stored, concurrency)).toBe(d);
    const c = commit(steps.at(-1)!, stored, concurrency);
    expect(c).toEqual({ kind: 'store', value: 28, draft: { text: '28', base: 28 } });
  });

  it('an invalid draft is refused with its reason and never stored', () => {
    const d = { ...freshDraft(4, concurrency), text: '0' };
    expect(commit(d, 4, concurrency)).toEqual({ kind: 'refused', error: 'must be a whole number ≥ 1' });
    expect(commit({ ...d, text: '2x' }, 4, concurrency)).toEqual({
      kind: 'refused',
      error: 'must be a number',
    });
  });

  it('a rate of 1250 is one value, not 1, 12, 125 on the way', () => {
    const stored = 1 / 80;
    const c = commit({ ...freshDraft(1 / 80, rate), text: '1,250' }, stored, rate);
    expect(c.kind).toBe('store');
    if (c.kind === 'store') expect(c.value).toBe(1250);
  });

  it('committing what is already stored changes nothing', () => {
    expect(commit({ text: '4.0', base: 4 }, 4, concurrency).kind).toBe('unchanged');
    const label = textRules(undefined, true);
    expect(commit({ text: 'Orders API', base: 'Orders API' }, 'Orders API', label).kind).toBe('unchanged');
    expect(commit({ text: '  ', base: undefined }, undefined, label).kind).toBe('unchanged');
  });

  it('a change in the store (undo, another node) replaces the draft', () => {
    const d = { text: 'Orders AP', base: 'Orders API' };
    const label = textRules(undefined, true);
    expect(isDirty(d, label)).toBe(true);
    expect(follow(d, 'Billing', label)).toEqual({ text: 'Billing', base: 'Billing' });
    // A value read back through 1/x is the same stored value: the user's text stays.
    const typed = { text: '45', base: 1 / 45 };
    const inverse = numberRules(1, () => null);
    expect(follow(typed, 1 / (1 / (1 / 45)), inverse)).toBe(typed);
  });
});
