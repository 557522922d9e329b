// The asyncapi command as users start it (`npm run -s asyncapi -- …`, a process through tsx): the
// social-media set imported in one command and run by simulate, a template exported and piped
// back in through stdin, the errors with their exit codes, and a bug as one line. The bin's own
// run of it is in bin.test.ts; every other case runs in-process (asyncapi.test.ts).
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeFlow } from '../model/serialize';
import { parseFlowText } from '../model/validate';
import { EXIT } from './args';
import { ASYNCAPI_USAGE } from './asyncapiArgs';
import { FIXTURES, SOCIAL_MEDIA, TEMPLATE_FILES } from './testing/asyncapiFixtures';
import { asyncapi, root, simulate } from './testing/cli';

/** Inside the repository and ignored by git; removed at the end. */
const scratch = 'test-results/cli-asyncapi';

afterAll(() => rmSync(join(root, scratch), { recursive: true, force: true }));

const flowFile = (path: string) => {
  const r = parseFlowText(readFileSync(join(root, path), 'utf8'));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.flow;
};

describe('asyncapi (process)', () => {
  it('imports the social-media set in one command into --out, and simulate runs that file (exit 0)', () => {
    mkdirSync(join(root, scratch), { recursive: true });
    const out = `${scratch}/social-media.json`;
    const r = asyncapi(['import', ...SOCIAL_MEDIA, '--out', out]);
    expect([r.code, r.stdout]).toEqual([EXIT.ok, '']);
    expect(r.stderr).toMatch(/^(asyncapi: note: [^\n]+\n)+$/);
    expect(r.stderr).toContain('left out: it closes the loop');
    expect(flowFile(out).nodes).toHaveLength(9);
    const run = simulate(out, '--duration', '20');
    expect([run.code, run.stderr]).toEqual([EXIT.ok, '']);
    expect(JSON.parse(run.stdout).totals.completed).toBeGreaterThan(0);
  });

  it('exports a template, and importing that through stdin gives the same flow', () => {
    const template = TEMPLATE_FILES.find((f) => f.endsWith('cqrs-orders.json'))!;
    const exported = asyncapi(['export', template]);
    expect([exported.code, exported.stderr]).toEqual([EXIT.ok, '']);
    const back = asyncapi(['import', '-'], { input: exported.stdout });
    expect([back.code, back.stderr]).toEqual([EXIT.ok, '']);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeFlow(flowFile(template))));
  });

  it('errors: a file that cannot be read (2), bad YAML on stdin (1, line and column), bad usage (2)', () => {
    const missing = asyncapi(['import', `${FIXTURES}/simple-asyncapi.yml`, 'nope.yaml']);
    expect(missing).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: 'asyncapi: cannot read nope.yaml: no such file\n',
    });
    const yaml = asyncapi(['import', '-'], { input: 'asyncapi: 3.0.0\nchannels: [1,\n x: 2' });
    expect(yaml.code).toBe(EXIT.badFlow);
    expect(yaml.stderr).toMatch(
      /^asyncapi: nothing imported:\n<stdin>: line 3, column \d+: not valid YAML or JSON \(.+\)\n$/,
    );
    expect(asyncapi(['convert'])).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: `asyncapi: unknown subcommand "convert" (import or export)\n${ASYNCAPI_USAGE}\n`,
    });
  });

  it('an internal error is one line and exit 5, never a stack trace', () => {
    const r = asyncapi(['import', `${FIXTURES}/simple-asyncapi.yml`], {
      preload: ['./src/cli/testing/crash.ts'],
    });
    expect(r).toEqual({
      code: EXIT.internal,
      stdout: '',
      stderr:
        'asyncapi: internal error (RangeError: Maximum call stack size exceeded); this is a bug in Eventflow Studio, please report it with the files\n',
    });
  });
});
