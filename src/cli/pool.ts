// Runs a sweep's units on `jobs` threads: this one and jobs − 1 worker threads. This thread
// starts at once and takes one unit at a time, yielding between them to hear from the workers,
// so a worker's start (about 0.2–0.4 s) costs only that worker's share. Each worker is sent the
// plan once and then lists of units, shrinking as the sweep nears its end (guided
// self-scheduling: long lists while there is plenty left, short ones so that the threads
// finish together), two lists queued so that it never waits for the next. Outcomes come back
// in any order, each handed on at once: a sweep folds it into its point (in replication order,
// whatever the order of arrival) and lets it go, a shard keeps it for its document.
import type * as Esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Halt, SimulationReport } from '../engine/api';
import { runUnit, type SweepUnit, type UnitRun } from '../engine/experiment';
import type { FromWorker, SweepPlan, ToWorker } from './sweepUnit';

export type PoolResult =
  | {
      ok: true;
      /** Units each thread ran, this one first: tests hold the pool to sharing the work. */
      perThread: number[];
    }
  /** A guard stopped a run (the first seen); the others were abandoned. */
  | { ok: false; unit: SweepUnit; halt: Halt; duration: number };

/** Lists per thread the remaining units are cut into: a larger number balances the end better. */
const LISTS_PER_THREAD = 4;

/**
 * Runs every unit on `jobs` threads (at most one per unit), giving each report to `onReport` as
 * it comes (in any order) and then telling `onDone` how many have finished. Ends at the first
 * run a guard stopped. Rejects only on a bug (a worker that throws or dies).
 */
export async function runUnits(
  plan: SweepPlan,
  units: readonly SweepUnit[],
  jobs: number,
  onReport: (unit: SweepUnit, report: SimulationReport) => void,
  onDone?: (done: number) => void,
): Promise<PoolResult> {
  const threads = Math.max(1, Math.min(jobs, units.length));
  let done = 0;
  const perThread = Array.from({ length: threads }, () => 0);
  // Changed by the workers' callbacks as well as by this thread's loop.
  const state = {
    next: 0,
    end: null as PoolResult | null,
    failed: null as { error: unknown } | null,
    stopped: false,
    wake: () => {},
  };
  const over = () => state.end !== null || state.failed !== null;

  const take = (out: UnitRun, thread: number) => {
    if (over()) return;
    if (!out.ok) state.end = { ok: false, unit: out.unit, halt: out.halt, duration: out.duration };
    else {
      onReport(out.unit, out.report);
      perThread[thread]!++;
      done++;
      onDone?.(done);
      if (done === units.length) state.end = { ok: true, perThread };
    }
    if (over()) state.wake();
  };
  const fail = (error: unknown) => {
    if (state.stopped || over()) return;
    state.failed = { error };
    state.wake();
  };
  const feed = (w: Worker) => {
    if (state.next >= units.length || over()) return;
    const size = Math.max(1, Math.ceil((units.length - state.next) / (LISTS_PER_THREAD * threads)));
    send(w, { type: 'units', units: units.slice(state.next, state.next + size) });
    state.next += size;
  };

  const workers: Worker[] = [];
  const startWorkers = async () => {
    const source = await workerSource();
    for (let i = 1; i < threads && !state.stopped && !over(); i++) {
      const w = startWorker(source);
      workers.push(w);
      w.on('message', (m: FromWorker) => (m.type === 'outcome' ? take(m.outcome, i) : feed(w)));
      w.on('error', fail);
      w.on('exit', (code) => fail(new Error(`a sweep worker thread exited (code ${code}) before the end`)));
      send(w, { type: 'plan', plan });
      feed(w);
      feed(w);
    }
  };

  const helpers = (threads > 1 ? startWorkers() : Promise.resolve()).catch(fail);
  try {
    // This thread's share: one unit at a time, so that it is never the one the others wait for.
    while (!over() && state.next < units.length) {
      const unit = units[state.next++]!;
      take(runUnit(plan.flows[unit.point]!, unit, plan.limits), 0);
      if (threads > 1) await new Promise((resolve) => setImmediate(resolve));
    }
    // What the workers still hold.
    while (!over()) await new Promise<void>((resolve) => (state.wake = resolve));
    if (state.failed) throw state.failed.error;
    return state.end!;
  } finally {
    state.stopped = true;
    await helpers;
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

const send = (w: Worker, m: ToWorker) => w.postMessage(m);

type WorkerSource = { file: URL } | { code: string };

const startWorker = (source: WorkerSource): Worker =>
  'file' in source ? new Worker(source.file) : new Worker(source.code, { eval: true });

/**
 * sweepWorker.ts, as a worker can start it. From the bundle bin/eventflow.mjs builds, this module
 * is a .mjs file with the worker's bundle beside it. Run as TypeScript (npm run simulate, tests,
 * benches), the worker's code is bundled here, once per process: a worker that registered tsx and
 * imported the sources would take over a second to start (each module through the loader's
 * hooks), against about 0.2 s to bundle and 0.2 s to start from one script.
 */
function workerSource(): Promise<WorkerSource> {
  const here = import.meta.url;
  if (here.endsWith('.mjs')) return Promise.resolve({ file: new URL('./sweepWorker.mjs', here) });
  bundled ??= bundleWorker().then((code) => ({ code }));
  return bundled;
}
let bundled: Promise<WorkerSource> | undefined;

async function bundleWorker(): Promise<string> {
  // tsx's own esbuild: wherever this file runs as TypeScript, tsx and so esbuild are installed.
  const esbuild = createRequire(import.meta.resolve('tsx/package.json'))('esbuild') as typeof Esbuild;
  const built = await esbuild.build({
    entryPoints: [fileURLToPath(new URL('./sweepWorker.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  return built.outputFiles[0]!.text;
}
