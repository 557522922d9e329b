// Where a failed or lease-expired message goes and when (Flow JSON v2 `retry`): the back or the
// front of its bus, after the handler's retry delay (v1), a delay of its own, or an exponential
// backoff min(max, initial × multiplier^(n−1)) with optional jitter. Times are in seconds.
import { DELIVERY_DEFAULTS, RETRY_POSITIONS, type Backoff, type Retry } from '../../model/delivery';
import type { Dist } from '../../model/dist';
import { BackoffFields } from './BackoffFields';
import { clean } from './clean';
import { DistField } from './DistField';
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

export function RetryField({ value, onCommit, check, withPosition }: Props) {
  const r: Retry = value ?? {};
  const mode: Mode = r.backoff ? 'backoff' : r.delay ? 'delay' : 'handler';
  const commit = (next: Retry) => onCommit(clean(next));
  const backoff = r.backoff ?? START_BACKOFF;

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
        <BackoffFields
          value={backoff}
          unit="s"
          check={(next, key) => check({ ...r, backoff: next }, ['backoff', key])}
          onCommit={(next) => commit({ ...r, backoff: next })}
        />
      )}
    </fieldset>
  );
}
