// The guards stop a run that would hang or exhaust memory, quickly, naming the node, and keep the
// figures up to that point. Each pathological flow has a time bound (the test's timeout) and the
// message limit bounds memory.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import type { EngineSimulation } from './simulation';
import { createEngineSimulation, createSimulation } from './simulation';
import { buildReport } from './report';
import { Engine } from './engine';
import { DEFAULT_LIMITS } from './api';
import { GUARD_EVERY } from './guards';
import { compileTopology } from './topology';
import {
  blockedCycle,
  busChain,
  deadLetterChain,
  instantBlockedPartition,
  instantDeadLetterCycle,
  overload,
  tinyServiceLoop,
  vanishingLatencyLoop,
} from './testing/pathological';

function runToEnd(flow: Flow, duration: number, maxMessages?: number): EngineSimulation {
  const sim = createEngineSimulation(flow, {
    seed: 1,
    duration,
    warmup: 0,
    ...(maxMessages ? { limits: { maxMessages } } : {}),
  });
  sim.advanceTo(duration);
  return sim;
}

const balanced = (sim: Pick<EngineSimulation, 'report' | 'audit'>) => {
  const t = sim.report().totals;
  expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
  expect(t.inFlight).toBe(sim.audit());
};

describe('the message limit', () => {
  it('stops an overloaded queue, names it with its load and the time, and keeps the figures', () => {
    const sim = runToEnd(overload(), 1e6, 100_000);
    expect(sim.done).toBe(true);
    const h = sim.halted!;
    expect(h).toMatchObject({ kind: 'messages', nodeId: 'q', path: 'nodes[1]' });
    // λ = 1,000/s against 2 workers × 50/s: ρ ≈ 10.
    const m =
      /^queue "Backlog" holds [\d,]+ waiting messages and grows without bound: arrivals ([\d,.]+)\/s against a capacity of ([\d.]+)\/s \(ρ = ([\d.]+)\)/.exec(
        h.message,
      );
    expect(m).not.toBeNull();
    const [arrivals, capacity, rho] = m!.slice(1).map((x) => Number(x.replace(',', '')));
    expect(arrivals).toBeGreaterThan(970);
    expect(arrivals).toBeLessThan(1030);
    expect(capacity).toBeGreaterThan(95);
    expect(capacity).toBeLessThan(105);
    expect(rho).toBeGreaterThan(9.4);
    expect(rho).toBeLessThan(10.6);
    expect(h.message).toContain('its limit of 100,000 messages at t = ');
    // Reached after about 100,000 / (1,000 − 100) s.
    expect(h.time).toBeGreaterThan(100);
    expect(h.time).toBeLessThan(125);
    expect(sim.report().nodes.q!.queueDepth.max).toBeGreaterThan(99_000);
    balanced(sim);
    expect(sim.advanceTo(2e6)).toBe(0);
  });

  it('applies by default: memory stays bounded however long the run', () => {
    expect(DEFAULT_LIMITS.maxMessages).toBe(5_000_000);
    const eng = new Engine(compileTopology(overload()), {
      seed: 1,
      duration: 1e7,
      warmup: 0,
      seriesInterval: 0,
      limits: DEFAULT_LIMITS,
    });
    eng.run(1e7, Infinity);
    expect(eng.halted?.kind).toBe('messages');
    expect(eng.pool.live).toBeLessThan(DEFAULT_LIMITS.maxMessages + 2 * GUARD_EVERY);
    // The message tables hold at most the next power of two above the limit: under 400 MB
    // (the run used to reach 13.7 GB).
    expect(eng.pool.bytes).toBeLessThan(400e6);
  }, 60_000);
});

/**
 * Validation now refuses times under 1 ns and loops that take no time (model/limits.ts), so a flow
 * it refuses runs through the engine directly: the guard still stands behind validation.
 */
function runPastValidation(flow: Flow, duration: number) {
  const checked = createSimulation(flow, { seed: 1, duration, warmup: 0 });
  if (checked.ok) {
    checked.sim.advanceTo(duration);
    return checked.sim as EngineSimulation;
  }
  const eng = new Engine(compileTopology(flow), {
    seed: 1,
    duration,
    warmup: 0,
    seriesInterval: 0,
    limits: DEFAULT_LIMITS,
  });
  eng.run(duration, Infinity);
  return { halted: eng.halted, now: eng.now, report: () => buildReport(eng), audit: () => eng.audit() };
}

describe('time that does not advance', () => {
  const cases: [string, () => Flow, RegExp][] = [
    ['a loop of 1e-300 s latency', vanishingLatencyLoop, /handler "h"|topic "t"/],
    ['an instant dead-letter cycle', instantDeadLetterCycle, /handler "ha"|handler "hb"|queue "a"|queue "b"/],
    ['a loop of femtosecond services', tinyServiceLoop, /handler "x"|handler "y"/],
    [
      'a stream partition retrying a failing message in place at once',
      instantBlockedPartition,
      /stream "s".*retries a failing message without end/,
    ],
  ];
  for (const [name, flow, nodes] of cases) {
    it(`stops ${name} and names the loop`, () => {
      const sim = runPastValidation(flow(), 60);
      const h = sim.halted!;
      expect(h.kind).toBe('stuck');
      expect(h.message).toMatch(/^simulated time has stopped advancing at t = /);
      expect(h.message).toMatch(nodes);
      expect(sim.now).toBeLessThan(1e-3 + 2);
      balanced(sim);
    }, 30_000);
  }
});

describe('deadlock', () => {
  it('reports two block queues waiting on each other, by name', () => {
    const sim = runToEnd(blockedCycle(), 1000);
    const h = sim.halted!;
    expect(h.kind).toBe('deadlock');
    expect(h.message).toMatch(/^deadlock by t = .*: queue "a", queue "b" are full/);
    expect(sim.report().totals.inFlight).toBeGreaterThan(0);
    balanced(sim);
  });
});

describe('long chains', () => {
  it('a copy crosses 20,000 buses of each kind without deep recursion', () => {
    for (const kind of ['queue', 'topic', 'stream'] as const) {
      // The engine itself (validation has its own test): compile and run.
      const eng = new Engine(compileTopology(busChain(20_000, kind)), {
        seed: 1,
        duration: 100,
        warmup: 0,
        seriesInterval: 0,
        limits: DEFAULT_LIMITS,
      });
      eng.run(100, Infinity);
      expect(eng.metrics.totals[1]).toBe(5); // completed: every event reached the handler
    }
  }, 60_000);

  it('a copy is dead-lettered along 5,000 buses of each kind without deep recursion', () => {
    for (const kind of ['queue', 'topic', 'stream'] as const) {
      const sim = createEngineSimulation(deadLetterChain(5_000, kind), {
        seed: 1,
        duration: 100,
        warmup: 0,
      });
      sim.advanceTo(100);
      const r = sim.report();
      // Moved, not copied: each copy ends once, dead-lettered, in the last bus, which keeps it.
      expect(r.totals).toMatchObject({ emitted: 5, deadLettered: 5, inFlight: 0 });
      expect(r.nodes.h4998!.in).toBe(5);
      expect(r.nodes.b4999!.queueDepth.max).toBe(5);
    }
  }, 120_000);
});
