// Issue 13 at the command line: pathological input gets a clear answer quickly, in bounded memory,
// and never a stack trace. Each case runs the real command in a child process with a heap cap, a
// wall-clock timeout and its peak resident memory measured (testing/measure.ts). The fixtures are
// in fixtures/; the big ones are generated into test-results/ (never outside the repository).
import { spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, ftruncateSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../model/limits';
import { chain, doc, handlerNode, producerNode } from '../model/testing/pathological';
import { EXIT } from './args';

const root = join(import.meta.dirname, '../..');
const scratch = join(root, 'test-results/cli-limits');
const fixture = (name: string) => `src/cli/fixtures/${name}`;
const scratchFile = (name: string) => join(scratch, name);

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory, MB. */
  rssMb: number;
  ms: number;
}

/** The real command, in a child process with a capped heap and a timeout. */
function simulate(args: string[], { heapMb = 256, timeoutMs = 30_000, preload = [] as string[] } = {}): Run {
  const start = Date.now();
  const r = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${heapMb}`,
      '--import',
      'tsx',
      '--import',
      './src/cli/testing/measure.ts',
      ...preload.flatMap((p) => ['--import', p]),
      'src/cli/simulate.ts',
      ...args,
    ],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: timeoutMs,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    },
  );
  const rssKb = Number(r.output[3] ?? 0);
  return {
    code: r.status,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    rssMb: rssKb / 1024,
    ms: Date.now() - start,
  };
}

const lines = (text: string) => text.trimEnd().split('\n');
/** What a stack trace looks like: "    at fn (file:line:col)". */
const STACK = /^\s+at\s/m;

function expectAnswer(r: Run, code: number, message: RegExp, { rssMb = 400 } = {}) {
  expect(r.signal, `killed after ${r.ms} ms; stderr: ${r.stderr}`).toBeNull();
  expect(r.code, r.stderr).toBe(code);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.rssMb, 'peak RSS (MB)').toBeLessThan(rssMb);
  expect(r.rssMb, 'measured').toBeGreaterThan(0);
}

beforeAll(() => mkdirSync(scratch, { recursive: true }));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('flows refused at validation, at once and in little memory (items 2, 4, 9, 13)', () => {
  const refused: [string, RegExp][] = [
    [
      'interarrival-constant-0.json',
      /nodes\[0\]\.config\.interarrival: is always 0: the producer would emit without end/,
    ],
    ['interarrival-uniform-0-0.json', /nodes\[0\]\.config\.interarrival: is always 0/],
    ['interarrival-normal-0-0.json', /nodes\[0\]\.config\.interarrival: is always 0/],
    ['interarrival-exponential-1e-9.json', /nodes\[0\]\.config\.interarrival: averages 0\.001 µs/],
    ['lognormal-interarrival-1e-300.json', /nodes\[0\]\.config\.interarrival\.mean: must be at least 1e-9 s/],
    [
      'lognormal-service-stddev-1e308.json',
      /nodes\[2\]\.config\.service\.stddev: must be at most 1,000,000,000 s/,
    ],
    ['partitions-2e31.json', /nodes\[1\]\.config\.partitions: must be at most 10,000\n$/],
    ['partitions-2e32.json', /nodes\[1\]\.config\.partitions: must be at most 10,000\n$/],
    ['partitions-1e7.json', /nodes\[1\]\.config\.partitions: must be at most 10,000\n$/],
    ['concurrency-1e8.json', /nodes\[2\]\.config\.concurrency: must be at most 100,000\n$/],
    ['concurrency-2e32.json', /nodes\[2\]\.config\.concurrency: must be at most 100,000\n$/],
    ['concurrency-2e32-plus-1.json', /nodes\[2\]\.config\.concurrency: must be at most 100,000\n$/],
    ['loop-latency-1e-300.json', /edges\[1\]\.latency\.value: must be 0 or at least 1e-9 s \(1 ns\)/],
    ['loop-nanosecond-services.json', /nodes\[1\]: handler "x" is on a loop that takes no time/],
    [
      'burst-1e12.json',
      /nodes\[0\]\.config\.interarrival: is always 0: a burst of 1,000,000,000,000 events at one instant/,
    ],
    // Version 2's fields: the table of a billion skewed keys took 8 GB and did not finish in 2 minutes.
    ['keys-skewed-1e9.json', /nodes\[0\]\.config\.keys: must be at most 1,000,000 with keySkew/],
    ['prefetch-2e31.json', /edges\[1\]\.prefetch: must be at most 1,000,000\n$/],
    [
      'profile-peak-1e6.json',
      /nodes\[0\]\.config\.interarrival: averages 0\.000001 µs at the profile's peak \(factor 1,000,000\)/,
    ],
  ];
  it.each(refused)(
    '%s: exit 1 with the path and the reason',
    (name, message) => {
      const r = simulate([fixture(name), '--duration', '100000']);
      expectAnswer(r, EXIT.badFlow, message, { rssMb: 250 });
      expect(r.stdout).toBe('');
      expect(r.ms).toBeLessThan(15_000);
    },
    30_000,
  );
});

describe('input that is not a flow file (item 5)', () => {
  it.each(['/dev/zero', '/dev/urandom'])(
    '%s is refused at once, not read',
    (device) => {
      const r = simulate([device]);
      expectAnswer(
        r,
        EXIT.usage,
        new RegExp(`cannot read ${device}: a character device, not a regular file`),
        {
          rssMb: 250,
        },
      );
    },
    30_000,
  );

  it('a FIFO with no writer is refused without waiting; a directory too', () => {
    const fifo = scratchFile('fifo');
    rmSync(fifo, { force: true });
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expectAnswer(
      simulate([fifo], { timeoutMs: 20_000 }),
      EXIT.usage,
      /a named pipe \(FIFO\), not a regular file/,
    );
    expectAnswer(simulate([scratch]), EXIT.usage, /a directory, not a regular file/);
  }, 60_000);

  it('a file over the size limit is refused with the limit, without being read', () => {
    const big = scratchFile('big.json');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, MAX_FILE_BYTES + 1); // sparse: no disk used
    closeSync(fd);
    const r = simulate([big]);
    expectAnswer(
      r,
      EXIT.usage,
      /cannot read .*big\.json: 64 MiB: more than 64 MiB, the most this command reads/,
      {
        rssMb: 250,
      },
    );
  }, 30_000);
});

describe('pathological but valid files (items 3, 8, 10, 12, 14)', () => {
  it('an unknown field nested 10,000 levels deep is refused with its place and the limit', () => {
    const file = scratchFile('deep.json');
    // 10,000 levels in a 50 KB file, written as text (JSON.stringify itself recurses).
    const levels = 10_000;
    const deep = `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
    const flow = JSON.stringify(doc([producerNode('p', { dist: 'constant', value: 1 })]));
    writeFileSync(file, flow.replace('"config"', `"x":${deep},"config"`));
    const r = simulate([file]);
    expectAnswer(r, EXIT.badFlow, /nodes\[0\]\.x\.a\.a\.a\.a\.a…: nested more than 64 levels deep/);
  }, 30_000);

  it('25,000 problems print 20 and a count, not 25,000 lines', () => {
    const file = scratchFile('problems.json');
    const nodes = Array.from({ length: 25_000 }, (_, i) =>
      handlerNode(`h${i}`, { dist: 'constant', value: 1 }, { concurrency: 0 }),
    );
    writeFileSync(file, JSON.stringify(doc(nodes)));
    const r = simulate([file]);
    expectAnswer(r, EXIT.badFlow, /…and 24,980 more problems\n$/);
    expect(lines(r.stderr)).toHaveLength(22);
  }, 60_000);

  it('ids and labels with escape sequences reach the terminal escaped', () => {
    const r = simulate([fixture('ansi-escapes.json')]);
    expectAnswer(r, EXIT.badFlow, /handler "Lonely \\u001b\[2J" is unreachable/);
    // eslint-disable-next-line no-control-regex
    expect(r.stderr).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
  }, 30_000);

  it('ids named like Object members are reported like any other (none dropped)', () => {
    const r = simulate([fixture('prototype-ids.json')]);
    expectAnswer(r, EXIT.ok, /^$/);
    const report = JSON.parse(r.stdout) as { nodes: object };
    expect(Object.keys(report.nodes)).toEqual(['__proto__', 'constructor', 'toString', ' p ']);
  }, 30_000);

  it('runs a 20,000-node chain (10,000 queue → handler hops) to the end', () => {
    const file = scratchFile('chain.json');
    writeFileSync(file, JSON.stringify(chain(10_000, { dist: 'constant', value: 0.001 }, { duration: 100 })));
    const r = simulate([file], { heapMb: 1024, timeoutMs: 90_000 });
    // About 2 GB today: the engine keeps about 100 KB of figures per node (docs/limits.md).
    expectAnswer(r, EXIT.ok, /^$/, { rssMb: 3000 });
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc.nodes)).toHaveLength(20_001);
    expect(doc.totals).toMatchObject({ emitted: 5, completed: 5, inFlight: 0 });
    expect(doc.nodes.h9999.in).toBe(5);
  }, 120_000);
});

describe('long runs can be bounded and say how far they got (item 6)', () => {
  it('--max-wall stops a run of 10⁹ s, prints the figures so far and says where it stopped (exit 4)', () => {
    const r = simulate(['examples/mm1.json', '--duration', '1000000000', '--max-wall', '1']);
    expectAnswer(
      r,
      EXIT.stopped,
      /simulate: stopped by --max-wall 1 s — at t = [\d,.]+ s of 1,000,000,000 s \([\d,]+ events\); the figures on stdout cover the run up to there\n$/,
    );
    expect(r.ms).toBeLessThan(15_000);
    const doc = JSON.parse(r.stdout);
    expect(doc.stopped).toMatchObject({ reason: 'max-wall', message: 'stopped by --max-wall 1 s' });
    expect(doc.stopped.time).toBeGreaterThan(0);
    const t = doc.totals;
    expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
  }, 30_000);
});

describe('no stack trace ever (item 7)', () => {
  it('an internal error is one line and exit 5', () => {
    const r = simulate(['examples/mm1.json', '--duration', '1'], { preload: ['./src/cli/testing/crash.ts'] });
    expectAnswer(
      r,
      EXIT.internal,
      /^simulate: internal error \(RangeError: Maximum call stack size exceeded\); this is a bug in Eventflow Studio, please report it with the flow file\n$/,
    );
    expect(r.stdout).toBe('');
  }, 30_000);
});

describe('runs the engine stops by itself (items 1 and 15: the engine’s guards)', () => {
  it('an overloaded queue stops at the message limit, names the node and prints the figures so far', () => {
    const r = simulate([fixture('overload.json')], { heapMb: 1024, timeoutMs: 120_000 });
    expectAnswer(
      r,
      EXIT.stopped,
      /^simulate: run stopped: queue "Queue" holds [\d,]+ waiting messages and grows without bound: arrivals 1,000\/s against a capacity of [\d.]+\/s \(ρ = 10\);.* — at t = [\d,.]+ s of 300,000 s \([\d,]+ events\); the figures on stdout cover the run up to there\n$/,
      { rssMb: 1500 },
    );
    expect(r.ms).toBeLessThan(60_000);
    const doc = JSON.parse(r.stdout);
    expect(doc.stopped).toMatchObject({ reason: 'messages', nodeId: 'q', path: 'nodes[1]' });
    const t = doc.totals;
    expect(t.emitted).toBe(t.completed + t.dropped + t.lost + t.deadLettered + t.inFlight);
    expect(t.inFlight).toBeGreaterThan(5_000_000);
  }, 180_000);

  it('--max-messages lowers the limit', () => {
    const r = simulate([fixture('overload.json'), '--max-messages', '10000']);
    expectAnswer(r, EXIT.stopped, /"q"|Queue/, { rssMb: 400 });
    expect(JSON.parse(r.stdout).stopped.reason).toBe('messages');
  }, 60_000);

  it('two block queues feeding each other report a deadlock', () => {
    const r = simulate([fixture('block-deadlock.json')]);
    expectAnswer(r, EXIT.stopped, /^simulate: run stopped: deadlock .*queue "qa", queue "qb"/);
    expect(JSON.parse(r.stdout).stopped.reason).toBe('deadlock');
  }, 30_000);

  it('a stream retrying a failing message in place at once (valid) stops: time does not advance', () => {
    const r = simulate([fixture('stream-block-instant-retry.json')]);
    expectAnswer(
      r,
      EXIT.stopped,
      /^simulate: run stopped: simulated time has stopped advancing at t = 0: .*stream "s".*retries a failing message without end/,
    );
    expect(JSON.parse(r.stdout).stopped).toMatchObject({ reason: 'stuck', time: 0 });
    expect(r.ms).toBeLessThan(20_000);
  }, 30_000);

  it('an instant dead-letter cycle (valid: a dead letter only follows a failure) stops: time does not advance', () => {
    const r = simulate([fixture('dead-letter-cycle.json')]);
    expectAnswer(
      r,
      EXIT.stopped,
      /^simulate: run stopped: simulated time has stopped advancing at t = 0: .*queue "a"/,
    );
    expect(JSON.parse(r.stdout).stopped.reason).toBe('stuck');
    expect(r.ms).toBeLessThan(20_000);
  }, 30_000);
});
