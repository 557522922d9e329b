// Experiments: sweeps over a field with replications, SLO checks and the search for the smallest
// value that meets them. Pure, so the CLI's worker threads and the app's Web Workers run the same.
export { t975 } from './aggregate';
export { SweepFold } from './fold';
export { Bisection, meetsWithConfidence, pointFlows, sweepDocument, unitsOf } from './run';
export { mergeShards, shardDocument, sweepFingerprint, type ShardOf } from './shards';
export { runTimesOf, runUnit, type RunTimes, type UnitRun } from './unit';
export { applySweepValue, parseSweep, MAX_SWEEP_POINTS, MAX_SWEEP_RUNS } from './sweep';
export type { ReportStat, SweepDocument, SweepPoint, SweepShard, SweepSpec, SweepUnit } from './types';
