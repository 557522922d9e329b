// Dependencies: a database or API called synchronously by handlers (calls.ts). Its pool is held
// in the handlers' tables (`concurrency` is the pool, `service`, `failureRate`), so the snapshot's
// workers and utilization and the slow and fail faults read it as they read a handler's.
import { FIELD_DEFAULTS } from '../../model/defaults';
import { moments } from '../../model/theory';
import { compileDist } from '../distributions';
import { C_OUT } from '../metrics';
import type { EngineKind } from './types';

export const dependencyKind: EngineKind<'dependency'> = {
  compile(topo, n, c) {
    topo.concurrency[n] = c.pool;
    topo.service[n] = compileDist(c.service);
    topo.serviceMean[n] = moments(c.service).mean;
    topo.failureRate[n] = c.failureRate ?? FIELD_DEFAULTS.failureRate;
  },
  // Answers given, successful or not: goodput is the callers' completions.
  throughput: C_OUT,
  capacity: () => Infinity,
  workers: (eng, n) => eng.topo.concurrency[n]!,
};
