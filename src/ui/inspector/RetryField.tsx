// Where a failed or lease-expired message goes and when (Flow JSON v2 `retry`): the back or the
// front of its bus, after the handler's retry delay (v1), a delay of its own, or an exponential
// backoff min(max, initial × multiplier^(n−1)) with optional jitter. Times are in seconds.
import { DELIVERY_DEFAULTS, JITTERS, RETRY_POSITIONS, type Backoff, type Retry } from '../../model/delivery';
import type { Dist } from '../../model/dist';
import { DistField } from './DistField';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';

type Mode = 'handler' | 'delay' | 'backoff';

const POSITION_NAMES = {
  tail: 'Back of the queue (tail)',
  head: 'Front of the queue (head)',
} as const;
const MODE_NAMES: Record<Mode, string> = {
  handler: "The handler's retry delay",
  delay: 'A delay of its own',
  backoff: 'Exponential backoff',
};
const JITTER_NAMES = {
  none: 'None',
  full: 'Full: uniform in [0, d]',
  equal: 'Equal: uniform in [d/2, d]',
} as const;
/** What a newly chosen delay or backoff starts from: one second, the commonest first backoff. */
const START_DELAY: Dist = { dist: 'constant', value: 1 };
const START_BACKOFF: Backoff = { initial: 1 };

interface Props {
  value: Retry | undefined;
  onCommit: (value: Retry | undefined) => void;
  /** Why `retry` would be refused, looking first at `at` inside it (['backoff', 'max']). */
  check: (retry: Retry | undefined, at: readonly PropertyKey[]) => string | null;
  /** A stream retries in place, so it has no position to choose. */
  withPosition: boolean;
}

/** Drops unset keys; an empty retry is no retry at all, so the file holds only what was chosen. */
function clean<T extends object>(o: T): T | undefined {
  const kept = Object.entries(o).filter(([, v]) => v !== undefined);
  return kept.length ? (Object.fromEntries(kept) as T) : undefined;
}

export function RetryField({ value, onCommit, check, withPosition }: Props) {
  const r: Retry = value ?? {};
  const mode: Mode = r.backoff ? 'backoff' : r.delay ? 'delay' : 'handler';
  const commit = (next: Retry) => onCommit(clean(next));
  const backoff = r.backoff ?? START_BACKOFF;
  const editBackoff = (patch: Partial<Backoff>): Retry => ({
    ...r,
    backoff: clean({ ...backoff, ...patch }),
  });
  const backoffField = (key: keyof Backoff) => ({
    value: backoff[key] as number | undefined,
    check: (v: number | undefined) => check(editBackoff({ [key]: v }), ['backoff', key]),
    onCommit: (v: number | undefined) => commit(editBackoff({ [key]: v })),
  });

  return (
    <fieldset className="dist">
      <legend>Retry</legend>
      {withPosition && (
        <SelectField
          label="Retry position"
          value={r.position ?? DELIVERY_DEFAULTS.retryPosition}
          options={RETRY_POSITIONS.map((p) => ({ value: p, label: POSITION_NAMES[p] }))}
          onChange={(p) => commit({ ...r, position: p === DELIVERY_DEFAULTS.retryPosition ? undefined : p })}
        />
      )}
      <SelectField
        label="Retry after"
        value={mode}
        options={(['handler', 'delay', 'backoff'] as const).map((m) => ({ value: m, label: MODE_NAMES[m] }))}
        onChange={(m) =>
          commit({
            ...r,
            delay: m === 'delay' ? (r.delay ?? START_DELAY) : undefined,
            backoff: m === 'backoff' ? backoff : undefined,
          })
        }
        hint={mode === 'handler' ? 'Default: the consuming handler’s retry delay (0 when unset).' : undefined}
      />
      {mode === 'delay' && r.delay && (
        <DistField
          legend="Retry delay"
          unit="s"
          value={r.delay}
          onCommit={(d) => commit({ ...r, delay: d })}
        />
      )}
      {mode === 'backoff' && (
        <>
          <NumberField label="Backoff initial" unit="s" {...backoffField('initial')} />
          <NumberField
            label="Backoff multiplier"
            unit="×"
            placeholder={String(DELIVERY_DEFAULTS.backoffMultiplier)}
            {...backoffField('multiplier')}
          />
          <NumberField label="Backoff max" unit="s" placeholder="no limit" {...backoffField('max')} />
          <SelectField
            label="Backoff jitter"
            value={backoff.jitter ?? DELIVERY_DEFAULTS.jitter}
            options={JITTERS.map((j) => ({ value: j, label: JITTER_NAMES[j] }))}
            onChange={(j) => commit(editBackoff({ jitter: j === DELIVERY_DEFAULTS.jitter ? undefined : j }))}
            hint="d is the n-th retry's delay: min(max, initial × multiplier^(n−1))."
          />
        </>
      )}
    </fieldset>
  );
}
