// `asyncapi import` and `asyncapi export` in-process (runAsyncApi, with the repository's files and
// text held in memory): every fixture imports to a flow that simulate runs, every template comes
// back from export → import unchanged, and every error says what and where, with its exit code.
// asyncapiProcess.test.ts runs the same command as users start it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAsyncApi } from '../io/asyncapi';
import { serializeFlow } from '../model/serialize';
import { parseFlowText } from '../model/validate';
import { EXIT } from './args';
import { ASYNCAPI_USAGE } from './asyncapiArgs';
import { ASYNCAPI_HELP } from './asyncapiHelp';
import { type AsyncApiIo, runAsyncApi } from './asyncapiRun';
import { FileRefused, readRegularFile } from './readFile';
import { ALL_FIXTURES, FIXTURES, IMPORTS, SOCIAL_MEDIA, TEMPLATE_FILES } from './testing/asyncapiFixtures';
import { inProcess, root } from './testing/cli';

/** The command in this process: `files` before the disk, `stdin` for "-", --out's files kept in `written`. */
function command(files = new Map<string, string>()) {
  const written = new Map<string, string>();
  const run = (args: string[], stdin?: string) => {
    const io: AsyncApiIo = {
      readFile: (p, max) => files.get(p) ?? readRegularFile(join(root, p), max),
      readStdin: async () => {
        if (stdin === undefined) throw new FileRefused('a terminal: pipe or redirect a file into it');
        return stdin;
      },
      writeFile: (p, text) => {
        if (p.startsWith('/nowhere/')) throw new FileRefused('its folder does not exist');
        written.set(p, text);
      },
    };
    return runAsyncApi(args, io);
  };
  return { run, written };
}

/** The flow as simulate reads the file: what export → import must give back. */
const flowOf = (text: string) => {
  const r = parseFlowText(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.flow;
};
const fileFlow = (path: string) => flowOf(readFileSync(join(root, path), 'utf8'));

// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('asyncapi import (in-process)', () => {
  it('covers every fixture file', () => {
    expect(ALL_FIXTURES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(IMPORTS.flatMap((i) => i.files))).toEqual(new Set(ALL_FIXTURES));
  });

  for (const { title, files } of IMPORTS)
    it(`${title}: imports to a flow that simulate runs (exit 0)`, async () => {
      const r = await command().run(['import', ...files]);
      expect(r.code).toBe(EXIT.ok);
      // Every line of stderr is a note: the import said what it assumed, and nothing else.
      expect(r.stderr).toMatch(/^(asyncapi: note: [^\n]+\n)+$/);
      expect(r.stdout).toBe(serializeFlow(flowOf(r.stdout)));
      const simulate = inProcess(new Map([['imported.json', r.stdout]]));
      const run = await simulate('imported.json', '--duration', '20', '--warmup', '0');
      expect([run.code, run.stderr]).toEqual([EXIT.ok, '']);
      expect(JSON.parse(run.stdout).totals.completed).toBeGreaterThan(0);
    });

  it('joins the social-media set given in one command, and says which loops it cut', async () => {
    const r = await command().run(['import', ...SOCIAL_MEDIA]);
    expect(r.code).toBe(EXIT.ok);
    const kinds = flowOf(r.stdout).nodes.map((n) => n.kind);
    expect(kinds.filter((k) => k === 'topic')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'handler')).toHaveLength(4);
    expect(kinds.filter((k) => k === 'producer')).toHaveLength(1);
    expect(r.stderr).toContain(
      'asyncapi: note: Edge "like/comment" → "Website Backend" left out: it closes the loop',
    );
    expect(r.stderr).toContain('asyncapi: note: Producer "Website Backend": no rate in the spec');
  });

  it('reads stdin for "-", named <stdin>, beside files', async () => {
    const simple = readFileSync(join(root, FIXTURES, 'simple-asyncapi.yml'), 'utf8');
    const { run } = command();
    const viaStdin = await run(['import', '-'], simple);
    expect(viaStdin.code).toBe(EXIT.ok);
    expect(viaStdin.stdout).toBe((await run(['import', `${FIXTURES}/simple-asyncapi.yml`])).stdout);
    const bad = await run(['import', '-'], 'asyncapi: 3.0.0\nchannels: [1,\n x: 2');
    expect(bad.stderr).toMatch(/^asyncapi: nothing imported:\n<stdin>: line 3, column \d+: not valid YAML/);
    expect((await run(['import', '-'])).stderr).toBe(
      'asyncapi: cannot read <stdin>: a terminal: pipe or redirect a file into it\n',
    );
  });

  it('--out writes the flow as the app saves it, and nothing to stdout', async () => {
    const { run, written } = command();
    const r = await run(['import', `${FIXTURES}/simple-asyncapi.yml`, '--out', 'signup.json']);
    expect([r.code, r.stdout]).toEqual([EXIT.ok, '']);
    expect(r.stderr).toMatch(/^asyncapi: note: /);
    expect(written.get('signup.json')).toBe(serializeFlow(flowOf(written.get('signup.json')!)));
    expect(written.get('signup.json')).toBe(
      (await run(['import', `${FIXTURES}/simple-asyncapi.yml`])).stdout,
    );
  });

  it('escapes what a terminal acts on: in notes, problems and the JSON on stdout (the same value)', async () => {
    const title = 'Evil\u001b[2J\u009b31m\u202e';
    const files = new Map([
      [
        'evil.yaml',
        JSON.stringify({
          asyncapi: '3.0.0',
          info: { title, version: '1' },
          channels: { c: { address: 'c' } },
          operations: { o: { action: 'send', channel: { $ref: '#/channels/c' } } },
        }),
      ],
      ['bad\u001b[2J.yaml', 'x: [1,'],
    ]);
    const { run, written } = command(files);
    const r = await run(['import', 'evil.yaml', '--out', 'evil.json']);
    expect(r.stderr).not.toMatch(RAW);
    expect(r.stderr).toContain('Evil\\u001b[2J\\u009b31m\\u202e');
    expect(flowOf(written.get('evil.json')!).name).toBe(title);
    const out = await run(['import', 'evil.yaml']);
    expect(out.stdout).not.toMatch(RAW);
    expect(flowOf(out.stdout)).toEqual(flowOf(written.get('evil.json')!));
    const bad = await run(['import', 'bad\u001b[2J.yaml']);
    expect(bad.stderr).toMatch(/^asyncapi: nothing imported:\nbad\\u001b\[2J\.yaml: line 1/);
  });
});

describe('asyncapi export (in-process)', () => {
  it('every template: export piped into import gives the flow back; exporting that gives the same text', async () => {
    const { run } = command();
    for (const template of TEMPLATE_FILES) {
      const exported = await run(['export', template]);
      expect([exported.code, exported.stderr]).toEqual([EXIT.ok, '']);
      expect(exported.stdout).toMatch(/^asyncapi: 3\.0\.0\n/);
      const back = await run(['import', '-'], exported.stdout);
      expect([back.code, back.stderr]).toEqual([EXIT.ok, '']);
      expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeFlow(fileFlow(template))));
      expect((await run(['export', '-'], back.stdout)).stdout).toBe(exported.stdout);
    }
  });

  it('reads an older file as simulate does: migrated, with its notes on stderr', async () => {
    const v1 = 'src/model/fixtures/v1/signup-topic.json';
    const r = await command().run(['export', v1]);
    expect(r.code).toBe(EXIT.ok);
    expect(r.stderr.split('\n')[0]).toBe(
      'asyncapi: note: nodes[2] (handler-1): the latency of the edge from its queue or topic no longer holds a worker: messages travel while the workers serve others (the delivery window; prefetch defaults to the concurrency)',
    );
    const sim = await inProcess(new Map())(v1, '--duration', '100');
    expect(r.stderr).toBe(sim.stderr.replaceAll('simulate: ', 'asyncapi: '));
    const back = await command().run(['import', '-'], r.stdout);
    expect(JSON.parse(back.stdout)).toEqual(JSON.parse(serializeFlow(fileFlow(v1))));
  });

  it('--out writes the document exactly as exportAsyncApi; stdout has it escaped for a terminal', async () => {
    const flow = { ...fileFlow(TEMPLATE_FILES[0]!), name: 'orders \u001b[2J\u202e' };
    const { run, written } = command(new Map([['evil.json', serializeFlow(flow)]]));
    expect(await run(['export', 'evil.json', '--out=evil.yaml'])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    expect(written.get('evil.yaml')).toBe(exportAsyncApi(flow));
    const shown = await run(['export', 'evil.json']);
    expect(shown.stdout).not.toMatch(RAW);
    expect(shown.stdout).not.toBe(written.get('evil.yaml'));
    const back = await run(['import', '-'], shown.stdout);
    expect([back.code, back.stderr]).toEqual([EXIT.ok, '']);
    expect(flowOf(back.stdout)).toEqual(flow);
  });
});

describe('asyncapi errors (in-process)', () => {
  const files = new Map([
    ['bad.yaml', 'asyncapi: 3.0.0\ninfo:\n  title: T\n channels: {}\n'],
    ['v2.yaml', 'asyncapi: 2.6.0\ninfo: {title: T, version: "1"}\nchannels: {}\n'],
    ['openapi.yaml', 'openapi: 3.1.0\ninfo: {title: T, version: "1"}\n'],
    ['bad-flow.json', JSON.stringify({ format: 'eventflow', version: 2, nodes: [{ id: 'a' }], edges: [] })],
  ]);
  const { run, written } = command(files);

  it('a file that cannot be read is named (exit 2), even among others', async () => {
    expect(await run(['import', `${FIXTURES}/simple-asyncapi.yml`, 'nope.yaml'])).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: 'asyncapi: cannot read nope.yaml: no such file\n',
    });
    expect((await run(['export', 'src'])).stderr).toBe(
      'asyncapi: cannot read src: a directory, not a regular file\n',
    );
  });

  it('text that is not YAML: the file, line and column (exit 1)', async () => {
    const r = await run(['import', 'bad.yaml']);
    expect(r.code).toBe(EXIT.badFlow);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'asyncapi: nothing imported:\nbad.yaml: line 4, column 1: not valid YAML or JSON (All mapping items must start at the same column)\n',
    );
  });

  it('a document that is not AsyncAPI 3 (exit 1), with what to do', async () => {
    expect(await run(['import', 'v2.yaml'])).toEqual({
      code: EXIT.badFlow,
      stdout: '',
      stderr:
        'asyncapi: nothing imported:\nv2.yaml: asyncapi: "2.6.0": AsyncAPI 2 is not supported: convert it to 3.0 first, with the AsyncAPI CLI (`asyncapi convert FILE --target-version=3.0.0`) or in AsyncAPI Studio, then import the result\n',
    });
    expect((await run(['import', 'openapi.yaml'])).stderr).toBe(
      'asyncapi: nothing imported:\nopenapi.yaml: this is an OpenAPI document, not AsyncAPI: it describes request/response APIs, not events\n',
    );
    const flowFile = await run(['import', 'examples/mm1.json']);
    expect(flowFile.code).toBe(EXIT.badFlow);
    expect(flowFile.stderr).toMatch(
      /^asyncapi: nothing imported:\nexamples\/mm1\.json: this is a Flow JSON file/,
    );
  });

  it('a flow file that is not a valid flow: every problem with its path (exit 1)', async () => {
    expect(await run(['export', 'bad-flow.json'])).toEqual({
      code: EXIT.badFlow,
      stdout: '',
      stderr:
        'asyncapi: bad-flow.json is not a valid flow:\nname: is required\nnodes[0].kind: unknown kind (expected one of "producer", "queue", "topic", "stream", "handler", "dependency", "store")\n',
    });
    expect((await run(['export', '-'], '{ nope')).stderr).toMatch(
      /^asyncapi: <stdin> is not a valid flow:\nnot valid JSON \(/,
    );
    expect((await run(['export', `${FIXTURES}/simple-asyncapi.yml`])).code).toBe(EXIT.badFlow);
  });

  it('a failed command writes nothing to --out; an --out that cannot be written is exit 2', async () => {
    expect((await run(['import', 'v2.yaml', '--out', 'x.json'])).code).toBe(EXIT.badFlow);
    expect((await run(['export', 'bad-flow.json', '--out', 'x.yaml'])).code).toBe(EXIT.badFlow);
    expect(written.size).toBe(0);
    expect(await run(['export', 'examples/mm1.json', '--out', '/nowhere/mm1.yaml'])).toEqual({
      code: EXIT.usage,
      stdout: '',
      stderr: 'asyncapi: cannot write /nowhere/mm1.yaml: its folder does not exist\n',
    });
  });

  it('bad usage: one line saying why, then the usage (exit 2)', async () => {
    const cases: [string[], string][] = [
      [[], 'a subcommand is needed: import or export'],
      [['imprt', 'a.yaml'], 'unknown subcommand "imprt" (import or export)'],
      [['import'], 'import: no files: give one or more AsyncAPI documents (YAML or JSON), or - for stdin'],
      [['import', 'a.yaml', './a.yaml'], '"./a.yaml" is given twice'],
      [['import', '-', '-'], '"-" is given twice (stdin can be read once)'],
      [['import', 'a.yaml', '--format', 'json'], 'unknown option "--format"'],
      [['import', 'a.yaml', '--out'], '--out: needs a file name'],
      [
        ['import', 'a.yaml', '--out', '-'],
        '--out: give a file name; without --out the output goes to stdout',
      ],
      [['import', 'a.yaml', '--out', 'b', '--out', 'c'], '--out: only one (already "b")'],
      [
        ['import', 'a.yaml', '--out', 'dir/../a.yaml'],
        '--out "dir/../a.yaml" is also an input file: write the output elsewhere',
      ],
      [['export'], 'export: no flow file'],
      [['export', 'a.json', 'b.json'], 'export: one flow file, got 2'],
      [['export', 'a.json', '-x\u001b[2J'], 'unknown option "-x\\u001b[2J"'],
    ];
    for (const [args, why] of cases)
      expect([args, await run(args)]).toEqual([
        args,
        { code: EXIT.usage, stdout: '', stderr: `asyncapi: ${why}\n${ASYNCAPI_USAGE}\n` },
      ]);
  });

  it('--help, -h and help print the help (exit 0), wherever they are', async () => {
    for (const args of [['--help'], ['-h'], ['help'], ['import', 'a.yaml', '--help'], ['export', '-h']])
      expect(await run(args)).toEqual({ code: EXIT.ok, stdout: ASYNCAPI_HELP, stderr: '' });
  });
});
