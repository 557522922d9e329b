// A worker thread of a sweep (pool.ts starts it): keeps the plan, runs each list of units it is
// sent, in order, and posts every outcome as it comes. A bug throws out of here, and pool.ts
// gets it as the worker's 'error' event.
import { parentPort } from 'node:worker_threads';
import { runUnit } from '../engine/experiment';
import type { FromWorker, SweepPlan, ToWorker } from './sweepUnit';

const port = parentPort;
if (!port) throw new Error('sweepWorker.ts runs as a worker thread (see pool.ts)');

let plan: SweepPlan | null = null;
const post = (m: FromWorker) => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'plan') {
    plan = m.plan;
    return;
  }
  if (!plan) throw new Error('units before the plan');
  for (const unit of m.units)
    post({ type: 'outcome', outcome: runUnit(plan.flows[unit.point]!, unit, plan.limits) });
  post({ type: 'listDone' });
});
