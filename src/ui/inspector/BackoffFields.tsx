// An exponential backoff (Flow JSON v2 `backoff`): the n-th retry waits
// min(max, initial × multiplier^(n−1)), with optional jitter. A bus's retry and a call edge's
// retries share it; times are stored in seconds and edited in the caller's unit.
import { DELIVERY_DEFAULTS, JITTERS, type Backoff } from '../../model/delivery';
import { clean } from './clean';
import { inMs, NumberField } from './NumberField';
import { SelectField } from './SelectField';

const JITTER_NAMES = {
  none: 'None',
  full: 'Full: uniform in [0, d]',
  equal: 'Equal: uniform in [d/2, d]',
} as const;

interface Props {
  /** The backoff shown: the stored one, or what choosing a backoff starts from. */
  value: Backoff;
  /** Why `next` would be refused, looking first at its field `key`. */
  check: (next: Backoff | undefined, key: keyof Backoff) => string | null;
  onCommit: (next: Backoff | undefined) => void;
  /** The unit its times are edited in: seconds for a bus's retries, ms for a call's. */
  unit: 's' | 'ms';
}

export function BackoffFields({ value, check, onCommit, unit }: Props) {
  const edit = (patch: Partial<Backoff>) => clean({ ...value, ...patch });
  const number = (key: 'initial' | 'multiplier' | 'max') => ({
    value: value[key],
    check: (v: number | undefined) => check(edit({ [key]: v }), key),
    onCommit: (v: number | undefined) => onCommit(edit({ [key]: v })),
  });
  const time = (key: 'initial' | 'max') => ({
    unit,
    scale: unit === 'ms' ? 1000 : 1,
    rewordError: unit === 'ms' ? inMs : undefined,
    ...number(key),
  });
  return (
    <>
      <NumberField label="Backoff initial" {...time('initial')} />
      <NumberField
        label="Backoff multiplier"
        unit="×"
        placeholder={String(DELIVERY_DEFAULTS.backoffMultiplier)}
        {...number('multiplier')}
      />
      <NumberField label="Backoff max" placeholder="no limit" {...time('max')} />
      <SelectField
        label="Backoff jitter"
        value={value.jitter ?? DELIVERY_DEFAULTS.jitter}
        options={JITTERS.map((j) => ({ value: j, label: JITTER_NAMES[j] }))}
        onChange={(j) => onCommit(edit({ jitter: j === DELIVERY_DEFAULTS.jitter ? undefined : j }))}
        hint="d is the n-th retry's delay: min(max, initial × multiplier^(n−1))."
      />
    </>
  );
}
