// The UI side of the runtime: framework-free. It sends commands, keeps the newest snapshot in a
// mutable holder (read by the canvas overlay every frame, never through React), and publishes a
// small immutable RunState at most MAX_COMMITS_PER_SECOND times a second for React to render.
import type { SimulationReport, SnapshotLayout } from '../engine/api';
import type { Flow } from '../model/flow';
import {
  isFromWorker,
  transferList,
  type FromWorker,
  type LoadOptions,
  type RunMode,
  type RunProblem,
  type SnapshotMessage,
  type ToWorker,
} from './protocol';

/** What the client talks through: a Worker, or one end of a MessageChannel. */
export interface RunPort {
  postMessage(msg: ToWorker, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'messageerror' | 'error', listener: (e: Event) => void): void;
  removeEventListener(type: 'message' | 'messageerror' | 'error', listener: (e: Event) => void): void;
}

export type RunStatus = 'empty' | 'ready' | 'running' | 'paused' | 'done' | 'error';

export interface RunState {
  status: RunStatus;
  mode: RunMode;
  speed: number;
  seed: number;
  /** Simulated seconds. */
  time: number;
  events: number;
  duration: number;
  /** Fast mode, 0..1. */
  progress: number;
  layout: SnapshotLayout | null;
  report: SimulationReport | null;
  problems: RunProblem[];
  /** Why a guard stopped the run before its end (its figures stay), or null. */
  halt: RunProblem | null;
  /** Edits that only take effect after Reset. */
  pendingReset: string[];
}

/** The newest snapshot and its layout; replaced in place, read by per-frame consumers. */
export interface SnapshotHolder {
  layout: SnapshotLayout | null;
  snapshot: SnapshotMessage | null;
  /** Increments on every snapshot and on every (re)load, so readers can tell what changed. */
  version: number;
  /** Increments when the run goes back to time 0 (reset, reload): consumers drop history. */
  epoch: number;
}

export interface ClientEnv {
  now(): number;
  schedule(fn: () => void, ms: number): () => void;
}

const MAX_COMMITS_PER_SECOND = 10;
const COMMIT_GAP_MS = 1000 / MAX_COMMITS_PER_SECOND;

export const initialRunState: RunState = {
  status: 'empty',
  mode: 'realtime',
  speed: 1,
  seed: 1,
  time: 0,
  events: 0,
  duration: Infinity,
  progress: 0,
  layout: null,
  report: null,
  problems: [],
  halt: null,
  pendingReset: [],
};

export interface RunClient {
  readonly holder: SnapshotHolder;
  load(flow: Flow, options: LoadOptions): void;
  run(mode: RunMode, speed: number): void;
  pause(): void;
  step(by: { events: number } | { slice: number }): void;
  reset(seed?: number): void;
  /** Chooses the mode and speed: applied now when running, else remembered for the next run. */
  setSpeed(mode: RunMode, speed: number): void;
  /** Chooses the seed: a loaded run restarts under it, else it is used by the next load. */
  setSeed(seed: number): void;
  update(flow: Flow): void;
  getState(): RunState;
  /** Throttled: at most MAX_COMMITS_PER_SECOND calls a second, plus one per user-visible transition. */
  subscribe(listener: () => void): () => void;
  /** Every snapshot, unthrottled (≤ 30/s): for series accumulation and overlays. */
  onSnapshot(listener: (holder: SnapshotHolder) => void): () => void;
  destroy(): void;
}

export function createRunClient(port: RunPort, env: ClientEnv): RunClient {
  let state: RunState = initialRunState;
  const holder: SnapshotHolder = { layout: null, snapshot: null, version: 0, epoch: 0 };
  const listeners = new Set<() => void>();
  const snapshotListeners = new Set<(h: SnapshotHolder) => void>();
  let lastCommit = -Infinity;
  let cancelCommit: (() => void) | null = null;

  const send = (msg: ToWorker, transfer: Transferable[] = []): void => port.postMessage(msg, transfer);

  function commitNow(): void {
    cancelCommit?.();
    cancelCommit = null;
    lastCommit = env.now();
    for (const l of listeners) l();
  }
  /** Coalesces frequent changes (clock, progress, reports) into ≤ 10 commits a second. */
  function commitSoon(): void {
    if (cancelCommit) return;
    const wait = Math.max(0, lastCommit + COMMIT_GAP_MS - env.now());
    cancelCommit = env.schedule(commitNow, wait);
  }
  const set = (patch: Partial<RunState>, urgent: boolean): void => {
    state = { ...state, ...patch };
    if (urgent) commitNow();
    else commitSoon();
  };

  function onSnapshot(msg: SnapshotMessage): void {
    const previous = holder.snapshot;
    holder.snapshot = msg;
    holder.version++;
    for (const l of snapshotListeners) l(holder);
    // The previous arrays go back to the worker's pool; readers copy what they keep.
    if (previous) send({ type: 'returnBuffers', buffers: previous.buffers }, transferList(previous.buffers));
    if (msg.time !== state.time || msg.events !== state.events)
      set({ time: msg.time, events: msg.events }, false);
  }

  function receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        holder.layout = msg.layout;
        holder.snapshot = null;
        holder.version++;
        holder.epoch++;
        set(
          {
            // A Run pressed before the worker answered stands.
            status: state.status === 'running' ? 'running' : 'ready',
            layout: msg.layout,
            seed: msg.options.seed,
            duration: msg.options.duration,
            time: 0,
            events: 0,
            progress: 0,
            report: null,
            problems: [],
            halt: null,
            pendingReset: [],
          },
          true,
        );
        return;
      case 'snapshot':
        onSnapshot(msg);
        return;
      case 'progress':
        set({ progress: msg.fraction }, false);
        return;
      case 'report':
        set({ report: msg.report }, false);
        return;
      case 'paused':
        // A pause (or step) answered after the user already pressed Run again is stale.
        set({ status: state.status === 'running' ? 'running' : 'paused', time: msg.time }, true);
        return;
      case 'done':
        set({ status: 'done', time: msg.time, progress: 1 }, true);
        return;
      case 'halted':
        set({ status: 'done', time: msg.time, halt: msg.problem }, true);
        return;
      case 'resetDone':
        holder.epoch++;
        set(
          {
            status: state.status === 'running' ? 'running' : 'ready',
            seed: msg.seed,
            time: 0,
            events: 0,
            progress: 0,
            halt: null,
            pendingReset: [],
          },
          true,
        );
        return;
      case 'updated':
        set({ pendingReset: msg.pendingReset }, true);
        return;
      case 'error':
        set({ status: 'error', problems: msg.problems }, true);
        return;
    }
  }

  const onMessage = (e: Event): void => {
    const data: unknown = (e as MessageEvent).data;
    if (isFromWorker(data)) receive(data);
  };
  // A worker that fails to load or throws outside the host's guard, or a message that cannot be
  // decoded: stop and say so rather than sit silently.
  const onError = (e: Event): void => {
    const message = e instanceof ErrorEvent && e.message ? e.message : 'the simulation worker failed';
    set({ status: 'error', problems: [{ path: '', message }] }, true);
  };
  const onMessageError = (): void => {
    set(
      { status: 'error', problems: [{ path: '', message: 'a message from the worker could not be read' }] },
      true,
    );
  };
  port.addEventListener('message', onMessage);
  port.addEventListener('error', onError);
  port.addEventListener('messageerror', onMessageError);

  return {
    holder,
    load(flow, options) {
      set({ status: 'empty', problems: [], seed: options.seed, duration: options.duration }, true);
      send({ type: 'load', flow, options });
    },
    run(mode, speed) {
      set({ status: 'running', mode, speed }, true);
      send({ type: 'run', mode, speed });
    },
    pause() {
      if (state.status === 'running') set({ status: 'paused' }, true);
      send({ type: 'pause' });
    },
    step(by) {
      send('events' in by ? { type: 'step', events: by.events } : { type: 'step', slice: by.slice });
    },
    reset(seed) {
      // The host stops on reset; say so now so a Run pressed next is not undone by the answer.
      if (state.status === 'running' || state.status === 'done') set({ status: 'ready' }, true);
      send(seed === undefined ? { type: 'reset' } : { type: 'reset', seed });
    },
    setSpeed(mode, speed) {
      const { status, mode: was } = state;
      set({ mode, speed }, true);
      if (status !== 'running') return;
      if (mode !== was) send({ type: 'run', mode, speed });
      else send({ type: 'setSpeed', speed });
    },
    setSeed(seed) {
      const { status } = state;
      set({ seed }, true);
      if (status !== 'empty' && status !== 'error') send({ type: 'setSeed', seed });
    },
    update: (flow) => send({ type: 'update', flow }),
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onSnapshot(listener) {
      snapshotListeners.add(listener);
      return () => snapshotListeners.delete(listener);
    },
    destroy() {
      cancelCommit?.();
      listeners.clear();
      snapshotListeners.clear();
      port.removeEventListener('message', onMessage);
      port.removeEventListener('error', onError);
      port.removeEventListener('messageerror', onMessageError);
    },
  };
}
