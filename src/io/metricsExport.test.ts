// Issue 13: metrics exported as CSV must not let a label run as a spreadsheet formula.
import { describe, expect, it } from 'vitest';
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

  it('has the columns of Flow JSON v2: expired, duplicates and the age of the oldest message', () => {
    const flow: Flow = {
      format: 'eventflow',
      version: 2,
      name: 'Expiry',
      nodes: [
        {
          id: 'p',
          kind: 'producer',
          position: { x: 0, y: 0 },
          config: { eventType: 'e', interarrival: { dist: 'constant', value: 0.1 } },
        },
        {
          id: 'q',
          kind: 'queue',
          position: { x: 0, y: 0 },
          config: { ttl: { dist: 'constant', value: 0.5 } },
        },
        {
          id: 'h',
          kind: 'handler',
          position: { x: 0, y: 0 },
          config: { concurrency: 1, service: { dist: 'constant', value: 0.3 } },
        },
      ],
      edges: [
        { id: 'e1', source: 'p', target: 'q' },
        { id: 'e2', source: 'q', target: 'h' },
      ],
    };
    const sim = createEngineSimulation(flow, { duration: 20, seed: 1 });
    sim.advanceTo(20);
    const report = sim.report();
    const [header, , queue] = parseCsv(metricsCsv(report, flow));
    const cell = (name: string) => Number(queue![header!.indexOf(name)]);
    expect(header!.slice(-4)).toEqual(['expired', 'duplicates', 'ageMean', 'ageMax']);
    expect(cell('expired')).toBeGreaterThan(0);
    expect(cell('expired')).toBe(report.nodes.q!.expired);
    expect(cell('ageMax')).toBe(report.nodes.q!.age.max);
  });
});
