// The sweep worker's logic, framework-free: it keeps the point flows of the current job and runs
// the units it is sent with the engine's runUnit, the same function the CLI's worker threads
// call, so a unit's outcome is the same whichever host ran it. The clock is handed in (wall time
// per unit, for the speed figure) and so is the poster, so tests run it in-process.
import { runUnit } from '../engine/experiment';
import type { Flow } from '../model/flow';
import type { FromSweepWorker, ToSweepWorker } from './protocol';

export interface SweepHostEnv {
  now(): number;
  post(msg: FromSweepWorker): void;
}

export interface SweepHost {
  handle(msg: ToSweepWorker): void;
}

export function createSweepHost(env: SweepHostEnv): SweepHost {
  let job = -1;
  let flows: Flow[] = [];
  return {
    handle(msg) {
      if (msg.type === 'sweepJob') {
        ({ job, flows } = msg);
        return;
      }
      // Units of an older job (sent before a newer job replaced it) are stale.
      if (msg.job !== job) return;
      for (const unit of msg.units) {
        const flow = flows[unit.point];
        if (!flow) {
          env.post({ type: 'unitFailed', job, unit, message: `no flow for point ${unit.point}` });
          return;
        }
        const start = env.now();
        try {
          const run = runUnit(flow, unit);
          if (!run.ok) {
            // The job cannot give a document: the rest of this list would be wasted work.
            env.post({ type: 'unitHalted', job, unit, halt: run.halt, duration: run.duration });
            return;
          }
          env.post({ type: 'unitDone', job, unit, report: run.report, wallMs: env.now() - start });
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          env.post({ type: 'unitFailed', job, unit, message });
          return;
        }
      }
    },
  };
}
