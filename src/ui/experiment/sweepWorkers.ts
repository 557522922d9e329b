// The app's sweep pool: one dedicated Web Worker per core (capped), started on the first sweep
// and kept warm between sweeps; Cancel terminates them and the next sweep starts new ones.
import { createSweepPool, poolSize, type SweepPool } from '../../runtime/sweepPool';

export function createSweepWorkers(): SweepPool {
  return createSweepPool(
    () => new Worker(new URL('../../runtime/sweepWorker.ts', import.meta.url), { type: 'module' }),
    poolSize(navigator.hardwareConcurrency),
  );
}
