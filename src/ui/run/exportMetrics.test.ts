import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine';
import type { Flow } from '../../model/flow';
import { metricsCsv, metricsJson } from './exportMetrics';

const at = { x: 0, y: 0 };
const constant = (value: number) => ({ dist: 'constant' as const, value });

/** A lease shorter than the service (duplicates), a TTL shorter than the wait (expiry), a skewed stream. */
const flow: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'broker figures',
  nodes: [
    {
      id: 'p',
      kind: 'producer',
      position: at,
      config: { eventType: 'e', interarrival: constant(0.1), keys: 10, keySkew: 1.5 },
    },
    { id: 'q', kind: 'queue', position: at, config: { lease: 0.15, ttl: constant(0.03) } },
    { id: 'slow', kind: 'handler', position: at, config: { concurrency: 3, service: constant(0.2) } },
    { id: 's', kind: 'stream', position: at, config: { partitions: 4 } },
    { id: 'group', kind: 'handler', position: at, config: { concurrency: 2, service: constant(0.15) } },
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'q', target: 'slow' },
    { id: 'e3', source: 'p', target: 's' },
    { id: 'e4', source: 's', target: 'group' },
  ],
};

describe('metrics CSV', () => {
  it('has a column for duplicates, expired, age and the hottest partition, after the older ones', () => {
    const sim = createSimulation(flow, { seed: 3, duration: 60, warmup: 0 });
    if (!sim.ok) throw new Error(JSON.stringify(sim.problems));
    sim.sim.advanceTo(60);
    const [head, ...lines] = metricsCsv(sim.sim.report(), flow).trim().split('\n');
    const columns = head!.split(',');
    expect(columns.slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(columns.slice(-7)).toEqual([
      'expired',
      'duplicates',
      'age.mean',
      'age.max',
      'hottestPartition',
      'hottestPartition.lagMean',
      'hottestPartition.lagMax',
    ]);
    const row = (id: string) => {
      const cells = lines.find((l) => l.startsWith(`${id},`))!.split(',');
      return (name: string) => cells[columns.indexOf(name)]!;
    };
    expect(Number(row('slow')('duplicates'))).toBeGreaterThan(0);
    expect(Number(row('q')('expired'))).toBeGreaterThan(0);
    expect(Number(row('q')('age.max'))).toBeGreaterThan(0);
    // Key 0 carries most events with this skew, and hashes to partition 0.
    expect(row('s')('hottestPartition')).toBe('0');
    expect(Number(row('s')('hottestPartition.lagMax'))).toBeGreaterThan(0);
    expect(row('q')('hottestPartition')).toBe('');
  });
});

describe('metrics JSON', () => {
  it('has the faults the engine reports and the fault summary the app shows', () => {
    const faulty: Flow = {
      ...flow,
      faults: [
        { kind: 'crash', target: 'slow', at: 10, duration: 5 },
        { kind: 'partition', target: 'e3', at: 50, duration: 20 },
      ],
    };
    const sim = createSimulation(faulty, { seed: 3, duration: 60, warmup: 0 });
    if (!sim.ok) throw new Error(JSON.stringify(sim.problems));
    sim.sim.advanceTo(60);
    const report = sim.sim.report();
    const doc = JSON.parse(
      metricsJson(report, faulty, [{ state: 'stuck', before: 10, after: 2 }, { state: 'active' }]),
    ) as Record<string, unknown>;
    expect(doc.faults).toEqual(report.faults);
    expect(doc.faultSummary).toEqual([
      { ...report.faults![0], targetLabel: 'slow', outcome: 'stuck', goodputBefore: 10, goodputAfter: 2 },
      { ...report.faults![1], targetLabel: 'p → s', outcome: 'active' },
    ]);
    const { faults: _faults, ...plain } = report;
    expect(JSON.parse(metricsJson(plain, flow))).not.toHaveProperty('faultSummary');
  });
});
