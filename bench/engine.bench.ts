// `npm run bench`: the whole engine on producer → queue → handler (M/M/1, ρ = 0.8, every metric
// on) against the bare loop in baseline.ts, in the same process, and the same engine with its
// fast lanes off (lanes on ÷ off: what the lanes buy); a flow with Flow JSON v2's broker
// semantics (delivery window with network and acknowledgement time, a lease, Zipf keys) against
// the plain M/M/1; then memory over a 10-million-event run, sampled as it goes. Wall time is the host's to measure, so it lives here, not in the engine.
import { performance } from 'node:perf_hooks';
import { createEngineSimulation } from '../src/engine/simulation';
import type { Flow } from '../src/model/flow';
import { bareMM1 } from './baseline';

const LAMBDA = 0.8;
const MU = 1;
const JOBS = 3_000_000;
const WARMUP_ROUNDS = 2;
const ROUNDS = 7;

const flow: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'bench M/M/1',
  nodes: [
    {
      id: 'p',
      kind: 'producer',
      position: { x: 0, y: 0 },
      config: { eventType: 'job', interarrival: { dist: 'exponential', mean: 1 / LAMBDA } },
    },
    { id: 'q', kind: 'queue', position: { x: 0, y: 0 }, config: {} },
    {
      id: 'h',
      kind: 'handler',
      position: { x: 0, y: 0 },
      config: { concurrency: 1, service: { dist: 'exponential', mean: 1 / MU } },
    },
  ],
  edges: [
    { id: 'pq', source: 'p', target: 'q' },
    { id: 'qh', source: 'q', target: 'h' },
  ],
};

/** The same load through a broker's delivery machinery: every message pushed, leased, acknowledged. */
const broker: Flow = structuredClone(flow);
broker.name = 'bench broker';
Object.assign(broker.nodes[0]!.config, { keys: 100, keySkew: 1 });
Object.assign(broker.nodes[1]!.config, { lease: 30 });
Object.assign(broker.edges[1]!, {
  prefetch: 4,
  latency: { dist: 'constant', value: 0.01 },
  ackLatency: { dist: 'constant', value: 0.01 },
});
const BROKER_JOBS = JOBS / 3;

// CPU time of this process (user + system): less disturbed than wall time when the machine is
// shared, though still affected by contention for caches and cores.
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

interface Timing {
  wall: number;
  cpu: number;
}

function timeBare(): Timing {
  const t0 = performance.now();
  const c0 = cpuSeconds();
  const w = bareMM1(JOBS, LAMBDA, MU, 1);
  const cpu = cpuSeconds() - c0;
  const s = (performance.now() - t0) / 1000;
  if (Math.abs(w - 1 / (MU - LAMBDA)) > 0.5) throw new Error(`bare loop is wrong: W = ${w}`);
  return { wall: JOBS / s, cpu: JOBS / cpu };
}

function timeEngine(lanes = true): Timing {
  // Duration for about JOBS arrivals; jobs counted are the handler's completed services.
  const sim = createEngineSimulation(flow, { seed: 1, duration: JOBS / LAMBDA, warmup: 0, lanes });
  const t0 = performance.now();
  const c0 = cpuSeconds();
  sim.advanceTo(Infinity);
  const cpu = cpuSeconds() - c0;
  const s = (performance.now() - t0) / 1000;
  const r = sim.report();
  const w = r.nodes.h!.sojourn.mean;
  if (Math.abs(w - 1 / (MU - LAMBDA)) > 0.5) throw new Error(`engine is wrong: W = ${w}`);
  const jobs = r.nodes.h!.service.count;
  return { wall: jobs / s, cpu: jobs / cpu };
}

function timeBroker(): Timing {
  const sim = createEngineSimulation(broker, { seed: 1, duration: BROKER_JOBS / LAMBDA, warmup: 0 });
  const t0 = performance.now();
  const c0 = cpuSeconds();
  sim.advanceTo(Infinity);
  const cpu = cpuSeconds() - c0;
  const s = (performance.now() - t0) / 1000;
  const r = sim.report();
  // The window of 4 keeps the one worker fed, so the bus's wait is M/M/1's (service 1/μ).
  const w = r.nodes.h!.wait.mean + r.nodes.h!.service.mean;
  if (Math.abs(w - 1 / (MU - LAMBDA)) > 0.5) throw new Error(`broker flow is wrong: W = ${w}`);
  const jobs = r.nodes.h!.service.count;
  return { wall: jobs / s, cpu: jobs / cpu };
}

const fmt = (x: number) => `${(x / 1e6).toFixed(2)} M jobs/s`;
const mb = (x: number) => `${(x / 1048576).toFixed(1)} MB`;

// Warm-up rounds for all three (JIT tiers, caches), not counted.
for (let i = 0; i < WARMUP_ROUNDS; i++) {
  timeBare();
  timeEngine();
  timeEngine(false);
  timeBroker();
}
const bare: Timing[] = [];
const engine: Timing[] = [];
const noLanes: Timing[] = [];
const brokered: Timing[] = [];
// Interleaved rounds, so that all see the same machine conditions; which goes first alternates.
for (let i = 0; i < ROUNDS; i++) {
  if (i % 2 === 0) {
    bare.push(timeBare());
    engine.push(timeEngine());
  } else {
    engine.push(timeEngine());
    bare.push(timeBare());
  }
  noLanes.push(timeEngine(false));
  brokered.push(timeBroker());
}
const best = (ts: Timing[], k: keyof Timing) => Math.max(...ts.map((t) => t[k]));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
// Per round, engine ÷ bare loop measured back to back: the pair shares the machine's conditions.
const paired = engine.map((e, i) => e.wall / bare[i]!.wall);
console.log(
  `M/M/1, rho = ${LAMBDA / MU}, ${JOBS.toLocaleString('en')} jobs per run, ${WARMUP_ROUNDS} warm-up + ${ROUNDS} measured rounds each`,
);
console.log(
  `  bare loop:   ${fmt(best(bare, 'wall'))} best   (runs: ${bare.map((t) => fmt(t.wall)).join(', ')})`,
);
console.log(
  `  engine:      ${fmt(best(engine, 'wall'))} best   (runs: ${engine.map((t) => fmt(t.wall)).join(', ')})`,
);
console.log(
  `  ratio:       ${(best(engine, 'wall') / best(bare, 'wall')).toFixed(2)} best ÷ best, ` +
    `${(median(engine.map((t) => t.wall)) / median(bare.map((t) => t.wall))).toFixed(2)} median ÷ median, ` +
    `per round ${median(paired).toFixed(2)} median (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})   (target ≥ 0.50)`,
);
console.log(
  `  by CPU time: bare ${fmt(best(bare, 'cpu'))}, engine ${fmt(best(engine, 'cpu'))}, ratio ${(best(engine, 'cpu') / best(bare, 'cpu')).toFixed(2)}`,
);
const lanesGain = engine.map((e, i) => e.wall / noLanes[i]!.wall);
console.log(
  `  lanes off:   ${fmt(best(noLanes, 'wall'))} best   (runs: ${noLanes.map((t) => fmt(t.wall)).join(', ')})`,
);
console.log(
  `  lanes on ÷ off: per round ${median(lanesGain).toFixed(2)} median (${Math.min(...lanesGain).toFixed(2)}–${Math.max(...lanesGain).toFixed(2)})`,
);
const brokerRatio = brokered.map((b, i) => b.wall / engine[i]!.wall);
console.log(
  `  broker flow: ${fmt(best(brokered, 'wall'))} best; ÷ plain M/M/1 per round ${median(brokerRatio).toFixed(2)} median ` +
    `(${Math.min(...brokerRatio).toFixed(2)}–${Math.max(...brokerRatio).toFixed(2)})   (prefetch 4, 10 ms each way, lease, 100 Zipf keys)`,
);

// Memory over 10 million events: heap and RSS sampled every million events.
const EVENTS = 10_000_000;
globalThis.gc?.();
const sim = createEngineSimulation(flow, { seed: 2, duration: Infinity, warmup: 0, seriesInterval: 1 });
const samples: { events: number; heap: number; rss: number }[] = [];
const t0 = performance.now();
while (sim.events < EVENTS) {
  sim.step(1_000_000);
  const m = process.memoryUsage();
  samples.push({ events: sim.events, heap: m.heapUsed, rss: m.rss });
}
const wall = (performance.now() - t0) / 1000;
const peakHeap = Math.max(...samples.map((s) => s.heap));
const peakRss = Math.max(...samples.map((s) => s.rss));
console.log(
  `memory over ${EVENTS.toLocaleString('en')} events (${(EVENTS / wall / 1e6).toFixed(2)} M events/s):`,
);
console.log(`  heapUsed per million events: ${samples.map((s) => mb(s.heap)).join(' ')}`);
console.log(`  peak heapUsed ${mb(peakHeap)}, peak RSS ${mb(peakRss)}`);
console.log(`  heapUsed first → last sample: ${mb(samples[0]!.heap)} → ${mb(samples.at(-1)!.heap)}`);
