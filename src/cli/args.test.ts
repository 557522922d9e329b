import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

const defaults = { asserts: [], replications: 5, jobs: 1 };

describe('parseArgs', () => {
  it('reads the file and flags, with or without "="', () => {
    expect(parseArgs(['f.json', '--duration', '10', '--seed=3', '--warmup', '1.5'])).toEqual({
      ok: true,
      args: { ...defaults, file: 'f.json', duration: 10, seed: 3, warmup: 1.5 },
    });
    expect(
      parseArgs(['f.json', '--max-wall', '2.5', '--max-events=1000', '--max-messages', '10000']),
    ).toEqual({
      ok: true,
      args: { ...defaults, file: 'f.json', maxWall: 2.5, maxEvents: 1000, maxMessages: 10000 },
    });
  });
  it('answers --help and -h wherever they are', () => {
    expect(parseArgs(['--help'])).toEqual({ ok: true, help: true });
    expect(parseArgs(['f.json', '--seed', 'x', '-h'])).toMatchObject({ ok: false });
    expect(parseArgs(['-h', 'f.json'])).toEqual({ ok: true, help: true });
  });
  it('refuses bad values and extra files', () => {
    expect(parseArgs(['f.json', '--duration', '0'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/> 0/),
    });
    expect(parseArgs(['f.json', '--seed', '1.5'])).toMatchObject({ ok: false });
    expect(parseArgs(['a.json', 'b.json'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only one flow file/),
    });
    expect(parseArgs(['f.json', '--duration', '5', '--warmup', '5'])).toMatchObject({ ok: false });
    expect(parseArgs(['f.json', '--constructor', '1'])).toMatchObject({
      ok: false,
      error: expect.stringMatching(/unknown option "--constructor"/),
    });
  });
});

describe('parseArgs: objectives and sweeps', () => {
  it('collects --assert in order, and reads --sweep, --replications, --jobs and --shard', () => {
    const r = parseArgs([
      'f.json',
      '--assert',
      'endToEnd.p99 < 0.1',
      '--assert=totals.dropped == 0',
      '--sweep',
      'load=0.5:1:0.25',
      '--replications',
      '10',
      '--jobs=auto',
      '--shard',
      '2/4',
    ]);
    expect(r).toEqual({
      ok: true,
      args: {
        file: 'f.json',
        asserts: [
          { text: 'endToEnd.p99 < 0.1', slo: { metric: 'endToEnd.p99', lt: 0.1 } },
          { text: 'totals.dropped == 0', slo: { metric: 'totals.dropped', eq: 0 } },
        ],
        sweep: { path: 'load', values: [0.5, 0.75, 1] },
        replications: 10,
        jobs: availableParallelism(),
        shard: { index: 2, count: 4 },
      },
    });
    expect(parseArgs(['f.json', '--sweep', 'load=1', '--jobs', '0'])).toMatchObject({
      args: { jobs: availableParallelism() },
    });
  });
});
