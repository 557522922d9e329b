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
  const name = `“${flowName || 'Untitled flow'}”, seed ${report.seed}, ${formatDuration(report.duration)}`;
  return (
    <div
      className="baseline-bar"
      role="group"
      aria-label="Baseline"
      title="The baseline stays pinned when you load another flow or template (comparing two flows is pinning one and running the other); nodes are matched by id. Wait, service and sojourn are compared by p99."
    >
      <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
        <path d="M1 7h12" stroke="currentColor" strokeWidth="1.6" strokeDasharray="3 2" />
      </svg>
      <p className="baseline-bar__text">
        {same ? (
          <>
            <b>Baseline pinned:</b> this run ({name}). Run again, or load another flow and run it, to compare.
          </>
        ) : (
          <>
            <b>Baseline:</b> {name} — ▲▼ changes under the figures, dashed curves on the charts. It stays
            pinned when you load another flow or template.
          </>
        )}
      </p>
    </div>
  );
}
