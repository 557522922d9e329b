// The worker refused the flow or stopped: say which node and why. The document is not touched.
// A problem that names a node selects it on click, so the Inspector opens on the field to fix.
import { useState } from 'react';
import { describeProblem } from '../../runtime/problems';
import type { RunProblem } from '../../runtime/protocol';
import { useAppStore } from '../../store/useAppStore';
import { useRunState } from './runContext';

/** Problems listed at most; the rest are counted. */
const SHOWN = 5;

export function RunAlert() {
  const problems = useRunState((s) => s.problems);
  const status = useRunState((s) => s.status);
  const flow = useAppStore((s) => s.flow);
  const setSelection = useAppStore((s) => s.setSelection);
  // Dismissal is per report: the next refusal (a new problems array) shows again.
  const [dismissed, setDismissed] = useState<readonly RunProblem[] | null>(null);
  if (status !== 'error' || problems.length === 0 || dismissed === problems) return null;
  return (
    <div role="alert" className="run-alert">
      <div className="run-alert__head">
        <strong>The simulation cannot run.</strong>
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
