// Faults on the timeline against exact counts and the fluid model of a backlog.
import { describe, expect, it } from 'vitest';
import type { Fault } from '../model/faults';
import type { Flow } from '../model/flow';
import { parseFlow } from '../model/validate';
import { runnableProblems } from '../model/runnable';
import { constant, exp, flowOf, handler, producer, queue, run, store, stream } from './testing/flows';

const withFaults = (flow: Flow, faults: Fault[]): Flow => ({ ...flow, faults });

describe('faults', () => {
  it('consumers paused for D at λ = 80/s, cμ = 100/s: backlog peak ≈ λD = 4,800, drained in ≈ λD/(cμ − λ) = 240 s', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: exp(1 / 80) }),
          queue('q'),
          handler('h', { concurrency: 10, service: exp(0.1) }),
        ],
        ['p->q', 'q->h'],
      ),
      [{ at: 100, duration: 60, target: 'h', kind: 'pause' }],
    );
    const { report } = run(flow, 5, 1000, 0);
    const [f] = report.faults!;
    expect(f!.target).toBe('h');
    // Poisson arrivals over 60 s: standard deviation √4,800 ≈ 69.
    expect(Math.abs(f!.backlogPeak - 4800)).toBeLessThan(250);
    expect(f!.drainTime).not.toBeNull();
    expect(Math.abs(f!.drainTime! / 240 - 1)).toBeLessThan(0.12);
    expect(f!.lost + f!.deadLettered + f!.duplicates).toBe(0);
    // The work is only put off: every arrival is served in the end, so utilization is still λS/c,
    // and frozen workers are not counted busy while paused (else this would be 0.86).
    expect(report.nodes.h!.utilization).toBeCloseTo(0.8, 1);
  });

  it('a pause freezes the job in service and resumes it after; nothing starts meanwhile', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(2), count: 2 }),
          handler('h', { concurrency: 1, service: constant(2) }),
        ],
        ['p->h'],
      ),
      [{ at: 1, duration: 3, target: 'h', kind: 'pause' }],
    );
    const h = run(flow, 1, 100, 0).report.nodes.h!;
    // Job 1: 0 → 1 served, frozen 1 → 4, the last second 4 → 5. Job 2 arrives at 2, starts at 5, ends at 7.
    expect(h.sojourn.max).toBe(5);
    expect(h.sojourn.count).toBe(2);
    expect(h.sojourn.mean).toBe((5 + 5) / 2);
    expect(h.wait.max).toBe(3);
  });

  it('a crash fails the jobs in service (redelivered with count + 1) and takes nothing until the restart', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1), count: 8 }),
          queue('q', { retry: { delay: constant(0) } }),
          handler('h', { concurrency: 4, service: constant(10) }),
        ],
        ['p->q', 'q->h'],
      ),
      [{ at: 5.5, duration: 2.5, target: 'h', kind: 'crash' }],
    );
    const { report } = run(flow, 1, 100, 0);
    // In service at 5.5: the jobs of 0, 1, 2, 3. They go back to the queue behind those of 4 and 5
    // (in their order), then 6 and 7 arrive; at 8 the workers take 4, 5, 0, 1 and at 18 the rest.
    expect(report.nodes.h!.failed).toBe(4);
    expect(report.nodes.q!.redelivered).toBe(4);
    expect(report.nodes.h!.in).toBe(12);
    expect(report.totals.completed).toBe(8);
    expect(report.totals.lost).toBe(0);
    // The longest journey: the job of 2, from 2 until 28.
    expect(report.endToEnd.max).toBe(26);
    expect(report.nodes.h!.wait.max).toBe(18 - 5.5);
  });

  it('a crash with a large prefetch sends the prefetched messages back; only the one in service is redelivered', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(0.01), count: 20 }),
          queue('q', { retry: { delay: constant(0) } }),
          handler('h', { concurrency: 1, service: constant(1) }),
        ],
        ['p->q', { id: 'q->h', source: 'q', target: 'h', prefetch: 10, latency: constant(0.001) }],
      ),
      [{ at: 2.5, duration: 1, target: 'h', kind: 'crash' }],
    );
    const { report } = run(flow, 1, 100, 0);
    expect(report.nodes.h!.failed).toBe(1);
    expect(report.nodes.q!.redelivered).toBe(1);
    expect(report.nodes.h!.in).toBe(21);
    expect(report.totals.completed).toBe(20);
    expect(report.faults![0]!.lost).toBe(0);
  });

  it('a crashed stream consumer reads its message again first when it restarts', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(0.1), count: 5 }),
          stream('s', { partitions: 1 }),
          handler('h', { concurrency: 1, service: constant(1) }),
        ],
        ['p->s', 's->h'],
      ),
      [{ at: 0.5, duration: 1, target: 'h', kind: 'crash' }],
    );
    const { report } = run(flow, 1, 100, 0);
    expect(report.nodes.s!.redelivered).toBe(1);
    expect(report.nodes.h!.failed).toBe(0);
    expect(report.totals.completed).toBe(5);
    // Restart at 1.5, then five messages of 1 s in order: the last ends at 6.5 (emitted at 0.4).
    expect(report.endToEnd.max).toBeCloseTo(6.5 - 0.4, 9);
  });

  it('an outage holds what arrives (and its publisher) and delivers nothing it stores until it is back', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1), count: 6 }),
          queue('q'),
          handler('h', { concurrency: 1, service: constant(2) }),
        ],
        ['p->q', 'q->h'],
      ),
      [{ at: 2.5, duration: 3, target: 'q', kind: 'outage' }],
    );
    const { report } = run(flow, 1, 100, 0);
    // Jobs of 0 and 1 run 0–2 and 2–4; the job of 2 waits in the queue until the outage ends at
    // 5.5; the job of 3 is held with its producer, which emits again at 5.5 and 6.5. Ends: 2, 4,
    // 7.5, 9.5, 11.5, 13.5 for emissions at 0, 1, 2, 3, 5.5, 6.5.
    expect(report.nodes.p!.out).toBe(6);
    expect(report.endToEnd.mean).toBeCloseTo((2 + 3 + 5.5 + 6.5 + 6 + 7) / 6, 12);
    expect(report.endToEnd.max).toBe(7);
    expect(report.nodes.h!.wait.max).toBe(5);
    // The queue held 1 and kept 1 at its worst; back to its level (1) as soon as it was back.
    expect(report.faults![0]!.backlogPeak).toBe(2);
    expect(report.faults![0]!.drainTime).toBe(0);
  });

  it('a partition holds what enters the edge and lets it go, in order, when it heals', () => {
    const eight = producer('p', { eventType: 'e', interarrival: constant(1), count: 8 });
    const wire = withFaults(flowOf([eight, store('s')], ['p->s']), [
      { at: 2.5, duration: 3, target: 'p->s', kind: 'partition' },
    ]);
    const { report } = run(wire, 1, 100, 0);
    // Emissions at 3, 4 and 5 wait for 5.5.
    expect(report.endToEnd.mean).toBeCloseTo((2.5 + 1.5 + 0.5) / 8, 12);
    expect(report.faults![0]!.backlogPeak).toBe(3);
    expect(report.faults![0]!.drainTime).toBe(0);
    // Behind a cut bus → handler edge the consumer takes nothing; the queue keeps the messages.
    const consumer = withFaults(
      flowOf([eight, queue('q'), handler('h', { concurrency: 1, service: constant(0.1) })], ['p->q', 'q->h']),
      [{ at: 2.5, duration: 3, target: 'q->h', kind: 'partition' }],
    );
    const h = run(consumer, 1, 100, 0).report.nodes.h!;
    expect(h.wait.max).toBe(2.5);
    // At 5.5 the jobs of 3, 4 and 5 go one after another, 0.1 s each.
    expect(h.wait.mean).toBeCloseTo((2.5 + 1.6 + 0.7) / 8, 12);
  });

  it('slow multiplies service times drawn in its window, on a handler, and latencies, on an edge', () => {
    const six = producer('p', { eventType: 'e', interarrival: constant(5), count: 6 });
    const slowHandler = withFaults(
      flowOf([six, handler('h', { concurrency: 1, service: constant(1) })], ['p->h']),
      [{ at: 10, duration: 10, target: 'h', kind: 'slow', factor: 3 }],
    );
    // Jobs at 0, 5, 10, 15, 20, 25: those starting at 10 and 15 take 3 s.
    expect(run(slowHandler, 1, 100, 0).report.nodes.h!.service.mean).toBeCloseTo(10 / 6, 12);
    const slowEdge = withFaults(
      flowOf([six, store('s')], [{ id: 'wire', source: 'p', target: 's', latency: constant(1) }]),
      [{ at: 10, duration: 10, target: 'wire', kind: 'slow', factor: 2 }],
    );
    expect(run(slowEdge, 1, 100, 0).report.endToEnd.mean).toBeCloseTo(8 / 6, 12);
  });

  it('fail sets the failure rate for its window; the report counts what it lost', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: constant(1) }),
          handler('h', { concurrency: 1, service: constant(0.1) }),
        ],
        ['p->h'],
      ),
      [{ at: 10, duration: 10, target: 'h', kind: 'fail', rate: 1 }],
    );
    const { report } = run(flow, 1, 50, 0);
    // Completions at k + 0.1 for k = 10 … 19 fall in the window, and fail: from an inbox, lost.
    expect(report.nodes.h!.lost).toBe(10);
    expect(report.faults![0]!.lost).toBe(10);
    expect(report.faults![0]!.drainTime).toBe(0);
  });

  it('a fault that never drains says so; the same flow and seed give the same run with its faults', () => {
    const flow = withFaults(
      flowOf(
        [
          producer('p', { eventType: 'e', interarrival: exp(1 / 80) }),
          queue('q'),
          handler('h', { concurrency: 1, service: exp(1 / 100) }),
        ],
        ['p->q', 'q->h'],
      ),
      [
        { at: 50, duration: 40, target: 'h', kind: 'pause' },
        { at: 60, duration: 10, target: 'h', kind: 'slow', factor: 2 },
      ],
    );
    const a = run(flow, 7, 100, 0).report;
    expect(a.faults![0]!.drainTime).toBeNull();
    expect(a.faults![0]!.backlogPeak).toBeGreaterThan(2500);
    expect(run(flow, 7, 100, 0).report).toEqual(a);
  });

  it('aims are checked before a run: the target exists and suits the kind, and each kind has what it needs', () => {
    const base = flowOf(
      [
        producer('p', { eventType: 'e', interarrival: exp(1) }),
        handler('h', { concurrency: 1, service: exp(1) }),
      ],
      ['p->h'],
    );
    const problems = (faults: unknown[]) => {
      const r = parseFlow({ ...base, faults });
      return r.ok
        ? runnableProblems(r.flow).map((p) => `${p.path}: ${p.message}`)
        : r.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems([{ at: 1, duration: 1, target: 'nope', kind: 'pause' }])).toEqual([
      'faults[0].target: there is no node or edge "nope"',
    ]);
    expect(problems([{ at: 1, duration: 1, target: 'p', kind: 'pause' }])).toEqual([
      'faults[0].target: a pause fault acts on a handler, not a producer',
    ]);
    expect(problems([{ at: 1, duration: 1, target: 'h', kind: 'slow' }])).toEqual([
      'faults[0].factor: is required (how many times slower)',
    ]);
    expect(problems([{ at: 1, duration: 0, target: 'h', kind: 'fail', rate: 2 }])).toEqual([
      'faults[0].duration: must be a number > 0 s',
      'faults[0].rate: must be a probability between 0 and 1',
    ]);
    expect(problems([{ at: 1, duration: 1, target: 'p->h', kind: 'outage' }])).toEqual([
      'faults[0].target: an outage fault acts on a queue, topic or stream, not an edge',
    ]);
    expect(
      problems([
        { at: 1, duration: 5, target: 'h', kind: 'pause' },
        { at: 3, duration: 5, target: 'h', kind: 'crash' },
      ]),
    ).toEqual([
      'faults[1]: overlaps faults[0] (a pause) on "h": a handler cannot be paused and crashed at once',
    ]);
  });
});
