// What to sweep and how: the field (from the flow's numeric fields, grouped by node and
// connection, or the load on every producer), its values as a list or a range, and the
// replications; a line saying what will run; "Run sweep" and "Find smallest"; the progress of
// the task under way with "Cancel"; and the search's answer.
import { useId, useMemo } from 'react';
import { formatCount, formatDuration } from '../../model/format';
import type { SweepValues } from '../../store/slices/experimentSlice';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { Section } from '../inspector/Section';
import { useRun } from '../run/runContext';
import { SearchAnswer } from './SearchAnswer';
import { startSearch, startSweep } from './experimentActions';
import { MAX_REPLICATIONS, planSweep } from './plan';
import { fieldOption, suggestedValues, sweepFields, type SweepField } from './sweepFields';

/** Fields by their node or connection, in the flow's order, for <optgroup>s. */
function grouped(fields: readonly SweepField[]): [string, SweepField[]][] {
  const groups = new Map<string, SweepField[]>();
  for (const f of fields) groups.set(f.group, [...(groups.get(f.group) ?? []), f]);
  return [...groups];
}

export function SweepSetup() {
  const flow = useAppStore((s) => s.flow);
  const setup = useAppStore((s) => s.experiment);
  const set = useAppStore((s) => s.setExperiment);
  const task = useAppStore((s) => s.experimentTask);
  const problem = useAppStore((s) => s.experimentProblem);
  const hasSlos = useAppStore((s) => (s.flow.slos?.length ?? 0) > 0);
  const store = useAppStoreApi();
  const { sweeps } = useRun();
  const fields = useMemo(() => sweepFields(flow), [flow]);
  const planned = useMemo(() => planSweep(flow, setup), [flow, setup]);
  const field = planned.field;
  const values = setup.values;
  const ids = { field: useId(), values: useId(), reps: useId(), summary: useId() };
  const busy = task !== null;
  const setValues = (patch: Partial<SweepValues>) => set({ values: { ...values, ...patch } });
  const unit = field.unit === 's' ? ' (seconds)' : '';

  return (
    <Section
      title="Sweep"
      summary={`${field.label}: ${planned.ok ? `${planned.plan.spec.values.length} values × ${planned.plan.replications}` : 'not ready'}`}
    >
      <div className="field">
        <label className="field__label" htmlFor={ids.field}>
          Field
        </label>
        <div className="field__control">
          <select
            id={ids.field}
            className="input select"
            value={field.path}
            onChange={(e) => {
              const picked = fields.find((f) => f.path === e.currentTarget.value);
              if (picked) set({ path: picked.path, values: suggestedValues(picked) });
            }}
          >
            {grouped(fields).map(([group, list]) => (
              <optgroup key={group} label={group}>
                {list.map((f) => (
                  <option key={f.path} value={f.path}>
                    {fieldOption(f)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <p className="field__hint">
          <code>{field.path}</code>
        </p>
      </div>

      <fieldset className="sweep__values">
        <legend className="field__label">Values{unit}</legend>
        <div className="sweep__modes" role="radiogroup" aria-label="Values given as">
          {(['list', 'range'] as const).map((mode) => (
            <label key={mode} className="sweep__mode">
              <input
                type="radio"
                name={ids.values}
                checked={values.mode === mode}
                onChange={() => setValues({ mode })}
              />
              {mode === 'list' ? 'List' : 'Range'}
            </label>
          ))}
        </div>
        {values.mode === 'list' ? (
          <input
            type="text"
            className="input sweep__input"
            aria-label={`Values${unit}`}
            placeholder="1, 2, 4, 8"
            autoComplete="off"
            value={values.list}
            onChange={(e) => setValues({ list: e.currentTarget.value })}
          />
        ) : (
          <div className="sweep__range">
            {(['from', 'to', 'step'] as const).map((k) => (
              <label key={k} className="sweep__range-item">
                <span>{k[0]!.toUpperCase() + k.slice(1)}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  className="input sweep__input"
                  autoComplete="off"
                  value={values[k]}
                  onChange={(e) => setValues({ [k]: e.currentTarget.value })}
                />
              </label>
            ))}
          </div>
        )}
      </fieldset>

      <div className="field">
        <label className="field__label" htmlFor={ids.reps}>
          Replications
        </label>
        <div className="field__control">
          <input
            id={ids.reps}
            type="number"
            min={1}
            max={MAX_REPLICATIONS}
            className="input"
            value={Number.isFinite(setup.replications) ? setup.replications : ''}
            aria-describedby={ids.summary}
            onChange={(e) => set({ replications: e.currentTarget.valueAsNumber })}
          />
          <span className="field__unit">runs per value</span>
        </div>
      </div>

      <p id={ids.summary} className={planned.ok ? 'inspector__note' : 'field__error'}>
        {planned.ok
          ? (() => {
              const { plan } = planned;
              const { duration, warmup } = plan.settings;
              return `${plan.spec.values.length} values × ${plan.replications} = ${formatCount(plan.runs)} runs of ${formatDuration(duration)}${warmup ? ` (figures after ${formatDuration(warmup)} of warm-up)` : ''}, seeds ${plan.seed}–${plan.seed + plan.replications - 1}, on up to ${sweeps.size} worker${sweeps.size === 1 ? '' : 's'}. Run length and seed come from the flow's settings.`;
            })()
          : planned.message}
      </p>

      <div className="sweep__actions">
        <button
          type="button"
          className="button button--primary"
          aria-disabled={busy || !planned.ok}
          onClick={() => {
            if (!busy && planned.ok) void startSweep(store, sweeps);
          }}
        >
          Run sweep
        </button>
        <button
          type="button"
          className="button"
          aria-disabled={busy || !planned.ok || !hasSlos}
          title={
            hasSlos
              ? 'The smallest value meeting every objective, by bisection over replicated runs'
              : 'Add an objective first'
          }
          onClick={() => {
            if (!busy && planned.ok && hasSlos) void startSearch(store, sweeps);
          }}
        >
          Find smallest
        </button>
      </div>
      {!hasSlos && <p className="inspector__note">Find smallest needs an objective (above).</p>}

      {task && (
        <div className="sweep__progress" role="group" aria-label="Sweep under way">
          <progress
            aria-label={task.kind === 'sweep' ? 'Sweep progress' : 'Search progress'}
            max={task.total}
            value={task.done}
          />
          <span className="sweep__progress-text" aria-live="polite">
            {task.kind === 'sweep'
              ? `${formatCount(task.done)} of ${formatCount(task.total)} runs`
              : `Trying ${task.value ?? '…'} (value ${task.done + 1}, at most ${task.total})`}
          </span>
          <button type="button" className="button" onClick={() => sweeps.cancel()}>
            Cancel
          </button>
        </div>
      )}
      {problem && (
        <p
          className={problem.tone === 'error' ? 'field__error' : 'inspector__note'}
          role={problem.tone === 'error' ? 'alert' : 'status'}
        >
          {problem.text}
        </p>
      )}
      <SearchAnswer />
    </Section>
  );
}
