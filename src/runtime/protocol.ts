// The one protocol between the UI (client.ts) and the simulation worker (host.ts / worker.ts).
// Both sides import this file and nothing else defines a message. Every message is a plain
// structured-clone-able object discriminated on `type`.
import type { Halt, SimulationReport } from '../engine/api';
import type { SweepUnit } from '../engine/experiment';
import { snapshotBuffers, type SnapshotArrays, type SnapshotLayout } from '../engine/snapshot';
import type { Flow } from '../model/flow';
import type { FlowProblem } from '../model/validate';

/** Real time follows the wall clock × speed; fast runs as many events as the CPU allows. */
export type RunMode = 'realtime' | 'fast';

/** The speed range the real-time mode accepts (simulated seconds per wall second). */
export const MIN_SPEED = 0.1;
export const MAX_SPEED = 100;
/** Snapshots per wall second, at most, whatever the simulation rate. */
export const MAX_SNAPSHOTS_PER_SECOND = 30;
/** Reports (per-node percentiles) per wall second, at most: a big flow's report costs the UI a clone. */
export const MAX_REPORTS_PER_SECOND = 1;
/** Chart samples a fast run takes over its duration (see SnapshotMessage.samples; rows of engine/snapshot's SAMPLE_ROW). */
export const SAMPLES_PER_RUN = 400;

export interface LoadOptions {
  seed: number;
  /** Simulated seconds; Infinity lets a real-time run go on until paused. */
  duration: number;
  warmup: number;
}

// ---------------------------------------------------------------- UI → worker

/** Build a simulation of `flow`; answered by `ready` (with the layout) or `error`. */
export interface LoadMessage {
  type: 'load';
  flow: Flow;
  options: LoadOptions;
}
/** Start or resume. Real time paces sim time to wall time × speed; fast runs flat out to duration. */
export interface RunMessage {
  type: 'run';
  mode: RunMode;
  speed: number;
}
/** Stop advancing; answered by `paused` with a final snapshot. */
export interface PauseMessage {
  type: 'pause';
}
/** Advance one event (`events`) or a small simulated time slice (`slice` seconds), then pause. */
export interface StepMessage {
  type: 'step';
  events?: number;
  slice?: number;
}
/** Back to time 0 with the same flow, optionally under another seed. */
export interface ResetMessage {
  type: 'reset';
  seed?: number;
}
/** Change the real-time speed factor without a pause. */
export interface SetSpeedMessage {
  type: 'setSpeed';
  speed: number;
}
/** Change the seed; it takes effect now (the run resets). */
export interface SetSeedMessage {
  type: 'setSeed';
  seed: number;
}
/** The flow was edited: apply live what can be, report the rest as `pendingReset`. */
export interface UpdateMessage {
  type: 'update';
  flow: Flow;
}
/** Hand a snapshot's arrays back to the worker's pool so they can be refilled without allocating. */
export interface ReturnBuffersMessage {
  type: 'returnBuffers';
  buffers: SnapshotArrays;
}

export type ToWorker =
  | LoadMessage
  | RunMessage
  | PauseMessage
  | StepMessage
  | ResetMessage
  | SetSpeedMessage
  | SetSeedMessage
  | UpdateMessage
  | ReturnBuffersMessage;

// ---------------------------------------------------------------- worker → UI

/** The flow was accepted; arrays in later snapshots are indexed by this layout. */
export interface ReadyMessage {
  type: 'ready';
  layout: SnapshotLayout;
  options: LoadOptions;
}
/**
 * The latest state, at most MAX_SNAPSHOTS_PER_SECOND times a second. `wall` is the host clock
 * in ms when it was taken, `speed` the effective sim-seconds per wall-second (for dot pacing).
 */
export interface SnapshotMessage {
  type: 'snapshot';
  time: number;
  events: number;
  done: boolean;
  wall: number;
  speed: number;
  /** The snapshot's arrays (engine/snapshot.ts), moved, not copied. */
  buffers: SnapshotArrays;
  /** Fast mode: chart samples taken since the previous snapshot, rows of SAMPLE_STRIDE (transferred). */
  samples?: Float64Array;
}
/** Fast mode: fraction of the duration covered (0..1). */
export interface ProgressMessage {
  type: 'progress';
  fraction: number;
  time: number;
}
/** The run is no longer advancing (after pause or step). */
export interface PausedMessage {
  type: 'paused';
  time: number;
}
/** The run reached its duration (or ran out of events). */
export interface DoneMessage {
  type: 'done';
  time: number;
}
/** Back at time 0 after `reset` / `setSeed`. */
export interface ResetDoneMessage {
  type: 'resetDone';
  seed: number;
}
/** Full figures incl. per-node percentiles, at most MAX_REPORTS_PER_SECOND a second while running. */
export interface ReportMessage {
  type: 'report';
  report: SimulationReport;
}
/** Answer to `update`: paths of edits that only apply after a reset (empty when all went live). */
export interface UpdatedMessage {
  type: 'updated';
  pendingReset: string[];
}
/**
 * A guard stopped the run (engine `Halt`: too many messages held, time not advancing, a
 * deadlock). Sent after the final snapshot and report, which keep the figures up to then.
 */
export interface HaltedMessage {
  type: 'halted';
  time: number;
  problem: RunProblem;
}
/**
 * The engine refused the flow or threw. `problems` name the node (by path and, where known,
 * id) and the reason; the run is stopped and the UI's flow is untouched.
 */
export interface ErrorMessage {
  type: 'error';
  problems: RunProblem[];
}

export interface RunProblem extends FlowProblem {
  /** The node the problem is about, when the path points into `nodes[i]`. */
  nodeId?: string;
}

export type FromWorker =
  | ReadyMessage
  | SnapshotMessage
  | ProgressMessage
  | PausedMessage
  | DoneMessage
  | ResetDoneMessage
  | ReportMessage
  | UpdatedMessage
  | HaltedMessage
  | ErrorMessage;

// ---------------------------------------------------------------- sweep workers
// A sweep's runs go to a pool of dedicated workers (sweepHost.ts), apart from the run worker, so a
// sweep never disturbs the flow on the canvas. Each worker is sent a job's point flows once, then
// units a few at a time; it answers every unit with its report, or says that a guard stopped it.

/**
 * A new job: the validated flow of each point (engine/experiment pointFlows). Each point's runs
 * last what its flow's settings say (runUnit reads them), within the engine's default limits.
 */
export interface SweepJobMessage {
  type: 'sweepJob';
  job: number;
  flows: Flow[];
}
/** Run these units of `job`, one after another, answering each with `unitDone`. */
export interface SweepUnitsMessage {
  type: 'sweepUnits';
  job: number;
  units: SweepUnit[];
}

export type ToSweepWorker = SweepJobMessage | SweepUnitsMessage;

/** One unit's report (its wall time 0, as runUnit leaves it), and the worker's wall time on it in ms. */
export interface UnitDoneMessage {
  type: 'unitDone';
  job: number;
  unit: SweepUnit;
  report: SimulationReport;
  wallMs: number;
}
/**
 * A guard stopped the unit's run (the message limit, time that does not advance, a deadlock):
 * its figures cover only part of the run, so the job cannot give a document. The worker runs
 * nothing more of the job.
 */
export interface UnitHaltedMessage {
  type: 'unitHalted';
  job: number;
  unit: SweepUnit;
  halt: Halt;
  /** The run's full length in simulated seconds (the halt's time is how far it got). */
  duration: number;
}
/** A unit could not run (the engine refused its flow or threw); the job cannot be completed. */
export interface UnitFailedMessage {
  type: 'unitFailed';
  job: number;
  unit: SweepUnit;
  message: string;
}

export type FromSweepWorker = UnitDoneMessage | UnitHaltedMessage | UnitFailedMessage;

/** The arrays of a snapshot message, for the transfer list of postMessage. */
export const transferList = (b: SnapshotArrays): ArrayBuffer[] => snapshotBuffers(b);

// ---------------------------------------------------------------- type guards

const TO_WORKER: ReadonlySet<string> = new Set<ToWorker['type']>([
  'load',
  'run',
  'pause',
  'step',
  'reset',
  'setSpeed',
  'setSeed',
  'update',
  'returnBuffers',
]);
const FROM_WORKER: ReadonlySet<string> = new Set<FromWorker['type']>([
  'ready',
  'snapshot',
  'progress',
  'paused',
  'done',
  'resetDone',
  'report',
  'updated',
  'halted',
  'error',
]);

const TO_SWEEP_WORKER: ReadonlySet<string> = new Set<ToSweepWorker['type']>(['sweepJob', 'sweepUnits']);
const FROM_SWEEP_WORKER: ReadonlySet<string> = new Set<FromSweepWorker['type']>([
  'unitDone',
  'unitHalted',
  'unitFailed',
]);

const typeOf = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null && typeof (v as { type?: unknown }).type === 'string'
    ? (v as { type: string }).type
    : undefined;

export function isToWorker(v: unknown): v is ToWorker {
  const t = typeOf(v);
  return t !== undefined && TO_WORKER.has(t);
}
export function isFromWorker(v: unknown): v is FromWorker {
  const t = typeOf(v);
  return t !== undefined && FROM_WORKER.has(t);
}
export function isToSweepWorker(v: unknown): v is ToSweepWorker {
  const t = typeOf(v);
  return t !== undefined && TO_SWEEP_WORKER.has(t);
}
export function isFromSweepWorker(v: unknown): v is FromSweepWorker {
  const t = typeOf(v);
  return t !== undefined && FROM_SWEEP_WORKER.has(t);
}
