// createSimulation: validation, then the Simulation interface of api.ts over the Engine core.
import { DEFAULT_SETTINGS } from '../model/defaults';
import type { Flow } from '../model/flow';
import { runnableProblems } from '../model/runnable';
import { parseFlow } from '../model/validate';
import {
  DEFAULT_LIMITS,
  type CreateResult,
  type Simulation,
  type SimulationOptions,
  type SimulationReport,
} from './api';
import { applyEdit, planEdits, withEdits } from './edits';
import { Engine } from './engine';
import type { Series } from './metrics';
import { buildReport, fillSnapshot, layoutOf } from './report';
import { compileTopology } from './topology';

/** A Simulation plus what the CLI and tests read beyond api.ts. */
export interface EngineSimulation extends Simulation {
  /** Time series at `seriesInterval` (the last 600 samples). */
  series(): Series;
  /** Copies found in queues, workers and on wires: equals totals.inFlight when the books balance. */
  audit(): number;
}

/** Options default to the flow's settings, then DEFAULT_SETTINGS. */
export function createSimulation(input: unknown, options: Partial<SimulationOptions> = {}): CreateResult {
  const parsed = parseFlow(input);
  if (!parsed.ok) return parsed;
  const problems = runnableProblems(parsed.flow);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, sim: simulate(parsed.flow, options) };
}

/** Like createSimulation, returning the wider EngineSimulation; throws on a bad flow. */
export function createEngineSimulation(
  input: unknown,
  options: Partial<SimulationOptions> = {},
): EngineSimulation {
  const r = createSimulation(input, options);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.sim as EngineSimulation;
}

function simulate(flow: Flow, options: Partial<SimulationOptions>): EngineSimulation {
  const s = flow.settings;
  const duration = options.duration ?? s?.duration ?? DEFAULT_SETTINGS.duration;
  const warmup = options.warmup ?? s?.warmup ?? DEFAULT_SETTINGS.warmup;
  const seriesInterval =
    options.seriesInterval ?? (Number.isFinite(duration) ? Math.max((duration - warmup) / 300, 1e-6) : 1);
  const lanes = options.lanes ?? true;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const build = (f: Flow, seed: number): Engine =>
    new Engine(compileTopology(f), { seed, duration, warmup, seriesInterval, lanes, limits });
  let engine = build(flow, options.seed ?? s?.seed ?? DEFAULT_SETTINGS.seed);
  // The flow the engine was built from; that flow as edited live since; the latest edit, which a
  // reset rebuilds from when some change needed one.
  let built = flow;
  let running = flow;
  let latest = flow;
  let stale = false;
  let layout = layoutOf(engine);
  return {
    get layout() {
      return layout;
    },
    get now() {
      return engine.now;
    },
    get events() {
      return engine.events;
    },
    get done() {
      return engine.done;
    },
    get halted() {
      return engine.halted;
    },
    advanceTo: (t, maxEvents = Infinity) => engine.run(t, maxEvents),
    step: (n) => engine.run(Infinity, n),
    nextEventTime: () => engine.heap.peekTime(),
    snapshot: (into) => fillSnapshot(engine, into),
    report: (): SimulationReport => buildReport(engine),
    reset: (seed?: number) => {
      if (stale) {
        engine = build(latest, seed ?? engine.seed);
        built = running = latest;
        layout = layoutOf(engine);
        stale = false;
      } else engine.reset(seed ?? engine.seed);
    },
    update: (input: Flow) => {
      const parsed = parseFlow(input);
      if (!parsed.ok) return parsed.problems.map((p) => p.path);
      const problems = runnableProblems(parsed.flow);
      if (problems.length > 0) return problems.map((p) => p.path);
      const plan = planEdits(built, running, parsed.flow);
      for (const edit of plan.live) applyEdit(engine, edit);
      running = withEdits(running, plan.live);
      latest = parsed.flow;
      stale = plan.needsReset.length > 0;
      return plan.needsReset;
    },
    series: () => engine.metrics.series(),
    audit: () => engine.audit(),
  };
}
