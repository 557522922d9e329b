// A text input with the same contract as NumberField: the typed text is a draft committed on
// Enter or when the field is left; refused text stays local with its reason.
import type { DraftRules } from './draft';
import { Field } from './Field';
import { useDraft } from './useDraft';

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
  const { error, input } = useDraft(value, textRules(check, optional), onCommit);
  return (
    <Field label={label} error={error} hint={hint}>
      <input
        type="text"
        className="input"
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        {...input}
      />
    </Field>
  );
}

export function textRules(
  check: ((value: string | undefined) => string | null) | undefined,
  optional: boolean | undefined,
): DraftRules<string | undefined> {
  return {
    show: (v) => v ?? '',
    parse: (text) => {
      const value = optional && text.trim() === '' ? undefined : text;
      const problem = check ? check(value) : null;
      return problem ? { ok: false, error: problem } : { ok: true, value };
    },
    same: (a, b) => a === b,
  };
}
