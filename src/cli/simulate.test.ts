// The CLI as users run it: a real process for the happy path and one failure, and the same code
// in-process (runCli) for every other case, which keeps the suite fast.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as validate from '../model/validate';
import { readRegularFile } from './readFile';
import { runCli, type CliIo } from './run';

const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const spawn = (...args: string[]) =>
  spawnSync(tsx, [join(root, 'src/cli/simulate.ts'), ...args], { cwd: root, encoding: 'utf8' });

const files = new Map<string, string>();
const io: CliIo = {
  readFile: (p, max) => files.get(p) ?? readRegularFile(join(root, p), max),
  now: () => 0,
};
const cli = (...args: string[]) => runCli(args, io);

describe('simulate CLI (process)', () => {
  it('prints exactly the report document of docs/cli.md and nothing else', async () => {
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
      'calls',
      'attempts',
      'timeouts',
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
      (await cli('examples/mm1.json', '--duration', '300', '--seed', '7', '--warmup', '30')).stdout,
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
  it('honours --seed, --duration, --warmup and is deterministic', async () => {
    const a = await cli('examples/mm1.json', '--duration', '200', '--seed', '3', '--warmup', '20');
    const doc = JSON.parse(a.stdout);
    expect([doc.seed, doc.duration]).toEqual([3, 200]);
    expect(doc.nodes.billing.utilization).toBeGreaterThan(0.7);
    expect(
      (await cli('examples/mm1.json', '--duration', '200', '--seed', '3', '--warmup', '20')).stdout,
    ).toBe(a.stdout);
    expect(
      (await cli('examples/mm1.json', '--duration', '200', '--seed', '4', '--warmup', '20')).stdout,
    ).not.toBe(a.stdout);
  });

  it('runs a scenario with its faults and load profile, and reports what each fault did', async () => {
    const r = await cli('src/io/templates/consumers-down.json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.faults).toHaveLength(1);
    const [f] = doc.faults;
    expect(Object.keys(f)).toEqual([
      'target',
      'kind',
      'at',
      'duration',
      'backlogPeak',
      'drainTime',
      'lost',
      'deadLettered',
      'duplicates',
    ]);
    expect(f).toMatchObject({ target: 'handler-1', kind: 'crash', at: 120, duration: 60, lost: 0 });
    // Peak near λD = 80/s × 60 s and drained in about λD/(cμ − λ) = 240 s.
    expect(Math.abs(f.backlogPeak / 4800 - 1)).toBeLessThan(0.06);
    expect(Math.abs(f.drainTime / 240 - 1)).toBeLessThan(0.15);
    // A flow without faults keeps the version 1 document's shape.
    expect(JSON.parse((await cli('examples/mm1.json', '--duration', '200')).stdout)).not.toHaveProperty(
      'faults',
    );
  });

  it('takes defaults from the flow settings; empty figures are zeros, never NaN', async () => {
    const r = await cli('examples/orders.json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect([doc.seed, doc.duration]).toEqual([42, 120]);
    expect(doc.nodes.orders.wait).toEqual({ count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 });
    expect(r.stdout).not.toMatch(/NaN|Infinity|null/);
    const t = doc.totals;
    expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
  });

  it('refuses bad usage and unreadable input with exit 2', async () => {
    files.set('bad.json', '{ nope');
    const cases: [string[], RegExp, number][] = [
      [[], /missing FLOW\.json/, 2],
      [['bad.json'], /not valid JSON/, 1],
      [['examples/mm1.json', '--seed', '-1'], /--seed: must be a whole number ≥ 0/, 2],
      [['examples/mm1.json', '--duration'], /--duration: needs a value/, 2],
      [
        ['examples/mm1.json', '--warmup', '700'],
        /warm-up \(700 s, from --warmup\) must be shorter than the duration \(600 s, from the file's settings\)/,
        2,
      ],
      [['examples/mm1.json', '--speed', '2'], /unknown option "--speed"/, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = await cli(...args);
      expect(r.code).toBe(code);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
    }
  });

  it('puts the usage on a line of its own after the reason, the reason escaped', async () => {
    expect((await cli('examples/mm1.json', '--speed\u001b[2J')).stderr).toBe(
      'simulate: unknown option "--speed\\u001b[2J"\nusage: npm run -s simulate -- FLOW.json [options]   (--help for more)\n',
    );
    expect((await cli('merge', '--x')).stderr).toBe(
      'simulate: merge: unknown option "--x"\nusage: npm run -s simulate -- merge PART.json… (the files --shard I/N printed)\n',
    );
  });

  it('prints every problem of a bad flow on its own line, with its path (exit 1)', async () => {
    const at = { x: 0, y: 0 };
    files.set(
      'flow.json',
      JSON.stringify({
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
      }),
    );
    const r = await cli('flow.json');
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain('nodes[0].config.interarrival.mean: must be a number > 0 s');
    expect(lines).toContain('nodes[1].config.concurrency: must be a whole number ≥ 1');
    files.set(
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
            position: at,
            config: { concurrency: 1, service: { dist: 'constant', value: 1 } },
          },
        ],
        edges: [],
      }),
    );
    const u = await cli('unreachable.json');
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('nodes[0]: handler "Billing" is unreachable: no producer feeds it');
  });
});

describe('simulate CLI: help, notes, limits, progress (in-process)', () => {
  it('--help prints usage, options, exit codes and limits, and exits 0', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Runs a flow file headless/);
    for (const text of ['--max-wall S', '--max-events N', '--max-messages N', '5  internal error', '64 MiB'])
      expect(r.stdout).toContain(text);
    expect((await cli('examples/mm1.json', '-h')).stdout).toBe(r.stdout);
  });

  it('says how to fix a warm-up from the file that --duration makes too long', async () => {
    const r = await cli('examples/mm1.json', '--duration', '60');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "simulate: warm-up (60 s, from the file's settings) must be shorter than the duration (60 s, from --duration): pass a shorter --warmup (e.g. --warmup 6) or a longer --duration\n",
    );
    expect((await cli('examples/mm1.json', '--duration', '60', '--warmup', '6')).code).toBe(0);
  });

  it('prints what reading an older file changed in meaning, on stderr, and runs it', async () => {
    const notices = [
      { path: 'nodes[0]', nodeId: 'p\u001b[2J', message: 'a failed message is now redelivered' },
    ];
    const spy = vi.spyOn(validate, 'parseFlowText');
    spy.mockImplementation((text) => {
      const r = validate.parseFlow(JSON.parse(text));
      return r.ok ? { ...r, notices } : r;
    });
    try {
      const r = await cli('examples/mm1.json', '--duration', '100', '--warmup', '0');
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('simulate: note: nodes[0] (p\\u001b[2J): a failed message is now redelivered\n');
    } finally {
      spy.mockRestore();
    }
  });

  it('--max-events stops the run, prints the figures up to there (which balance) and exits 4', async () => {
    const r = await cli('examples/mm1.json', '--max-events', '5000');
    expect(r.code).toBe(4);
    const doc = JSON.parse(r.stdout);
    expect(doc.events).toBe(5000);
    expect(doc.stopped).toMatchObject({ reason: 'max-events', message: 'stopped by --max-events 5,000' });
    expect(Object.keys(doc).slice(0, 6)).toEqual([
      'seed',
      'duration',
      'wallMs',
      'events',
      'stopped',
      'nodes',
    ]);
    const t = doc.totals;
    expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
    expect(r.stderr).toMatch(
      /^simulate: stopped by --max-events 5,000 — at t = [\d,.]+ s of 600 s \(5,000 events\); the figures on stdout cover the run up to there\n$/,
    );
  });

  it('--max-wall stops by the injected clock; progress goes to the terminal only', async () => {
    let clock = 0;
    const progress: string[] = [];
    const r = await runCli(['examples/mm1.json', '--duration', '1000000000', '--max-wall', '2'], {
      ...io,
      now: () => (clock += 100), // every look at the clock, 0.1 s more
      progress: (text) => progress.push(text),
    });
    expect(r.code).toBe(4);
    expect(JSON.parse(r.stdout).stopped.reason).toBe('max-wall');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress[0]).toMatch(
      /^simulate: t = [\d,.]+ s of 1,000,000,000 s \(0\.0%\) · [\d,]+ events · [\d.]+ s$/,
    );
    expect(progress.at(-1)).toBe(''); // the progress line is cleared before the final message
    // Without a terminal nothing but the result is printed.
    expect((await cli('examples/mm1.json', '--duration', '100', '--warmup', '0')).stderr).toBe('');
  });

  it('refuses option values past the limits, with the limit', async () => {
    expect((await cli('examples/mm1.json', '--duration', '1e10')).stderr).toMatch(
      /--duration: must be a number of seconds > 0, at most 1,000,000,000/,
    );
    expect((await cli('examples/mm1.json', '--max-messages', '1e9')).stderr).toMatch(
      /--max-messages: must be a whole number from 1 to 100,000,000/,
    );
    expect((await cli('examples/mm1.json', '--max-events', '0')).code).toBe(2);
    expect((await cli('examples/mm1.json', '--max-wall', 'NaN')).code).toBe(2);
    expect((await cli('examples/mm1.json', '--duration', 'Infinity')).code).toBe(2);
  });

  it('escapes control characters echoed from a file name or a flow, and caps long lists', async () => {
    const r = await cli('no\u001b[2Jsuch.json');
    expect(r.stderr).toBe('simulate: cannot read no\\u001b[2Jsuch.json: no such file\n');
    const nodes = Array.from({ length: 30 }, (_, i) => ({
      id: `h${i}`,
      kind: 'handler',
      position: { x: 0, y: 0 },
      config: { concurrency: 0, service: { dist: 'constant', value: 1 } },
    }));
    files.set('many.json', JSON.stringify({ format: 'eventflow', version: 2, name: 'm', nodes, edges: [] }));
    const lines = (await cli('many.json')).stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(22);
    expect(lines.at(-1)).toBe('…and 10 more problems');
  });
});
