// The UI side of sweeps: a pool of dedicated sweep workers (sweepWorker.ts). A job's point flows
// go to each worker once; units follow a couple at a time, handed to whichever worker answers, so
// a slow unit never holds the others up. Results come back in any order and are handed on as
// they come (runtime/sweeps.ts folds each into its point and lets it go). A run a guard stopped
// ends the job: its figures cover only part of the run, so no document can be made. Cancel
// terminates the workers outright: a unit in the middle of a long run stops too.
// Framework-free: the worker factory is handed in, so tests run hosts in-process.
import type { Halt, SimulationReport } from '../engine/api';
import type { SweepUnit } from '../engine/experiment';
import type { Flow } from '../model/flow';
import { isFromSweepWorker, type FromSweepWorker, type ToSweepWorker } from './protocol';

/** What the pool talks through: a Worker, or a stand-in with the same three calls. */
export interface SweepPort {
  postMessage(msg: ToSweepWorker): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (e: Event) => void): void;
  terminate(): void;
}

export interface SweepJob {
  /** The flow of each point, validated (engine/experiment pointFlows). */
  flows: Flow[];
  units: SweepUnit[];
}

export interface UnitResult {
  unit: SweepUnit;
  report: SimulationReport;
  /** Wall time the worker spent on the unit. */
  wallMs: number;
}

/** How a job ended: every unit's result handed on, or the first run a guard stopped (the others abandoned). */
export type JobOutcome = { ok: true } | { ok: false; unit: SweepUnit; halt: Halt; duration: number };

/** Why a job's promise rejects when Cancel stopped it. */
export class SweepCancelled extends Error {
  constructor() {
    super('the sweep was cancelled');
    this.name = 'SweepCancelled';
  }
}

export interface SweepPool {
  /** Workers the pool runs at most. */
  readonly size: number;
  /**
   * Runs every unit of the job across the workers (no more workers than units), giving each
   * result to `onUnit` as it comes, in any order, with how many are done; resolves when all are,
   * or with the run a guard stopped. One job at a time.
   */
  run(job: SweepJob, onUnit: (result: UnitResult, done: number, total: number) => void): Promise<JobOutcome>;
  /** Stops the job under way at once (its promise rejects with SweepCancelled). Workers restart on the next run. */
  cancel(): void;
  destroy(): void;
}

/** Units a worker holds at once: one running and one waiting, so it never idles for a round trip. */
const IN_FLIGHT = 2;

/** Workers for a sweep on this machine: one per core, within reason (each holds an engine). */
export const poolSize = (cores: number | undefined): number =>
  Math.max(1, Math.min(8, Math.floor(cores ?? 2) || 2));

interface Running {
  onMessage(worker: number, msg: FromSweepWorker): void;
  fail(err: Error): void;
}

export function createSweepPool(spawn: () => SweepPort, size: number): SweepPool {
  let workers: SweepPort[] = [];
  let jobs = 0;
  let running: Running | null = null;

  const stopWorkers = (): void => {
    for (const w of workers) w.terminate();
    workers = [];
  };

  const start = (): SweepPort => {
    const index = workers.length;
    const port = spawn();
    port.addEventListener('message', (e) => {
      const data: unknown = (e as MessageEvent).data;
      if (isFromSweepWorker(data)) running?.onMessage(index, data);
    });
    // A worker that fails to load or whose message cannot be read: the job cannot finish.
    port.addEventListener('error', (e) => {
      const message = e instanceof ErrorEvent && e.message ? e.message : 'a sweep worker failed';
      running?.fail(new Error(message));
    });
    port.addEventListener('messageerror', () =>
      running?.fail(new Error('a message from a sweep worker could not be read')),
    );
    return port;
  };

  return {
    size,
    run(job, onUnit) {
      if (running) return Promise.reject(new Error('a sweep is already running'));
      const total = job.units.length;
      if (total === 0) return Promise.resolve({ ok: true });
      const id = ++jobs;
      const count = Math.min(size, total);
      while (workers.length < count) workers.push(start());
      const at = new Map(job.units.map((u, i) => [`${u.point}/${u.replication}`, i]));
      const answered = new Uint8Array(total);
      const held = new Array<number>(count).fill(0);
      let next = 0;
      let done = 0;

      return new Promise<JobOutcome>((resolve, reject) => {
        const feed = (w: number): void => {
          while (held[w]! < IN_FLIGHT && next < total) {
            held[w]!++;
            workers[w]!.postMessage({ type: 'sweepUnits', job: id, units: [job.units[next++]!] });
          }
        };
        let over = false;
        const end = (): void => {
          // The other workers may be mid-unit of a job that can no longer finish.
          over = true;
          stopWorkers();
          running = null;
        };
        const fail = (err: Error): void => {
          end();
          reject(err);
        };
        const onMessage = (w: number, msg: FromSweepWorker): void => {
          if (over || msg.job !== id) return;
          if (msg.type === 'unitFailed') {
            fail(new Error(msg.message));
            return;
          }
          if (msg.type === 'unitHalted') {
            end();
            resolve({ ok: false, unit: msg.unit, halt: msg.halt, duration: msg.duration });
            return;
          }
          const i = at.get(`${msg.unit.point}/${msg.unit.replication}`);
          if (i === undefined || answered[i]) return;
          answered[i] = 1;
          done++;
          held[w]!--;
          onUnit({ unit: job.units[i]!, report: msg.report, wallMs: msg.wallMs }, done, total);
          // The callback may have cancelled the job.
          if (over) return;
          if (done < total) {
            feed(w);
            return;
          }
          over = true;
          running = null;
          resolve({ ok: true });
        };
        running = { onMessage, fail };
        for (let w = 0; w < count; w++) {
          workers[w]!.postMessage({ type: 'sweepJob', job: id, flows: job.flows });
          feed(w);
        }
      });
    },
    cancel() {
      running?.fail(new SweepCancelled());
    },
    destroy() {
      running?.fail(new SweepCancelled());
      stopWorkers();
    },
  };
}
