// The engine host: owns one Simulation and paces it. Framework-free and clock-free — the wall
// clock, the timer and the outgoing channel are injected, so the Worker (worker.ts) and the tests
// run exactly the same code.
import type { CreateResult, Halt, Simulation, SimulationOptions } from '../engine/api';
import { snapshotArrays } from '../engine/snapshot';
import type { Flow } from '../model/flow';
import { FastSamples } from './fastSamples';
import { problemsWithNodes } from './problems';
import {
  MAX_REPORTS_PER_SECOND,
  MAX_SNAPSHOTS_PER_SECOND,
  MAX_SPEED,
  MIN_SPEED,
  type FromWorker,
  type HaltedMessage,
  type LoadOptions,
  type RunMode,
  type ToWorker,
  transferList,
} from './protocol';
import { SnapshotPool } from './snapshotPool';

export interface HostEnv {
  /** Wall clock in milliseconds (performance.now in the worker). */
  now(): number;
  /** Calls `fn` after `ms`; returns a canceller. */
  schedule(fn: () => void, ms: number): () => void;
  /** Sends a message; `transfer` lists buffers to move rather than copy. */
  post(msg: FromWorker, transfer: ArrayBuffer[]): void;
  create(flow: Flow, options: SimulationOptions): CreateResult;
}

/** Wall milliseconds between real-time ticks (one display frame). */
const FRAME_MS = 1000 / 60;
/** Wall milliseconds a fast-mode tick may compute before yielding so `pause` stays responsive. */
const FAST_SLICE_MS = 12;
/** Events per engine call between clock checks in fast mode. */
const FAST_CHUNK = 4096;
/** Events a real-time tick may process; beyond it the run falls behind the wall clock. */
const REALTIME_BUDGET = 200_000;
const SNAPSHOT_GAP_MS = 1000 / MAX_SNAPSHOTS_PER_SECOND;
const REPORT_GAP_MS = 1000 / MAX_REPORTS_PER_SECOND;

export const clampSpeed = (s: number): number =>
  Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1;

export interface Host {
  handle(msg: ToWorker): void;
  destroy(): void;
}

export function createHost(env: HostEnv): Host {
  let sim: Simulation | null = null;
  let flow: Flow | null = null;
  let options: LoadOptions | null = null;
  let pool: SnapshotPool | null = null;
  let samples: FastSamples | null = null;
  /** Edits waiting for a reset; a reset then rebuilds from the latest flow. */
  let pendingReset: string[] = [];
  let running = false;
  let mode: RunMode = 'realtime';
  let speed = 1;
  let clock = 0; // the simulated time shown: sim.now, or the real-time target reached
  let anchorWall = 0;
  let anchorSim = 0;
  let lastSnapshotWall = -Infinity;
  let lastReportWall = -Infinity;
  /** Wall milliseconds spent computing this run (since load or reset): the report's wallMs. */
  let computeMs = 0;
  let cancelTick: (() => void) | null = null;

  const fail = (err: unknown): void => {
    stopLoop();
    const message = err instanceof Error ? err.message : String(err);
    env.post({ type: 'error', problems: [{ path: '', message: `the simulation stopped: ${message}` }] }, []);
  };

  function stopLoop(): void {
    running = false;
    cancelTick?.();
    cancelTick = null;
  }

  function sendSnapshot(now: number, effectiveSpeed: number, must = false): void {
    if (!sim || !pool) return;
    const buffers = pool.take(must);
    // Every buffer set is still with the UI: skip this frame rather than allocate.
    if (!buffers) return;
    // The engine fills the pooled arrays, or returns new ones if they do not fit its layout:
    // what it returns is what goes out.
    const out = snapshotArrays(sim.snapshot({ time: clock, events: 0, done: false, ...buffers }));
    lastSnapshotWall = now;
    const transfer = transferList(out);
    const batch = samples?.drain();
    if (batch) transfer.push(batch.buffer as ArrayBuffer);
    env.post(
      {
        type: 'snapshot',
        time: clock,
        events: sim.events,
        done: sim.done,
        wall: now,
        speed: effectiveSpeed,
        buffers: out,
        ...(batch ? { samples: batch } : {}),
      },
      transfer,
    );
  }

  function sendReport(now: number): void {
    if (!sim) return;
    lastReportWall = now;
    const report = sim.report();
    report.wallMs = Math.round(computeMs * 1000) / 1000;
    env.post({ type: 'report', report }, []);
  }

  /** Snapshot + report right away: after a user action, not rate-limited by the loop. */
  function flush(): void {
    const now = env.now();
    sendSnapshot(now, running ? speed : 0, true);
    sendReport(now);
  }

  const end = (): number => options?.duration ?? Infinity;

  function haltedMessage(h: Halt): HaltedMessage {
    const problem = { path: h.path ?? '', message: h.message, ...(h.nodeId ? { nodeId: h.nodeId } : {}) };
    return { type: 'halted', time: h.time, problem };
  }

  function finished(): boolean {
    return !!sim && (sim.done || clock >= end() || (mode === 'fast' && sim.nextEventTime() > end()));
  }

  function tick(): void {
    cancelTick = null;
    if (!running || !sim) return;
    try {
      const now = env.now();
      if (mode === 'realtime') advanceRealtime(now);
      else advanceFast(now);
      const after = env.now();
      computeMs += after - now;
      const done = finished();
      if (done) clock = Math.min(Math.max(clock, sim.now), end());
      if (done || after - lastSnapshotWall + 0.5 >= SNAPSHOT_GAP_MS) {
        sendSnapshot(
          after,
          mode === 'fast' ? (clock - anchorSim) / Math.max(1e-3, (after - anchorWall) / 1000) : speed,
          done,
        );
        if (mode === 'fast')
          env.post({ type: 'progress', fraction: Math.min(1, clock / end()), time: clock }, []);
      }
      if (done || after - lastReportWall >= REPORT_GAP_MS) sendReport(after);
      if (done) {
        stopLoop();
        env.post(sim.halted ? haltedMessage(sim.halted) : { type: 'done', time: clock }, []);
        return;
      }
      cancelTick = env.schedule(tick, mode === 'fast' ? 0 : FRAME_MS);
    } catch (err) {
      fail(err);
    }
  }

  function advanceRealtime(now: number): void {
    const s = sim!;
    const target = Math.min(end(), anchorSim + ((now - anchorWall) / 1000) * speed);
    const n = s.advanceTo(target, REALTIME_BUDGET);
    if (n >= REALTIME_BUDGET) {
      // Too much work for one frame: show where the engine got to and re-anchor, so the run
      // slows down instead of piling up debt it could never repay.
      clock = s.now;
      anchorSim = clock;
      anchorWall = now;
    } else {
      clock = Math.max(clock, target);
    }
  }

  function advanceFast(now: number): void {
    const s = sim!;
    const stop = end();
    for (;;) {
      // Stop at each chart sample time on the way; the engine's results do not depend on it.
      const target = samples ? Math.min(stop, samples.next) : stop;
      const n = s.advanceTo(target, FAST_CHUNK);
      clock = Math.max(clock, s.now);
      if (n < FAST_CHUNK || s.done) {
        if (samples && target < stop && !s.done) {
          clock = Math.max(clock, target);
          samples.take(s, target);
        } else {
          if (s.nextEventTime() > stop) clock = Math.max(clock, stop);
          return;
        }
      }
      if (env.now() - now >= FAST_SLICE_MS) return;
    }
  }

  function build(next: Flow, opts: LoadOptions): boolean {
    stopLoop();
    const result = env.create(next, { seed: opts.seed, duration: opts.duration, warmup: opts.warmup });
    if (!result.ok) {
      sim = null;
      env.post({ type: 'error', problems: problemsWithNodes(next, result.problems) }, []);
      return false;
    }
    sim = result.sim;
    flow = next;
    options = opts;
    pendingReset = [];
    clock = 0;
    computeMs = 0;
    pool = new SnapshotPool(sim);
    samples = Number.isFinite(opts.duration) ? new FastSamples(sim, next, opts.duration) : null;
    env.post({ type: 'ready', layout: sim.layout, options: opts }, []);
    flush();
    return true;
  }

  function pause(): void {
    const wasRunning = running;
    stopLoop();
    if (sim && wasRunning) {
      env.post({ type: 'paused', time: clock }, []);
      flush();
    }
  }

  function resetTo(seed: number): void {
    if (!flow || !options) return;
    const opts = { ...options, seed };
    if (pendingReset.length > 0 || !sim) {
      if (!build(flow, opts)) return;
    } else {
      stopLoop();
      sim.reset(seed);
      options = opts;
      clock = 0;
      computeMs = 0;
      samples = Number.isFinite(opts.duration) ? new FastSamples(sim, flow, opts.duration) : null;
      flush();
    }
    env.post({ type: 'resetDone', seed }, []);
  }

  function handle(msg: ToWorker): void {
    try {
      switch (msg.type) {
        case 'load':
          build(msg.flow, msg.options);
          return;
        case 'run':
          if (!sim) return;
          stopLoop();
          mode = msg.mode;
          speed = clampSpeed(msg.speed);
          if (finished()) {
            env.post({ type: 'done', time: clock }, []);
            return;
          }
          running = true;
          samples?.skipTo(clock);
          anchorWall = env.now();
          anchorSim = clock;
          cancelTick = env.schedule(tick, 0);
          return;
        case 'pause':
          pause();
          return;
        case 'step': {
          if (!sim) return;
          stopLoop();
          const started = env.now();
          if (msg.slice !== undefined) {
            sim.advanceTo(Math.min(end(), clock + msg.slice));
            clock = Math.min(end(), Math.max(clock + msg.slice, sim.now));
          } else {
            sim.step(Math.max(1, Math.floor(msg.events ?? 1)));
            clock = Math.max(clock, sim.now);
          }
          computeMs += env.now() - started;
          env.post({ type: 'paused', time: clock }, []);
          flush();
          if (sim.halted) env.post(haltedMessage(sim.halted), []);
          return;
        }
        case 'reset':
          resetTo(msg.seed ?? options?.seed ?? 0);
          return;
        case 'setSeed':
          resetTo(msg.seed);
          return;
        case 'setSpeed':
          // Re-anchor so the clock continues from where it is at the new rate, without a jump.
          anchorSim = clock;
          anchorWall = env.now();
          speed = clampSpeed(msg.speed);
          return;
        case 'update': {
          flow = msg.flow;
          if (!sim) return;
          // The whole list as of this edit: a change undone before the reset no longer waits for it.
          pendingReset = sim.update(msg.flow);
          env.post({ type: 'updated', pendingReset }, []);
          return;
        }
        case 'returnBuffers':
          pool?.give(msg.buffers);
          return;
      }
    } catch (err) {
      fail(err);
    }
  }

  return {
    handle,
    destroy: () => {
      stopLoop();
      sim = null;
    },
  };
}
