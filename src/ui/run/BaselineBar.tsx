// The run pinned as the baseline, in one line over the metrics: what it was, that it stays when
// another flow or template is loaded (comparing two flows is pinning one and running the other),
// and how changes are shown. While the run on screen is the baseline itself, it says so. The
// header's "Clear baseline" unpins it.
import { formatDuration } from '../../model/format';
import { useAppStore } from '../../store/useAppStore';
import { useRunState } from './runContext';

export function BaselineBar() {
  const baseline = useAppStore((s) => s.baseline);
  const same = useRunState((s) => s.report !== null && s.report === baseline?.report);
  if (!baseline) return null;
  const { report, flowName } = baseline;
  return (
    <div className="baseline-bar" role="group" aria-label="Baseline">
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <path d="M2 4h10M2 7h10M2 10h10" stroke="currentColor" strokeWidth="1.4" strokeDasharray="3 2" />
      </svg>
      <p className="baseline-bar__text">
        <b>Baseline:</b> “{flowName || 'Untitled flow'}”, seed {report.seed},{' '}
        {formatDuration(report.duration)} run.{' '}
        {same
          ? 'This run is the baseline: run again, or load another flow or template and run it, to compare.'
          : 'Changes from it show under each figure (▲ more, ▼ less; wait, service and sojourn by p99) and as dashed curves on the charts.'}{' '}
        It stays pinned when you load another flow or template; nodes are matched by id.
      </p>
    </div>
  );
}
