// A labelled input row: the label, the control, its unit, and an inline reason when the value is
// refused (tied to the control with aria-describedby so screen readers read it).
import { type ReactElement, cloneElement, useId } from 'react';

interface Props {
  label: string;
  unit?: string | undefined;
  error?: string | null | undefined;
  hint?: string | undefined;
  children: ReactElement<Record<string, unknown>>;
}

export function Field({ label, unit, error, hint, children }: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  const control = cloneElement(children, {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy || undefined,
  });
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <div className="field__control">
        {control}
        {unit && <span className="field__unit">{unit}</span>}
      </div>
      {hint && !error && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
