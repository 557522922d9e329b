// One fault in the Faults region: its kind, target (only those the kind can act on), window and
// parameter. A choice in a list applies at once; numbers follow the Inspector's draft contract.
import type { Fault } from '../../model/faults';
import { FAULT_KINDS, type FaultKind } from '../../model/faults';
import type { Flow } from '../../model/flow';
import { Field } from '../inspector/Field';
import { NumberField } from '../inspector/NumberField';
import { targetLabel } from '../../model/faults';
import { faultProblem, faultTargets, PARAMETER, withKind } from './faultEdits';

const KIND_TEXT: Record<FaultKind, string> = {
  crash: 'Crash (handler)',
  pause: 'Pause (handler)',
  slow: 'Slow down (handler, connection)',
  fail: 'Fail (handler)',
  partition: 'Partition (connection)',
  outage: 'Outage (queue, topic, stream)',
};

interface Props {
  index: number;
  fault: Fault;
  faults: readonly Fault[];
  flow: Flow;
  onChange: (fault: Fault) => void;
  onRemove: () => void;
}

export function FaultCard({ index, fault, faults, flow, onChange, onRemove }: Props) {
  const n = index + 1;
  const targets = faultTargets(flow, fault.kind);
  const param = PARAMETER[fault.kind];
  const check = (key: keyof Fault) => (v: number | undefined) =>
    faultProblem(
      flow,
      faults.map((g, j) => (j === index ? { ...fault, [key]: v } : g)),
      index,
      key,
    );
  const number = (key: 'at' | 'duration' | 'factor' | 'rate') => ({
    value: fault[key],
    check: check(key),
    onCommit: (v: number | undefined) => onChange({ ...fault, [key]: v }),
  });
  const name = `Fault ${n}: ${fault.kind} on ${targetLabel(flow, fault.target)}`;

  return (
    <li className="fault" data-fault={index} aria-label={name}>
      <div className="fault__head">
        <h3 className="fault__title">
          <span className="fault__number">{n}</span>
          {fault.kind} · {targetLabel(flow, fault.target)}
        </h3>
        <button
          type="button"
          className="connections__remove"
          aria-label={`Remove fault ${n}`}
          onClick={onRemove}
        >
          ×
        </button>
      </div>
      <div className="fault__fields">
        <Field label="Kind">
          <select
            className="input select"
            value={fault.kind}
            onChange={(e) => {
              const next = withKind(fault, e.currentTarget.value as FaultKind, flow);
              if (next) onChange(next);
            }}
          >
            {FAULT_KINDS.map((k) => (
              <option key={k} value={k} disabled={!faultTargets(flow, k).length}>
                {KIND_TEXT[k]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Target">
          <select
            className="input select"
            value={fault.target}
            onChange={(e) => onChange({ ...fault, target: e.currentTarget.value })}
          >
            {targets.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <NumberField label="Starts at" unit="s" {...number('at')} />
        <NumberField label="Lasts" unit="s" {...number('duration')} />
        {param?.key === 'factor' && (
          <NumberField
            label="Slower by"
            unit="×"
            {...number('factor')}
            hint="Service times (or latency) × this."
          />
        )}
        {param?.key === 'rate' && (
          <NumberField
            label="Failure rate"
            unit="0–1"
            {...number('rate')}
            hint="Share of services that fail."
          />
        )}
      </div>
    </li>
  );
}
