// A number input that only ever writes valid values to the store, once per edit: the typed text
// is a draft (useDraft) committed on Enter or when the field is left. A refused draft stays on
// screen with the reason and is never stored; nothing is clamped or rounded.
import type { DraftRules } from './draft';
import { Field } from './Field';
import { useDraft } from './useDraft';

interface Props {
  label: string;
  /** Stored value; undefined means the optional field is left out. */
  value: number | undefined;
  /** Why a value is refused (in stored units), or null. */
  check: (value: number | undefined) => string | null;
  onCommit: (value: number | undefined) => void;
  unit?: string;
  /** Shown = stored × scale, e.g. 1000 to edit seconds as milliseconds. */
  scale?: number;
  placeholder?: string;
  hint?: string;
  /** Rewrites a schema message into the shown unit ("> 0 s" → "> 0 ms"). */
  rewordError?: (message: string) => string;
}

export function NumberField(props: Props) {
  const { label, value, check, onCommit, unit, scale = 1, placeholder, hint, rewordError } = props;
  const { error, input } = useDraft(value, numberRules(scale, check, rewordError), onCommit);
  return (
    <Field label={label} unit={unit} error={error} hint={hint}>
      <input
        type="text"
        inputMode="decimal"
        className="input"
        placeholder={placeholder}
        autoComplete="off"
        {...input}
      />
    </Field>
  );
}

const sameValue = (a: number | undefined, b: number | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)));

/** Text ↔ stored number for a field shown × `scale`; empty text is "left out". */
export function numberRules(
  scale: number,
  check: (value: number | undefined) => string | null,
  reword?: (message: string) => string,
): DraftRules<number | undefined> {
  return {
    show: (v) => (v === undefined ? '' : String(Number.parseFloat((v * scale).toPrecision(12)))),
    parse: (text) => {
      const t = text.trim().replace(/,/g, '');
      const n = t === '' ? undefined : Number(t);
      if (n !== undefined && !Number.isFinite(n)) return { ok: false, error: 'must be a number' };
      const value = n === undefined ? undefined : n / scale;
      const problem = check(value);
      return problem ? { ok: false, error: reword ? reword(problem) : problem } : { ok: true, value };
    },
    same: sameValue,
  };
}

/** For inputs shown in ms: schema messages speak in seconds; thresholds there are 0, so only the unit changes. */
export const inMs = (m: string) => m.replace(/ s$/, ' ms');
