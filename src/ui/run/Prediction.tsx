// The queueing-theory figure beside the measured one, and the warning when the model says the
// queue cannot keep up.
import type { NodeReport } from '../../engine/api';
import { fmtSeconds } from './format';
import { predictedWait, type QueueModel } from './predictions';

export function Prediction({ p, measured }: { p: QueueModel; measured: NodeReport }) {
  if (p.rho >= 1) {
    return (
      <span className="metrics__warning" title={`${p.kind}, ρ = ${p.rho.toFixed(2)}`}>
        ρ = {p.rho.toFixed(2)} ≥ 1: this queue grows without bound
      </span>
    );
  }
  return (
    <span title={`${p.kind}: λ = ${p.lambda.toFixed(1)}/s, ${p.servers} worker(s), ρ = ${p.rho.toFixed(2)}`}>
      {p.kind} ρ {p.rho.toFixed(2)} · wait {fmtSeconds(predictedWait(p))} predicted,{' '}
      {fmtSeconds(measured.wait.mean)} measured
    </span>
  );
}
