// The package's bin (`npx eventflow …` from a clone): usage for no or an unknown command, and
// `eventflow simulate` and `eventflow asyncapi` are the same commands as `npm run simulate` and
// `npm run asyncapi`, worker threads included, run from the bundles it builds in
// node_modules/.cache (render.test.ts runs `eventflow render`).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeFlow } from '../model/serialize';
import { parseFlowText } from '../model/validate';
import { ASYNCAPI_HELP } from './asyncapiHelp';
import { HELP } from './help';
import { eventflow, eventflowWith, root, simulate } from './testing/cli';

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
    expect(help.stdout).toContain('render FLOW.json');
    expect(help.stdout).toContain('asyncapi import FILE…');
    expect(eventflow('toString').code).toBe(2);
  });

  it('runs asyncapi: export piped into import gives the flow back', () => {
    expect(eventflow('asyncapi', '--help').stdout).toBe(ASYNCAPI_HELP);
    const exported = eventflow('asyncapi', 'export', 'examples/mm1.json');
    expect([exported.code, exported.stderr]).toEqual([0, '']);
    const back = eventflowWith(exported.stdout, 'asyncapi', 'import', '-');
    expect([back.code, back.stderr]).toEqual([0, '']);
    const original = parseFlowText(readFileSync(join(root, 'examples/mm1.json'), 'utf8'));
    if (!original.ok) throw new Error('examples/mm1.json is a valid flow');
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeFlow(original.flow)));
    expect(eventflow('asyncapi', 'export').code).toBe(2);
    // From the bundle, not the sources through tsx (which the bin falls back on when a build fails).
    const cache = join(
      root,
      'node_modules/.cache/eventflow-cli',
      createHash('sha256').update(root).digest('hex').slice(0, 16),
    );
    const manifest = JSON.parse(readFileSync(join(cache, 'manifest.json'), 'utf8')) as { build: string };
    expect(readdirSync(join(cache, manifest.build)).sort()).toEqual([
      'asyncapi.mjs',
      'render.mjs',
      'simulate.mjs',
      'sweepWorker.mjs',
    ]);
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
