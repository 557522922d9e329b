// A text input with the same contract as NumberField: refused text stays local with its reason.
import { useState } from 'react';
import { Field } from './Field';

interface Props {
  label: string;
  value: string | undefined;
  check?: (value: string | undefined) => string | null;
  onCommit: (value: string | undefined) => void;
  /** Empty text means "leave the field out" rather than "". */
  optional?: boolean;
  placeholder?: string;
  hint?: string;
}

export function TextField({ label, value, check, onCommit, optional, placeholder, hint }: Props) {
  const [local, setLocal] = useState({ text: value ?? '', value });
  if (local.value !== value) setLocal({ text: value ?? '', value });
  const toValue = (text: string) => (optional && text.trim() === '' ? undefined : text);
  const error = check ? check(toValue(local.text)) : null;

  return (
    <Field label={label} error={error} hint={hint}>
      <input
        type="text"
        className="input"
        value={local.text}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => {
          const text = e.currentTarget.value;
          const next = toValue(text);
          if (!check || check(next) === null) {
            setLocal({ text, value: next });
            if (next !== value) onCommit(next);
          } else setLocal({ text, value });
        }}
      />
    </Field>
  );
}
