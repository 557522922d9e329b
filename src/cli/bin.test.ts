// The package's bin (`npx eventflow …` from a clone): usage for no or an unknown command, and
// `eventflow simulate` is the same command as `npm run simulate`, worker threads included, run
// from the bundle it builds in node_modules/.cache.
import { describe, expect, it } from 'vitest';
import { HELP } from './help';
import { eventflow, simulate } from './testing/cli';

describe('bin/eventflow.mjs', () => {
  it('prints its usage for no command (exit 2), an unknown one (exit 2) and help (exit 0)', () => {
    const none = eventflow();
    expect([none.code, none.stdout]).toEqual([2, '']);
    expect(none.stderr).toMatch(
      /^eventflow: a command is needed\nusage: eventflow <command> \[arguments\]\n/,
    );
    const unknown = eventflow('simulat\u001b[2J');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^eventflow: unknown command "simulat\\u001b\[2J"\nusage: eventflow/);
    const help = eventflow('help');
    expect([help.code, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toContain('simulate merge PART.json…');
  });

  it('runs simulate: the same help, the same documents and exit codes as npm run simulate', () => {
    expect(eventflow('simulate', '--help').stdout).toBe(HELP);
    const args = [
      ...['examples/mm1.json', '--duration', '600', '--warmup', '6'],
      ...['--sweep', 'nodes.billing.config.concurrency=1,2', '--replications', '4'],
      ...['--assert', 'endToEnd.p99 < 0.1'],
    ];
    const viaBin = eventflow('simulate', ...args, '--jobs', '2');
    const viaTsx = simulate(...args);
    expect(viaBin.code).toBe(0);
    expect(viaBin.stdout).toBe(viaTsx.stdout);
    expect(viaBin.stderr).toBe(viaTsx.stderr);
    const failed = eventflow(
      'simulate',
      'examples/mm1.json',
      '--duration',
      '60',
      '--warmup',
      '6',
      '--assert',
      'endToEnd.p99 < 0.001',
    );
    expect(failed.code).toBe(3);
  });
});
