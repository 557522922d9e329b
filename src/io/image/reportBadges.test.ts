import { describe, expect, it } from 'vitest';
import { createEngineSimulation } from '../../engine/simulation';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { reportBadges } from './reportBadges';

function run(id: string) {
  const parsed = parseFlow(TEMPLATES.find((t) => t.id === id)!.json);
  if (!parsed.ok) throw new Error(id);
  const sim = createEngineSimulation(parsed.flow, { duration: 20, warmup: 2 });
  sim.advanceTo(20);
  return { flow: parsed.flow, report: sim.report() };
}

describe('badges from a report', () => {
  it("word each kind's figures, and alarms only where a counter is not zero", () => {
    const { flow, report } = run('retry-storm');
    const badges = reportBadges(flow, report);
    expect([...badges.keys()]).toEqual(flow.nodes.map((n) => n.id));
    for (const n of flow.nodes) {
      const b = badges.get(n.id)!;
      const r = report.nodes[n.id]!;
      const pattern = {
        producer: /^[\d,]+ sent$/,
        queue: /^depth mean [\d.,]+ · max [\d,]+$/,
        topic: /^depth mean/,
        stream: /^lag mean/,
        handler: /^utilization [\d.]+%( · p99 [\d.]+ (µs|ms|s|min|h))?$/,
        dependency: /^utilization [\d.]+%( · p99 wait [\d.]+ (µs|ms|s|min|h))?$/,
        store: /^[\d,]+ stored$/,
      }[n.kind];
      expect(b.text, n.id).toMatch(pattern);
      const alarms =
        r.dropped + r.failed + r.redelivered + r.deadLettered + r.expired + r.duplicates + r.timeouts;
      if (alarms === 0) expect(b.alarm, n.id).toBeUndefined();
      else expect(b.alarm, n.id).toMatch(/^[\d,]+ [a-z-]+( [a-z]+)?( · [\d,]+ [a-z-]+( [a-z]+)?)*$/);
    }
    // The retry storm times out calls and dead-letters payments: alarms are drawn somewhere.
    expect([...badges.values()].some((b) => b.alarm?.includes('timed out'))).toBe(true);
  });

  it('leave out nodes the report does not have, and never read inherited keys', () => {
    const { flow, report } = run('work-queue');
    const first = flow.nodes[0]!.id;
    const { [first]: _gone, ...rest } = report.nodes;
    const badges = reportBadges(flow, { ...report, nodes: rest });
    expect(badges.has(first)).toBe(false);
    const proto = { ...flow, nodes: [{ ...flow.nodes[0]!, id: 'constructor' }] };
    expect(reportBadges(proto, report).size).toBe(0);
  });
});
