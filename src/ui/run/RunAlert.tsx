// The worker refused the flow or stopped: say which node and why. The document is not touched.
import { useAppStore } from '../../store/useAppStore';
import { describeProblem } from '../../runtime/problems';
import { useRunState } from './runContext';

/** Problems listed at most; the rest are counted. */
const SHOWN = 5;

export function RunAlert() {
  const problems = useRunState((s) => s.problems);
  const status = useRunState((s) => s.status);
  const flow = useAppStore((s) => s.flow);
  if (status !== 'error' || problems.length === 0) return null;
  return (
    <div role="alert" className="run-alert">
      <strong>The simulation cannot run.</strong>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>{describeProblem(flow, p)}</li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>…and {problems.length - SHOWN} more.</p>}
    </div>
  );
}
