// The CLI as users run it: a real process for the happy path and one failure, and the same code
// in-process (runCli) for every other case, which keeps the suite fast.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './run';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const spawn = (...args: string[]) =>
  spawnSync(tsx, [join(root, 'src/cli/simulate.ts'), ...args], { cwd: root, encoding: 'utf8' });

const files: Record<string, string> = {};
const io: CliIo = {
  readFile: (p) => files[p] ?? readFileSync(join(root, p), 'utf8'),
  now: () => 0,
};
const cli = (...args: string[]) => runCli(args, io);

describe('simulate CLI (process)', () => {
  it('prints exactly the DESIGN.md document and nothing else', () => {
    const r = spawn('examples/mm1.json', '--duration', '300', '--seed', '7', '--warmup', '30');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['seed', 'duration', 'wallMs', 'events', 'nodes', 'endToEnd', 'totals']);
    expect(doc.wallMs).toBeGreaterThan(0);
    const h = doc.nodes.billing;
    expect(Object.keys(h)).toEqual([
      'kind',
      'in',
      'out',
      'dropped',
      'failed',
      'lost',
      'deadLettered',
      'redelivered',
      'throughput',
      'utilization',
      'queueDepth',
      'wait',
      'service',
      'sojourn',
      'expired',
      'duplicates',
      'age',
    ]);
    expect(Object.keys(h.age)).toEqual(['mean', 'max']);
    expect(Object.keys(h.wait)).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
    expect(Object.keys(doc.totals)).toEqual([
      'emitted',
      'completed',
      'dropped',
      'lost',
      'deadLettered',
      'inFlight',
      'expired',
    ]);
    // Same run in-process: identical apart from wall time.
    const inProcess = JSON.parse(
      cli('examples/mm1.json', '--duration', '300', '--seed', '7', '--warmup', '30').stdout,
    );
    expect({ ...doc, wallMs: 0 }).toEqual(inProcess);
  });

  it('exits non-zero with the reason on stderr and nothing on stdout', () => {
    const r = spawn('missing.json');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot read missing\.json/);
  });
});

describe('simulate CLI (in-process)', () => {
  it('honours --seed, --duration, --warmup and is deterministic', () => {
    const a = cli('examples/mm1.json', '--duration', '200', '--seed', '3', '--warmup', '20');
    const doc = JSON.parse(a.stdout);
    expect([doc.seed, doc.duration]).toEqual([3, 200]);
    expect(doc.nodes.billing.utilization).toBeGreaterThan(0.7);
    expect(cli('examples/mm1.json', '--duration', '200', '--seed', '3', '--warmup', '20').stdout).toBe(
      a.stdout,
    );
    expect(cli('examples/mm1.json', '--duration', '200', '--seed', '4', '--warmup', '20').stdout).not.toBe(
      a.stdout,
    );
  });

  it('takes defaults from the flow settings; empty figures are zeros, never NaN', () => {
    const r = cli('examples/orders.json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.seed, doc.duration]).toEqual([42, 120]);
    expect(doc.nodes.orders.wait).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(r.stdout).not.toMatch(/NaN|Infinity|null/);
    const t = doc.totals;
    expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
  });

  it('refuses bad usage and unreadable input with exit 2', () => {
    files['bad.json'] = '{ nope';
    const cases: [string[], RegExp, number][] = [
      [[], /missing FLOW\.json/, 2],
      [['bad.json'], /not valid JSON/, 1],
      [['examples/mm1.json', '--seed', '-1'], /--seed: must be a whole number ≥ 0/, 2],
      [['examples/mm1.json', '--duration'], /--duration: needs a value/, 2],
      [
        ['examples/mm1.json', '--warmup', '700'],
        /warm-up \(700 s\) must be shorter than the duration \(600 s\)/,
        2,
      ],
      [['examples/mm1.json', '--speed', '2'], /unknown option "--speed"/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = cli(...args);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints every problem of a bad flow on its own line, with its path (exit 1)', () => {
    const at = { x: 0, y: 0 };
    files['flow.json'] = JSON.stringify({
      format: 'eventflow',
      version: 1,
      name: 'bad',
      nodes: [
        {
          id: 'p',
          kind: 'producer',
          position: at,
          config: { eventType: 'e', interarrival: { dist: 'exponential', mean: -1 } },
        },
        {
          id: 'h',
          kind: 'handler',
          position: at,
          config: { concurrency: 0, service: { dist: 'constant', value: 1 } },
        },
      ],
      edges: [],
    });
    const r = cli('flow.json');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('nodes[0].config.interarrival.mean: must be a number > 0 s');
    expect(lines).toContain('nodes[1].config.concurrency: must be a whole number ≥ 1');
    files['unreachable.json'] = JSON.stringify({
      format: 'eventflow',
      version: 1,
      name: 'u',
      nodes: [
        {
          id: 'h',
          kind: 'handler',
          label: 'Billing',
          position: at,
          config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
        },
      ],
      edges: [],
    });
    const u = cli('unreachable.json');
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('nodes[0]: handler "Billing" is unreachable: no producer feeds it');
  });
});
