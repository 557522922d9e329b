// A producer's load profile in the Inspector: a table of points (from `at`, the base rate ×
// `factor`; ramp: linearly from the previous point) and a sparkline of the offered rate. Every
// cell follows the Inspector's field contract (a draft until Enter or blur, one undo step per
// commit, a refused value stays on screen with the model's reason and is never stored).
import { useId } from 'react';
import { DEFAULT_SETTINGS } from '../../model/defaults';
import type { NodeOfKind } from '../../model/flow';
import { formatRate } from '../../model/format';
import type { ProfilePoint } from '../../model/profile';
import { useAppStore } from '../../store/useAppStore';
import { numberRules } from '../inspector/NumberField';
import { Section } from '../inspector/Section';
import { useConfigEditor } from '../inspector/useConfigEditor';
import { useDraft } from '../inspector/useDraft';
import { baseRate, profileHorizon } from './profileCurve';
import { nextProfilePoint, profileSummary } from './profileEdits';
import { Sparkline } from './Sparkline';

type Producer = NodeOfKind<'producer'>;

export function ProfileSection({ node }: { node: Producer }) {
  const { set, problem } = useConfigEditor(node);
  const duration = useAppStore((s) => s.flow.settings?.duration ?? DEFAULT_SETTINGS.duration);
  const points = node.config.profile ?? [];
  const base = baseRate(node.config.interarrival);
  const horizon = profileHorizon(points, duration);
  const store = (next: ProfilePoint[]) => set({ profile: next.length ? next : undefined });
  const withPoint = (i: number, p: ProfilePoint) => points.map((q, j) => (j === i ? p : q));

  return (
    <Section title="Load profile" summary={profileSummary(points, base)}>
      {points.length > 0 && (
        <table className="profile-table" aria-label="Load profile points">
          <thead>
            <tr>
              <th scope="col">From (s)</th>
              <th scope="col">× rate</th>
              <th scope="col" title="Move there linearly from the previous point">
                Ramp
              </th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <PointRow
                key={i}
                index={i}
                point={p}
                check={(next, field) => problem({ profile: withPoint(i, next) }, ['profile', i, field])}
                onCommit={(next) => store(withPoint(i, next))}
                onRemove={() => store(points.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="button profile__add"
        onClick={() => store([...points, nextProfilePoint(points, duration)])}
      >
        Add point
      </button>
      {points.length > 0 ? (
        <Sparkline points={points} base={base} horizon={horizon} />
      ) : (
        <p className="inspector__note">
          Steady at {formatRate(base)}. Add points for a spike, a ramp or a daily curve.
        </p>
      )}
    </Section>
  );
}

interface RowProps {
  index: number;
  point: ProfilePoint;
  check: (next: ProfilePoint, field: 'at' | 'factor') => string | null;
  onCommit: (next: ProfilePoint) => void;
  onRemove: () => void;
}

function PointRow({ index, point, check, onCommit, onRemove }: RowProps) {
  const n = index + 1;
  const at = useCell(point, 'at', check, onCommit);
  const factor = useCell(point, 'factor', check, onCommit);
  const errorId = useId();
  const error = at.error ?? factor.error;
  const cell = (c: typeof at, name: string) => (
    <input
      type="text"
      inputMode="decimal"
      className="input profile-table__input"
      autoComplete="off"
      aria-label={`Point ${n} ${name}`}
      aria-invalid={c.error ? true : undefined}
      aria-describedby={c.error ? errorId : undefined}
      {...c.input}
    />
  );
  return (
    <>
      <tr className={error ? 'is-invalid' : undefined}>
        <td>{cell(at, 'from')}</td>
        <td>{cell(factor, 'factor')}</td>
        <td>
          <input
            type="checkbox"
            aria-label={`Point ${n} ramp`}
            checked={point.ramp ?? false}
            onChange={(e) => {
              const { ramp: _old, ...rest } = point;
              onCommit(e.currentTarget.checked ? { ...rest, ramp: true } : rest);
            }}
          />
        </td>
        <td>
          <button
            type="button"
            className="connections__remove"
            aria-label={`Remove point ${n}`}
            onClick={onRemove}
          >
            <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
              <path d="M3 3l6 6M9 3l-6 6" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </button>
        </td>
      </tr>
      {error && (
        <tr>
          <td colSpan={4} id={errorId} className="field__error profile-table__error">
            Point {n} {at.error ? 'from' : 'factor'}: {error}
          </td>
        </tr>
      )}
    </>
  );
}

/** One number of a point as a draft: committing stores the whole point with that number replaced. */
function useCell(
  point: ProfilePoint,
  field: 'at' | 'factor',
  check: (next: ProfilePoint, field: 'at' | 'factor') => string | null,
  onCommit: (next: ProfilePoint) => void,
) {
  const rules = numberRules(1, (v) =>
    v === undefined ? 'is required' : check({ ...point, [field]: v }, field),
  );
  return useDraft<number | undefined>(point[field], rules, (v) => {
    if (v !== undefined) onCommit({ ...point, [field]: v });
  });
}
