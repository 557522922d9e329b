// A number input that only ever writes valid values to the store. While the typed text is
// refused, it stays in local state with the reason shown; nothing is clamped or rounded.
import { useState } from 'react';
import { Field } from './Field';

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

const show = (v: number | undefined, scale: number) =>
  v === undefined ? '' : String(Number.parseFloat((v * scale).toPrecision(12)));

const sameValue = (a: number | undefined, b: number | undefined) =>
  a === b ||
  (a !== undefined && b !== undefined && Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b)));

function parse(text: string, scale: number): number | undefined | 'nan' {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n / scale : 'nan';
}

export function NumberField(props: Props) {
  const { label, value, check, onCommit, unit, scale = 1, placeholder, hint, rewordError } = props;
  const [local, setLocal] = useState({ text: show(value, scale), value });
  // The store changed under us (undo, another field): show the new value. Values that differ only
  // by float round-off (a rate stored as 1/mean and read back) are the user's own text: keep it.
  if (!sameValue(local.value, value)) setLocal({ text: show(value, scale), value });

  const parsed = parse(local.text, scale);
  const raw = parsed === 'nan' ? 'must be a number' : check(parsed);
  const error = raw && rewordError ? rewordError(raw) : raw;

  return (
    <Field label={label} unit={unit} error={error} hint={hint}>
      <input
        type="text"
        inputMode="decimal"
        className="input"
        value={local.text}
        placeholder={placeholder}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const next = parse(text, scale);
          if (next !== 'nan' && check(next) === null) {
            setLocal({ text, value: next });
            if (!sameValue(next, value)) onCommit(next);
          } else setLocal({ text, value });
        }}
        onBlur={() => {
          if (!error) setLocal({ text: show(value, scale), value });
        }}
      />
    </Field>
  );
}

/** For inputs shown in ms: schema messages speak in seconds; thresholds there are 0, so only the unit changes. */
export const inMs = (m: string) => m.replace(/ s$/, ' ms');
