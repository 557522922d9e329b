// The scenario templates show what their descriptions say: each runs to its own settings and the
// figures a user is told to look at come out as described.
import { describe, expect, it } from 'vitest';
import { createEngineSimulation } from '../../engine/simulation';
import type { SimulationReport } from '../../engine/api';
import { TEMPLATES } from '.';

function runTemplate(id: string): SimulationReport {
  const t = TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  const sim = createEngineSimulation(t.json);
  sim.advanceTo(Infinity);
  return sim.report();
}

describe('scenario templates', () => {
  it('consumers down at peak: backlog ≈ λD = 4,800, drained in ≈ λD/(cμ − λ) = 240 s', () => {
    const [f] = runTemplate('consumers-down').faults!;
    expect(Math.abs(f!.backlogPeak / 4800 - 1)).toBeLessThan(0.06);
    expect(Math.abs(f!.drainTime! / 240 - 1)).toBeLessThan(0.15);
    expect(f!.lost + f!.deadLettered).toBe(0);
  });

  it('consumer crash with a large prefetch: the buffer goes back, the jobs in service are redelivered', () => {
    const r = runTemplate('crash-prefetch');
    // Consumer A held nearly its whole window when it crashed.
    expect(r.nodes['handler-1']!.queueDepth.max).toBeGreaterThan(180);
    // Pushed twice: the messages A had prefetched went back and were pushed again.
    expect(r.nodes['queue-1']!.out - r.nodes['queue-1']!.in).toBeGreaterThan(180);
    expect(r.nodes['queue-1']!.redelivered).toBe(4);
    expect(r.faults![0]!.lost).toBe(0);
  });

  it('retry storm: immediate retries never come back after the brownout; backoff with jitter drains', () => {
    const r = runTemplate('retry-storm');
    const [immediate, backoff] = r.faults!;
    expect(immediate!.drainTime).toBeNull();
    expect(backoff!.drainTime).not.toBeNull();
    expect(backoff!.drainTime!).toBeLessThan(400);
    const amplification = (id: string) => r.nodes[id]!.attempts / r.nodes[id]!.calls;
    // Nearly every call of the top one now ends in three timed-out attempts; the bottom one's rarely retry.
    expect(amplification('immediate-workers')).toBeGreaterThan(2);
    expect(amplification('backoff-workers')).toBeLessThan(1.3);
    expect(r.nodes['immediate-dlq']!.in).toBeGreaterThan(1000);
    expect(r.nodes['backoff-dlq']!.in).toBe(0);
  });

  it('poison message: its partition stops under "block" while the other five stay near zero', () => {
    const parts = runTemplate('poison-message').nodes.orders!.partitions!;
    const lags = parts.map((p) => p.depthMax).sort((a, b) => b - a);
    // 300/s over 6 partitions, stopped at 1 min: ≈ 50/s × 540 s behind at the end.
    expect(lags[0]).toBeGreaterThan(20_000);
    expect(lags[1]).toBeLessThan(100);
  });

  it('hot tenant: one partition falls behind while the others stay short', () => {
    const parts = runTemplate('hot-tenant').nodes['stream-1']!.partitions!;
    const lags = parts.map((p) => p.depthMax).sort((a, b) => b - a);
    expect(lags[0]).toBeGreaterThan(1000);
    expect(lags[1]).toBeLessThan(0.1 * lags[0]!);
  });
});
