import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runnableProblems } from '../model/runnable';
import { createEngineSimulation } from './simulation';
import { flowArb } from './testing/arbitrary';

describe('conservation on random flows', () => {
  const seen = {
    dropped: 0,
    lost: 0,
    deadLettered: 0,
    expired: 0,
    inFlight: 0,
    duplicates: 0,
    // Calls to dependencies retried, and abandoned at their timeout.
    retries: 0,
    timeouts: 0,
  };
  it('every emitted copy is completed, dropped, expired, lost, dead-lettered or still in flight — to the event', () => {
    fc.assert(
      fc.property(
        flowArb,
        fc.nat(1000),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        (flow, seed, duration) => {
          fc.pre(runnableProblems(flow).length === 0);
          const sim = createEngineSimulation(flow, { seed, duration, warmup: 0 });
          // Stop part-way as well as at the end: the books must balance at any moment.
          sim.advanceTo(duration / 3, 5_000);
          const mid = sim.report().totals;
          expect(mid.inFlight).toBe(sim.audit());
          sim.advanceTo(duration, 50_000);
          const t = sim.report().totals;
          expect(t.emitted).toBe(t.completed + t.dropped + t.expired + t.lost + t.deadLettered + t.inFlight);
          // inFlight by the books equals copies actually found in queues, workers, wires and retries.
          expect(t.inFlight).toBe(sim.audit());
          for (const v of Object.values(t)) expect(v).toBeGreaterThanOrEqual(0);
          const nodes = Object.values(sim.report().nodes);
          const sum = (f: (n: (typeof nodes)[number]) => number) => nodes.reduce((a, n) => a + f(n), 0);
          const found = {
            ...t,
            duplicates: sum((n) => n.duplicates),
            retries: sum((n) => n.attempts - n.calls),
            timeouts: sum((n) => n.timeouts),
          };
          for (const k of Object.keys(seen) as (keyof typeof seen)[]) if (found[k] > 0) seen[k]++;
        },
      ),
      { numRuns: 800, seed: 42 },
    );
    // The generator reaches every way a copy can end.
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(3);
  });

  it('the same random flow and seed give bit-identical reports and snapshots (every version 2 field drawn)', () => {
    fc.assert(
      fc.property(flowArb, fc.nat(1000), (flow, seed) => {
        fc.pre(runnableProblems(flow).length === 0);
        const once = () => {
          const sim = createEngineSimulation(flow, { seed, duration: 20, warmup: 2 });
          sim.advanceTo(20, 50_000);
          const s = sim.snapshot();
          return { report: sim.report(), nodes: [...s.nodes], partitions: [...s.partitions] };
        };
        expect(once()).toEqual(once());
      }),
      { numRuns: 150, seed: 43 },
    );
  });
});
