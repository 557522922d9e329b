// The worker refused the flow, or a guard stopped the run (too many messages held, time not
// advancing, a deadlock): say which node and why. The document is not touched, and a stopped
// run keeps its figures. A problem that names a node selects it on click, so the Inspector opens
// on the field to fix.
import { useMemo, useState } from 'react';
import { describeProblem } from '../../runtime/problems';
import type { RunProblem } from '../../runtime/protocol';
import { useAppStore } from '../../store/useAppStore';
import { useRunState } from './runContext';

/** Problems listed at most; the rest are counted. */
const SHOWN = 5;

export function RunAlert() {
  const refused = useRunState((s) => s.problems);
  const status = useRunState((s) => s.status);
  const halt = useRunState((s) => s.halt);
  const flow = useAppStore((s) => s.flow);
  const setSelection = useAppStore((s) => s.setSelection);
  const problems = useMemo(
    () => (status === 'error' ? refused : halt ? [halt] : []),
    [status, refused, halt],
  );
  // Dismissal is per report: the next refusal (a new problems array) shows again.
  const [dismissed, setDismissed] = useState<readonly RunProblem[] | null>(null);
  if (problems.length === 0 || dismissed === problems) return null;
  return (
    <div role="alert" className="run-alert">
      <div className="run-alert__head">
        <strong>
          {status === 'error'
            ? 'The simulation cannot run.'
            : 'The run was stopped; its figures so far are kept.'}
        </strong>
        <button
          type="button"
          className="toast__close"
          aria-label="Dismiss"
          onClick={() => setDismissed(problems)}
        >
          ×
        </button>
      </div>
      <ul>
        {problems.slice(0, SHOWN).map((p, i) => (
          <li key={i}>
            {p.nodeId && flow.nodes.some((n) => n.id === p.nodeId) ? (
              <button
                type="button"
                className="run-alert__node"
                onClick={() => setSelection({ nodes: [p.nodeId!], edges: [] })}
              >
                {describeProblem(flow, p)}
              </button>
            ) : (
              describeProblem(flow, p)
            )}
          </li>
        ))}
      </ul>
      {problems.length > SHOWN && <p>…and {problems.length - SHOWN} more.</p>}
    </div>
  );
}
