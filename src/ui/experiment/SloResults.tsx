// Each objective of the flow checked on the run's final figures (the model's checkSlos, as the
// CLI checks them), shown in the Metrics panel once the run has reached its end.
import { checkSlos, type Slo } from '../../model/slo';
import { useAppStore } from '../../store/useAppStore';
import { useRunState } from '../run/runContext';
import { metricWords } from './answer';
import { OP_SYMBOL } from '../../model/slo';
import { formatMetric } from './sloMetrics';
import { Verdict } from './Verdict';

const NO_SLOS: readonly Slo[] = [];

export function SloResults() {
  const slos = useAppStore((s) => s.flow.slos ?? NO_SLOS);
  const show = useAppStore((s) => s.showSideTab);
  const done = useRunState((s) => s.status === 'done');
  const report = useRunState((s) => s.report);
  // Verdicts are on the final figures: nothing to say until a run has ended.
  if (!slos.length || !done || !report) return null;
  const results = checkSlos(report, slos);
  return (
    <div className="slo-results" role="group" aria-label="Objectives">
      <button type="button" className="slo-results__title" onClick={() => show('experiment')}>
        Objectives
      </button>
      <ul className="slo-results__list">
        {results.map((r, i) => (
          <li key={i} className="slo-results__item">
            <Verdict pass={r.pass} />{' '}
            <span>
              {metricWords(r.metric)} {OP_SYMBOL[r.op]} {formatMetric(r.metric, r.target)}:{' '}
              <b>{formatMetric(r.metric, r.actual)}</b>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
