// The flow's service-level objectives as a table: a metric (suggested from the report's figures
// of this flow, checked with the model's metricPathProblem), a comparison, a target (times in ms,
// stored in seconds) and how the last run did. Every committed cell is one undo step, as in the
// Inspector: a draft until Enter or leaving the cell, a refused value kept on screen with the
// reason and never stored.
import { useId, useMemo } from 'react';
import type { SimulationReport } from '../../engine/api';
import { checkSlos, metricPathProblem, OP_SYMBOL, SLO_OPS, type Slo, type SloOp } from '../../model/slo';
import { useAppStore } from '../../store/useAppStore';
import { numberRules } from '../inspector/NumberField';
import { Section } from '../inspector/Section';
import { useDraft } from '../inspector/useDraft';
import { useRunState } from '../run/runContext';
import { firstOp, formatMetric, metricOptions, newSlo, targetUnit, withOp } from './sloMetrics';
import { Verdict } from './Verdict';

const NO_SLOS: readonly Slo[] = [];

export function SloSection() {
  const slos = useAppStore((s) => s.flow.slos ?? NO_SLOS);
  const nodes = useAppStore((s) => s.flow.nodes);
  const setSlos = useAppStore((s) => s.setSlos);
  const report = useRunState((s) => (s.status === 'done' ? s.report : null));
  const flow = useAppStore((s) => s.flow);
  const options = useMemo(() => metricOptions(flow), [flow]);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  const listId = useId();

  const summary = slos.length
    ? slos
        .map((s) => `${s.metric} ${OP_SYMBOL[firstOp(s)]} ${formatMetric(s.metric, s[firstOp(s)])}`)
        .join(' · ')
    : 'none';

  return (
    <Section title="Objectives" summary={summary}>
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.path} value={o.path} label={o.label} />
        ))}
      </datalist>
      {slos.length > 0 && (
        <table className="slo-table" aria-label="Objectives">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">
                <span className="sr-only">Comparison</span>
              </th>
              <th scope="col">Target</th>
              <th scope="col">Last run</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {slos.map((s, i) => (
              <SloRow
                key={i}
                index={i}
                slo={s}
                ids={ids}
                listId={listId}
                report={report}
                onChange={(next) => setSlos(slos.map((x, j) => (j === i ? next : x)))}
                onRemove={() => setSlos(slos.filter((_, j) => j !== i))}
              />
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button slo__add" onClick={() => setSlos([...slos, newSlo(slos)])}>
        Add objective
      </button>
      <p className="inspector__note">
        {slos.length
          ? 'Checked on every run’s final figures (the Metrics panel says pass or fail), drawn on the charts, and the target of a sweep’s search. Saved with the flow.'
          : 'An objective is a figure of the run and a target, such as end-to-end p99 < 100 ms. It is saved with the flow, checked after every run and drawn on the charts; Find smallest searches for the least of a field that meets them all.'}
      </p>
    </Section>
  );
}

interface RowProps {
  index: number;
  slo: Slo;
  ids: readonly string[];
  listId: string;
  report: SimulationReport | null;
  onChange: (next: Slo) => void;
  onRemove: () => void;
}

function SloRow({ index, slo, ids, listId, report, onChange, onRemove }: RowProps) {
  const n = index + 1;
  const op = firstOp(slo);
  const { unit, scale } = targetUnit(slo.metric);
  const errorId = useId();
  const metric = useDraft<string>(
    slo.metric,
    {
      show: (v) => v,
      parse: (text) => {
        const path = text.trim();
        const problem = path ? metricPathProblem(path, ids) : 'is required';
        return problem ? { ok: false, error: problem } : { ok: true, value: path };
      },
      same: (a, b) => a === b,
    },
    (path) => onChange({ ...slo, metric: path }),
  );
  // The unit goes with the value: when the metric changes from a time to a count, the shown
  // target is rewritten for the new unit rather than kept as typed.
  const numbers = numberRules(scale, (v) => (v === undefined ? 'is required' : null));
  const target = useDraft<{ value: number | undefined; scale: number }>(
    { value: slo[op], scale },
    {
      show: (t) => numbers.show(t.value),
      parse: (text) => {
        const r = numbers.parse(text);
        return r.ok ? { ok: true, value: { value: r.value, scale } } : r;
      },
      same: (a, b) => a.scale === b.scale && numbers.same(a.value, b.value),
    },
    (t) => {
      if (t.value !== undefined) onChange({ ...slo, [op]: t.value });
    },
  );
  const result = report ? checkSlos(report, [slo]).find((r) => r.op === op) : undefined;
  const error = metric.error ?? target.error;
  return (
    <>
      <tr className={error ? 'is-invalid' : undefined}>
        <td>
          <input
            type="text"
            className="input slo-table__input slo-table__metric"
            list={listId}
            autoComplete="off"
            spellCheck={false}
            aria-label={`Objective ${n} metric`}
            aria-invalid={metric.error ? true : undefined}
            aria-describedby={metric.error ? errorId : undefined}
            {...metric.input}
          />
        </td>
        <td>
          <select
            className="input select slo-table__input slo-table__op"
            aria-label={`Objective ${n} comparison`}
            value={op}
            onChange={(e) => onChange(withOp(slo, e.currentTarget.value as SloOp))}
          >
            {SLO_OPS.map((o) => (
              <option key={o} value={o}>
                {OP_SYMBOL[o]}
              </option>
            ))}
          </select>
        </td>
        <td>
          <span className="slo-table__target">
            <input
              type="text"
              inputMode="decimal"
              className="input slo-table__input"
              autoComplete="off"
              aria-label={`Objective ${n} target${unit ? ` in ${unit === 'ms' ? 'milliseconds' : unit}` : ''}`}
              aria-invalid={target.error ? true : undefined}
              aria-describedby={target.error ? errorId : undefined}
              {...target.input}
            />
            {unit && <span className="slo-table__unit">{unit}</span>}
          </span>
        </td>
        <td data-testid={`objective-${n}-result`}>
          {result ? (
            <Verdict pass={result.pass} detail={formatMetric(slo.metric, result.actual)} />
          ) : (
            <span className="slo-table__none" title="Checked when a run reaches its end">
              –
            </span>
          )}
        </td>
        <td>
          <button
            type="button"
            className="connections__remove"
            aria-label={`Remove objective ${n}`}
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
          <td colSpan={5} id={errorId} className="field__error slo-table__error">
            Objective {n} {metric.error ? 'metric' : 'target'}: {error}
          </td>
        </tr>
      )}
    </>
  );
}
