// What the Experiment region says when a guard stopped one of a task's runs (the message limit,
// time that does not advance, a deadlock): which value of the field and which seed, how far the
// run got and the engine's reason, and that the task has no result, since a stopped run's figures
// cover only part of it and are never averaged into a point.
import { formatAmount, formatDuration } from '../../model/format';
import type { SweepHalted } from '../../runtime/sweeps';
import type { SweepField } from './sweepFields';

export function haltedText(field: SweepField, kind: 'sweep' | 'search', err: SweepHalted): string {
  const value = field.unit === 's' ? formatDuration(err.value) : formatAmount(err.value);
  const what = kind === 'sweep' ? 'The sweep has no result' : 'The search has no answer';
  return (
    `${field.label} = ${value}: the run with seed ${err.unit.seed} stopped at ` +
    `${formatDuration(err.halt.time)} of ${formatDuration(err.duration)}. ${capitalized(err.halt.message)} ` +
    `${what}: a stopped run covers only part of its time, so it is not averaged in. ` +
    'Leave this value out, or change the flow so that it runs to the end.'
  );
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
