// The CLI as users run it: a real process, stdout parsed as JSON, errors on stderr.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const cli = join(root, 'src/cli/simulate.ts');
const simulate = (...args: string[]) => spawnSync(tsx, [cli, ...args], { cwd: root, encoding: 'utf8' });
const tmp = mkdtempSync(join(tmpdir(), 'simulate-'));
const file = (name: string, text: string) => {
  const p = join(tmp, name);
  writeFileSync(p, text);
  return p;
};

describe('simulate CLI', () => {
  it('prints exactly the DESIGN.md document, deterministic per seed', () => {
    const r = simulate('examples/mm1.json', '--duration', '300', '--seed', '7', '--warmup', '30');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['seed', 'duration', 'wallMs', 'events', 'nodes', 'endToEnd', 'totals']);
    expect(doc.seed).toBe(7);
    expect(doc.duration).toBe(300);
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
    ]);
    expect(Object.keys(h.wait)).toEqual(['count', 'mean', 'p50', 'p95', 'p99', 'max']);
    expect(Object.keys(doc.totals)).toEqual([
      'emitted',
      'completed',
      'dropped',
      'lost',
      'deadLettered',
      'inFlight',
    ]);
    expect(h.utilization).toBeGreaterThan(0.7);
    const again = JSON.parse(
      simulate('examples/mm1.json', '--duration', '300', '--seed', '7', '--warmup', '30').stdout,
    );
    expect({ ...again, wallMs: 0 }).toEqual({ ...doc, wallMs: 0 });
  });

  it('takes defaults from the flow settings; empty figures are zeros, never NaN', () => {
    const r = simulate('examples/orders.json');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.duration).toBe(120);
    expect(doc.nodes.orders.wait).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(r.stdout).not.toMatch(/NaN|Infinity|null/);
  });

  it('refuses bad input on stderr with a non-zero exit', () => {
    const cases: [string[], RegExp][] = [
      [[], /missing FLOW\.json/],
      [['missing.json'], /cannot read missing\.json/],
      [[file('bad.json', '{ nope')], /not valid JSON/],
      [['examples/mm1.json', '--seed', '-1'], /--seed: must be a whole number ≥ 0/],
      [['examples/mm1.json', '--duration'], /--duration: needs a value/],
      [
        ['examples/mm1.json', '--warmup', '700'],
        /warm-up \(700 s\) must be shorter than the duration \(600 s\)/,
      ],
      [['examples/mm1.json', '--speed', '2'], /unknown option "--speed"/],
    ];
    for (const [args, message] of cases) {
      const r = simulate(...args);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints every problem of a bad flow on its own line, with its path', () => {
    const bad = file(
      'flow.json',
      JSON.stringify({
        format: 'eventflow',
        version: 1,
        name: 'bad',
        nodes: [
          {
            id: 'p',
            kind: 'producer',
            position: { x: 0, y: 0 },
            config: { eventType: 'e', interarrival: { dist: 'exponential', mean: -1 } },
          },
          {
            id: 'h',
            kind: 'handler',
            position: { x: 0, y: 0 },
            config: { concurrency: 0, service: { dist: 'constant', value: 1 } },
          },
        ],
        edges: [],
      }),
    );
    const r = simulate(bad);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('nodes[0].config.interarrival.mean: must be a number > 0 s');
    expect(lines).toContain('nodes[1].config.concurrency: must be a whole number ≥ 1');
    const unreachable = file(
      'unreachable.json',
      JSON.stringify({
        format: 'eventflow',
        version: 1,
        name: 'u',
        nodes: [
          {
            id: 'h',
            kind: 'handler',
            label: 'Billing',
            position: { x: 0, y: 0 },
            config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
          },
        ],
        edges: [],
      }),
    );
    const u = simulate(unreachable);
    expect(u.status).toBe(1);
    expect(u.stderr).toContain('nodes[0]: handler "Billing" is unreachable: no producer feeds it');
  });
});
