// The queueing-theory figure beside the measured one, and the warning when the offered load
// exceeds what the workers can serve.
import type { NodeReport } from '../../engine/api';
import { formatDuration } from '../../model/format';
import type { QueuePrediction } from './predictions';

export function Prediction({ p, measured }: { p: QueuePrediction; measured: NodeReport }) {
  const { prediction: q, load } = p;
  const rho = q.rho.toFixed(2);
  const detail = `${q.model}: λ = ${load.arrivalRate.toFixed(1)}/s, ${load.servers} worker(s), ρ = ${rho}`;
  if (q.rho >= 1) {
    return (
      <span className="metrics__warning" title={detail}>
        ρ = {rho} ≥ 1:{' '}
        {p.unbounded ? 'this queue grows without bound' : 'the queue fills up and turns events away'}
      </span>
    );
  }
  return (
    <span title={detail}>
      {q.model} ρ {rho} · wait {formatDuration(q.meanWait)} predicted, {formatDuration(measured.wait.mean)}{' '}
      measured
    </span>
  );
}
