// The answer of "Find smallest": the value with each objective's figure and 95 % interval, or
// that none of the values meets them; then every value tried, in order, and what it cost.
import { useRef } from 'react';
import { formatCount } from '../../model/format';
import { useAppStore } from '../../store/useAppStore';
import { answerText, valueText } from './answer';
import { costText } from './cost';
import { useRevealOnChange } from './useRevealOnChange';

export function SearchAnswer() {
  const record = useAppStore((s) => s.searchRecord);
  const stale = useAppStore((s) => s.searchRecord !== null && s.searchRecord.flow !== s.flow);
  const box = useRef<HTMLElement>(null);
  useRevealOnChange(record, box, 'nearest');
  if (!record) return null;
  const { outcome } = record;
  return (
    <section
      className={`answer answer--${outcome.answer ? 'found' : 'none'}`}
      aria-label="Smallest value found"
    >
      <h4 className="answer__title">
        {outcome.answer ? 'Smallest value meeting every objective' : 'No value meets the objectives'}
      </h4>
      <p className="answer__text" data-testid="search-answer">
        {answerText(record)}
      </p>
      <p
        className="inspector__note"
        data-testid="search-cost"
        data-wall-ms={record.cost.wallMs}
        data-events={record.cost.events}
        data-busy-ms={record.cost.busyMs}
      >
        {record.label}, with 95 % confidence over{' '}
        {formatCount(outcome.answer?.point.seeds.length ?? outcome.probes[0]?.point.seeds.length)}{' '}
        replications each. Tried in order:{' '}
        {outcome.probes.map((p, i) => (
          <span key={i} className={`answer__probe answer__probe--${p.pass ? 'pass' : 'fail'}`}>
            {valueText(outcome.path, p.value)} {p.pass ? '✓' : '✗'}
            {i < outcome.probes.length - 1 ? ', ' : ''}
          </span>
        ))}
        . {costText(record.cost)}
      </p>
      {stale && <p className="inspector__note">The flow has changed since this search.</p>}
    </section>
  );
}
