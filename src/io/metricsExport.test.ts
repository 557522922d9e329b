// Issue 13: metrics exported as CSV must not let a label run as a spreadsheet formula.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { createEngineSimulation } from '../engine/simulation';
import type { Flow } from '../model/flow';
import { csvCell, metricsCsv, metricsJson } from './metricsExport';

/** RFC 4180 fields of one CSV text (quoted fields may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endCell();
    else if (c === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else cell += c;
  }
  return rows;
}

const DANGEROUS = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];

const at = { x: 0, y: 0 };
const constant = (value: number) => ({ dist: 'constant' as const, value });

/** A lease shorter than the service (duplicates), a TTL shorter than the wait (expiry), a skewed stream. */
const brokerFlow: Flow = {
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
  it('writes text that starts like a formula as text, with an apostrophe, and numbers as numbers', () => {
    for (const text of DANGEROUS) expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('Billing, EU "west"')).toBe('"Billing, EU ""west"""');
    expect(csvCell('a-b=c')).toBe('a-b=c');
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(Infinity)).toBe('');
  });

  it('exports a run whose ids and labels are formulas with every cell inert', () => {
    const nodes: Flow['nodes'] = [
      {
        id: '=cmd|"/c calc"!A1',
        kind: 'producer',
        label: '@SUM(1+1)*cmd',
        position: { x: 0, y: 0 },
        config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
      },
      ...DANGEROUS.map((label, i) => ({
        id: `h${i}`,
        kind: 'handler' as const,
        label,
        position: { x: 0, y: 0 },
        config: { concurrency: 1, service: { dist: 'exponential' as const, mean: 0.01 } },
      })),
    ];
    const flow: Flow = {
      format: 'eventflow',
      version: 2,
      name: 'Formulas',
      nodes,
      edges: DANGEROUS.map((_, i) => ({ id: `e${i}`, source: nodes[0]!.id, target: `h${i}` })),
    };
    const sim = createEngineSimulation(flow, { duration: 5, seed: 1 });
    sim.advanceTo(5);
    const rows = parseCsv(metricsCsv(sim.report(), flow));
    expect(rows).toHaveLength(nodes.length + 1);
    for (const row of rows.slice(1)) {
      expect(row).toHaveLength(rows[0]!.length);
      for (const cell of row) expect(cell, JSON.stringify(row)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(rows[1]!.slice(0, 2)).toEqual([`'=cmd|"/c calc"!A1`, "'@SUM(1+1)*cmd"]);
    expect(rows.slice(2).map((r) => r[1])).toEqual(DANGEROUS.map((d) => `'${d}`));
    // JSON keeps the values exactly: it is read by programs, not run by spreadsheets.
    expect(JSON.parse(metricsJson(sim.report(), flow)).labels['h0']).toBe(DANGEROUS[0]);
  });

  it('has a column for duplicates, expired, age and the hottest partition, after the older ones', () => {
    const sim = createSimulation(brokerFlow, { seed: 3, duration: 60, warmup: 0 });
    if (!sim.ok) throw new Error(JSON.stringify(sim.problems));
    sim.sim.advanceTo(60);
    const [head, ...lines] = metricsCsv(sim.sim.report(), brokerFlow).trim().split('\n');
    const columns = head!.split(',');
    expect(columns.slice(0, 3)).toEqual(['id', 'label', 'kind']);
    expect(columns.slice(-10)).toEqual([
      'expired',
      'duplicates',
      'age.mean',
      'age.max',
      'hottestPartition',
      'hottestPartition.lagMean',
      'hottestPartition.lagMax',
      'calls',
      'attempts',
      'timeouts',
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

  it('has the calls, attempts and timeouts of a handler calling a dependency, and of the dependency', () => {
    const calling: Flow = {
      ...brokerFlow,
      nodes: [
        ...brokerFlow.nodes,
        { id: 'db', kind: 'dependency', position: at, config: { pool: 1, service: constant(0.3) } },
      ],
      edges: [...brokerFlow.edges, { id: 'c', source: 'slow', target: 'db', timeout: 0.1, attempts: 2 }],
    };
    const sim = createSimulation(calling, { seed: 3, duration: 20, warmup: 0 });
    if (!sim.ok) throw new Error(JSON.stringify(sim.problems));
    sim.sim.advanceTo(20);
    const report = sim.sim.report();
    const [head, ...lines] = metricsCsv(report, calling).trim().split('\n');
    const columns = head!.split(',');
    const cell = (id: string, name: string) =>
      Number(lines.find((l) => l.startsWith(`${id},`))!.split(',')[columns.indexOf(name)]);
    for (const id of ['slow', 'db'])
      for (const name of ['calls', 'attempts', 'timeouts'] as const) {
        expect(cell(id, name)).toBe(report.nodes[id]![name]);
      }
    // Every attempt times out (0.3 s of service, 0.1 s of patience): two per call, but for a
    // call whose first attempt is still out when the run ends.
    expect(cell('slow', 'attempts')).toBeGreaterThanOrEqual(2 * cell('slow', 'calls') - 1);
    expect(cell('slow', 'attempts')).toBeLessThanOrEqual(2 * cell('slow', 'calls'));
    expect(cell('db', 'timeouts')).toBeGreaterThan(0);
  });
});

describe('metrics JSON', () => {
  it('has the faults the engine reports and the fault summary the app shows', () => {
    const faulty: Flow = {
      ...brokerFlow,
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
    expect(JSON.parse(metricsJson(plain, brokerFlow))).not.toHaveProperty('faultSummary');
  });
});
