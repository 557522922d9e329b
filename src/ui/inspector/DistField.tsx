// A distribution: its kind from a list, then its parameters in milliseconds (stored in seconds),
// or in seconds for times that run to minutes and days (a TTL, a retry delay). With `asRate`, an
// exponential is edited as a rate in events/s (what people think in for arrivals) and its mean
// interval is shown beside it.
import { convertDist, type Dist, DIST_KINDS, type DistKind } from '../../model/dist';
import { distProblem } from '../../model/fieldCheck';
import { formatDuration } from '../../model/format';
import { inMs, NumberField } from './NumberField';
import { SelectField } from './SelectField';

const NAMES: Record<DistKind, string> = {
  constant: 'Constant',
  exponential: 'Exponential',
  uniform: 'Uniform',
  normal: 'Normal (truncated at 0)',
  lognormal: 'Lognormal',
};
const PARAMS: Record<DistKind, readonly { key: string; name: string }[]> = {
  constant: [{ key: 'value', name: 'value' }],
  exponential: [{ key: 'mean', name: 'mean' }],
  uniform: [
    { key: 'min', name: 'min' },
    { key: 'max', name: 'max' },
  ],
  normal: [
    { key: 'mean', name: 'mean' },
    { key: 'stddev', name: 'std dev' },
  ],
  lognormal: [
    { key: 'mean', name: 'mean' },
    { key: 'stddev', name: 'std dev' },
  ],
};
const FALLBACK: Dist = { dist: 'constant', value: 0.01 };
type Choice = DistKind | 'none';

interface Props {
  legend: string;
  value: Dist | undefined;
  onCommit: (value: Dist | undefined) => void;
  /** Offers "None" (the field is optional), worded as what leaving it out means. */
  optional?: boolean;
  noneLabel?: string;
  asRate?: boolean;
  /** The unit its times are edited in (stored in seconds either way). */
  unit?: 'ms' | 's';
  hint?: string;
  /** Why a value is refused; by default the distribution's own rules (distProblem). */
  problem?: (dist: Record<string, unknown>, param: string) => string | null;
}

export function DistField({
  legend,
  value,
  onCommit,
  optional,
  noneLabel = 'None',
  asRate,
  unit = 'ms',
  hint,
  problem = distProblem,
}: Props) {
  const options = [
    ...(optional ? [{ value: 'none' as Choice, label: noneLabel }] : []),
    ...DIST_KINDS.map((k) => ({ value: k as Choice, label: NAMES[k] })),
  ];
  const params = value as Record<string, unknown> | undefined;
  const setParam = (key: string, v: number | undefined) => onCommit({ ...value!, [key]: v } as Dist);
  const check = (key: string) => (v: number | undefined) => problem({ ...params, [key]: v }, key);

  return (
    <fieldset className="dist">
      <legend>{legend}</legend>
      <SelectField
        label={`${legend} distribution`}
        value={value?.dist ?? 'none'}
        options={options}
        onChange={(k) => onCommit(k === 'none' ? undefined : convertDist(value ?? FALLBACK, k))}
        hint={hint}
      />
      {value?.dist === 'exponential' && asRate ? (
        <NumberField
          label={`${legend} rate`}
          unit="events/s"
          value={1 / value.mean}
          check={(rate) =>
            rate === undefined || rate <= 0
              ? 'must be a number > 0 events/s'
              : problem({ ...value, mean: 1 / rate }, 'mean')
          }
          onCommit={(rate) => onCommit({ ...value, mean: 1 / rate! })}
          hint={`Poisson arrivals: one every ${formatDuration(value.mean)} on average`}
        />
      ) : (
        value &&
        PARAMS[value.dist].map((p) => (
          <NumberField
            key={`${value.dist}-${p.key}`}
            label={`${legend} ${p.name}`}
            unit={unit}
            scale={unit === 'ms' ? 1000 : 1}
            value={params?.[p.key] as number}
            check={check(p.key)}
            onCommit={(v) => setParam(p.key, v)}
            rewordError={unit === 'ms' ? inMs : undefined}
          />
        ))
      )}
    </fieldset>
  );
}
