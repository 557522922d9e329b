// The selected connection's live rate: the figure the canvas prints beside a busy edge, in words
// (the canvas label is a drawing, out of reach of screen readers). Refreshed with the clock.
import { formatRate } from '../../model/format';
import { RATE_WINDOW } from './dotSpawner';
import { useRun, useRunState } from './runContext';

export function EdgeRate({ edgeId }: { edgeId: string }) {
  const { rates } = useRun();
  useRunState((s) => s.time); // re-render as the run moves (≤ 10 times a second)
  const loaded = useRunState((s) => s.status !== 'empty' && s.status !== 'error');
  const rate = loaded ? rates.rateOf(edgeId) : null;
  if (rate === null) return null;
  return (
    <p className="inspector__note" data-testid="edge-rate">
      Rate: <strong>{formatRate(rate)}</strong> over the last {RATE_WINDOW} simulated seconds
    </p>
  );
}
