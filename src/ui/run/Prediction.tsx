// The queueing-theory figure beside the measured one (marked when it is an approximation), the
// warning when the offered load exceeds what the workers can serve, or why there is no figure.
import type { NodeReport } from '../../engine/api';
import { formatDuration } from '../../model/format';
import type { PredictionOutcome } from './predictions';

export function Prediction({ p, measured }: { p: PredictionOutcome; measured: NodeReport }) {
  if (!p.ok) {
    return (
      <span className="metrics__no-prediction" title={`No prediction: ${p.reason}`}>
        No prediction: {p.reason}
      </span>
    );
  }
  const { prediction: q, load } = p;
  const rho = q.rho.toFixed(2);
  const approx = q.exact ? '' : '≈ ';
  const detail =
    `${q.model}${q.exact ? '' : ' (Allen–Cunneen approximation)'}: λ = ${load.arrivalRate.toFixed(1)}/s, ` +
    `${load.servers} delivery slot(s), ρ = ${rho}${load.roundTrip ? '; network and acknowledgement time hold a slot' : ''}` +
    (p.note ? `; ${p.note}` : '');
  if (q.rho >= 1 && p.unbounded) {
    return (
      <span className="metrics__warning" title={detail}>
        ρ = {rho} ≥ 1: this queue grows without bound
      </span>
    );
  }
  if (q.rho >= 1) {
    return (
      <span className="metrics__warning" title={detail}>
        ρ = {rho} ≥ 1: the queue fills up and turns events away
      </span>
    );
  }
  return (
    <span title={detail}>
      {q.model}
      {q.exact ? '' : ' approximation'} ρ {rho} · wait {approx}
      {formatDuration(q.meanWait)} predicted, {formatDuration(measured.wait.mean)} measured
    </span>
  );
}
