// Objectives on one run: --assert and the flow's own `slos`, checked after the run, in the report
// as `slos`, exit 3 when one fails (so CI fails on a latency regression); an objective that names
// no figure, or carries a unit, is refused before anything runs — never a check that passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inProcess, root, simulate } from './testing/cli';

const files = new Map<string, string>();
const cli = inProcess(files);
const mm1 = ['examples/mm1.json', '--duration', '100', '--warmup', '10'];

describe('--assert and the flow’s slos on one run', () => {
  it('passing objectives: exit 0, nothing on stderr, the report ends with "slos"', async () => {
    const r = await cli(...mm1, '--assert', 'endToEnd.p99 < 1', '--assert=nodes.billing.utilization>=0.5');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).at(-1)).toBe('slos');
    expect(doc.slos).toEqual([
      { metric: 'endToEnd.p99', op: 'lt', target: 1, actual: doc.endToEnd.p99, pass: true },
      {
        metric: 'nodes.billing.utilization',
        op: 'gte',
        target: 0.5,
        actual: doc.nodes.billing.utilization,
        pass: true,
      },
    ]);
  });

  it('a failing objective: exit 3, one line per failure on stderr, the whole report on stdout', async () => {
    const r = await cli(
      ...mm1,
      '--assert',
      'endToEnd.p99 < 0.01',
      '--assert',
      'totals.dropped == 0',
      '--assert',
      'nodes.billing.wait.mean <= 0.001',
    );
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.slos.map((s: { pass: boolean }) => s.pass)).toEqual([false, true, false]);
    expect(r.stderr).toBe(
      `simulate: objective failed: endToEnd.p99 < 0.01 (actual ${doc.endToEnd.p99})\n` +
        `simulate: objective failed: nodes.billing.wait.mean ≤ 0.001 (actual ${doc.nodes.billing.wait.mean})\n`,
    );
  });

  it('checks the flow’s own slos first; a flow without any and no --assert keeps the old document', async () => {
    const flow = JSON.parse(readFileSync(join(root, 'examples/mm1.json'), 'utf8'));
    files.set('mm1-slo.json', JSON.stringify({ ...flow, slos: [{ metric: 'endToEnd.p99', gt: 0, lt: 10 }] }));
    const r = await cli(
      'mm1-slo.json',
      '--duration',
      '100',
      '--warmup',
      '10',
      '--assert',
      'totals.lost == 0',
    );
    expect(r.code).toBe(0);
    const slos = JSON.parse(r.stdout).slos;
    expect(slos.map((s: { metric: string; op: string }) => `${s.metric} ${s.op}`)).toEqual([
      'endToEnd.p99 lt',
      'endToEnd.p99 gt',
      'totals.lost eq',
    ]);
    const plain = JSON.parse((await cli(...mm1)).stdout);
    expect(Object.keys(plain)).toEqual([
      'seed',
      'duration',
      'wallMs',
      'events',
      'nodes',
      'endToEnd',
      'totals',
    ]);
    // Adding objectives changes nothing else in the document.
    const { slos: _, ...rest } = JSON.parse((await cli(...mm1, '--assert', 'endToEnd.p99 < 1')).stdout);
    expect(rest).toEqual(plain);
  });

  it('refuses an objective that names no figure or carries a unit, before running (exit 2)', async () => {
    const cases: [string, string][] = [
      [
        'nodes.nope.utilization < 1',
        'simulate: --assert "nodes.nope.utilization < 1": no node of the flow matches "nope.utilization"\n',
      ],
      [
        'endToEnd.p100 < 1',
        'simulate: --assert "endToEnd.p100 < 1": endToEnd needs one of .count, .mean, .p50, .p95, .p99, .max\n',
      ],
      [
        'endToEnd.p99 < 100ms',
        'simulate: --assert "endToEnd.p99 < 100ms": "100ms" is not a number (times are seconds without units: 0.1, not 100ms)\n',
      ],
      [
        'nodes.billing.utilisation < 1',
        'simulate: --assert "nodes.billing.utilisation < 1": "utilisation" is not a node figure (one of in, out, dropped, failed, lost, deadLettered, redelivered, throughput, utilization, expired, duplicates, calls, attempts, timeouts, queueDepth, age, wait, service, sojourn)\n',
      ],
    ];
    for (const [text, stderr] of cases) {
      const r = await cli(...mm1, '--assert', text);
      expect({ code: r.code, stdout: r.stdout, stderr: r.stderr }).toEqual({ code: 2, stdout: '', stderr });
    }
    const op = await cli(...mm1, '--assert', 'endToEnd.p99 ~ 1');
    expect([op.code, op.stderr]).toEqual([2, expect.stringMatching(/is not METRIC OP VALUE/)]);
    const none = await cli(...mm1, '--assert');
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/--assert: needs a value/)]);
  });

  it('a run a limit stopped still carries its slos, and exits 4 (the stop is what a script must see)', async () => {
    const r = await cli('examples/mm1.json', '--max-events', '5000', '--assert', 'endToEnd.p99 < 0.000001');
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout);
    expect(doc.stopped.reason).toBe('max-events');
    expect(doc.slos[0]).toMatchObject({ metric: 'endToEnd.p99', pass: false });
  });

  it('exits 3 through the real process, the report on stdout and the failure on stderr', () => {
    const r = simulate(
      'examples/mm1.json',
      '--duration',
      '60',
      '--warmup',
      '6',
      '--assert',
      'endToEnd.p99 < 0.001',
    );
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).slos[0].pass).toBe(false);
    expect(r.stderr).toMatch(/^simulate: objective failed: endToEnd\.p99 < 0\.001 \(actual [\d.]+\)\n$/);
  });
});
