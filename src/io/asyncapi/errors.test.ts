// What an import that cannot go on says, and where; and what it goes on without.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { exportAsyncApi, importAsyncApi } from '.';
import { fixtures } from './testing/fixtures';

const one = (text: string, name = 'api.yaml') => importAsyncApi([{ name, text }]);
const problems = (text: string, name?: string) => {
  const r = one(text, name);
  return r.ok ? [] : r.problems;
};

const doc = (extra: object) =>
  JSON.stringify({ asyncapi: '3.0.0', info: { title: 'T', version: '1' }, ...extra });

describe('AsyncAPI import: problems, with where', () => {
  it('text that is neither YAML nor JSON, with line and column', () => {
    expect(problems('asyncapi: 3.0.0\nchannels: [1,\n x: 2')).toEqual([
      expect.stringMatching(/^api\.yaml: line 3, column \d+: not valid YAML or JSON \(.+\)$/),
    ]);
    expect(problems('{"asyncapi": "3.0.0", "asyncapi": "3.0.0"}', 'api.json')).toEqual([
      expect.stringMatching(
        /^api\.json: line 1, column \d+: not valid YAML or JSON \(Map keys must be unique\)$/,
      ),
    ]);
  });

  it('a document that is not AsyncAPI, or nothing at all', () => {
    expect(problems('name: orders\nitems: [1, 2]')).toEqual([
      'api.yaml: not an AsyncAPI document: an AsyncAPI 3 document is an object that starts with "asyncapi: 3.0.0"',
    ]);
    expect(problems('')).toHaveLength(1);
    expect(problems('openapi: 3.1.0')[0]).toBe(
      'api.yaml: this is an OpenAPI document, not AsyncAPI: it describes request/response APIs, not events',
    );
    expect(problems('{"format": "eventflow", "version": 2, "name": "", "nodes": [], "edges": []}')[0]).toBe(
      'api.yaml: this is a Flow JSON file, not an AsyncAPI document: open it as a flow (the app’s "Import JSON"; simulate and render read it as it is)',
    );
    expect(problems('asyncapi: 3.0.0\ninfo: {title: a, version: "1"}\n---\nasyncapi: 3.0.0\n')).toEqual([
      'api.yaml: line 3, column 1: several YAML documents in one file (separated by "---"): give each AsyncAPI document a file of its own',
    ]);
    expect(importAsyncApi([])).toEqual({ ok: false, problems: ['no files given'] });
    const r = importAsyncApi([
      { name: 'a.yaml', text: 'x: 1' },
      { name: 'b.yaml', text: 'y: 2' },
    ]);
    expect(r.ok ? [] : r.problems).toEqual([
      'none of these files is an AsyncAPI document: an AsyncAPI 3 document is an object that starts with "asyncapi: 3.0.0"',
    ]);
  });

  it('AsyncAPI 2, with how to convert it', () => {
    expect(problems('asyncapi: 2.6.0\ninfo: {title: T, version: "1"}\nchannels: {}')).toEqual([
      'api.yaml: asyncapi: "2.6.0": AsyncAPI 2 is not supported: convert it to 3.0 first, with the AsyncAPI CLI (`asyncapi convert FILE --target-version=3.0.0`) or in AsyncAPI Studio, then import the result',
    ]);
    expect(problems('asyncapi: 4.0.0')).toEqual([
      'api.yaml: asyncapi: "4.0.0" is not an AsyncAPI version this app reads (3.0.x)',
    ]);
  });

  it('a $ref cycle, with the chain', () => {
    const text = doc({
      channels: { a: { $ref: '#/channels/b' }, b: { $ref: '#/channels/a' } },
      operations: { o: { action: 'send', channel: { $ref: '#/channels/a' } } },
    });
    expect(problems(text)).toContain(
      'api.yaml: operations.o.channel: $ref cycle: operations.o.channel → channels.a → channels.b → channels.a',
    );
  });

  it('a $ref cycle inside a binding', () => {
    const text = doc({
      channels: {
        c: { address: 'c', bindings: { kafka: { topicConfiguration: { $ref: '#/channels/c/bindings' } } } },
      },
      operations: { o: { action: 'send', channel: { $ref: '#/channels/c' } } },
    });
    expect(problems(text)).toEqual([
      'api.yaml: channels.c.bindings: $ref cycle: api.yaml: channels.c.bindings contains a $ref to itself',
    ]);
  });

  it('a missing channel', () => {
    const text = doc({
      channels: { orders: { address: 'orders' } },
      operations: { placeOrder: { action: 'send', channel: { $ref: '#/channels/order' } } },
    });
    expect(problems(text)).toEqual([
      'api.yaml: operations.placeOrder.channel: the operation has no channel: $ref "#/channels/order" points to nothing: there is no channels.order in api.yaml',
    ]);
    expect(problems(doc({ operations: { placeOrder: { action: 'send' } } }))).toEqual([
      'api.yaml: operations.placeOrder: channel: is required (the channel it sends to or receives from)',
    ]);
  });

  it('an operation that neither sends nor receives', () => {
    const text = doc({
      channels: { c: { address: 'c' } },
      operations: { o: { action: 'publish', channel: { $ref: '#/channels/c' } } },
    });
    expect(problems(text)).toEqual(['api.yaml: operations.o: action: must be "send" or "receive"']);
  });

  it('parts of the document that are not what AsyncAPI says they are', () => {
    expect(problems('asyncapi: 3.0.0\nchannels: [orders]')).toEqual([
      'api.yaml: channels: must be a map of channels by key',
    ]);
    expect(problems('asyncapi: 3.0.0\noperations: {o: 5}')).toEqual([
      'api.yaml: operations.o: must be an operation object (action, channel, …)',
    ]);
    expect(
      problems(
        'asyncapi: 3.0.0\nchannels: {c: {address: 7}}\noperations: {o: {action: send, channel: {$ref: "#/channels/c"}}}',
      ),
    ).toEqual([
      'api.yaml: channels.c: not a channel (address: must be text, or null when the address is not known)',
    ]);
  });

  it('documents with channels but no operation: nothing would run', () => {
    expect(problems(doc({ channels: { c: { address: 'c' } } }))).toEqual([
      'api.yaml: no operations: the document describes channels but no application that sends or receives on them, so nothing would run (add an operation with "action: send" or "action: receive")',
    ]);
  });

  it('bombs: too many aliases, too deep', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      laughs.push(
        `${'bcdefghij'[i]}: &${'bcdefghij'[i]} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`,
      );
    expect(problems(`asyncapi: 3.0.0\n${laughs.join('\n')}`)[0]).toMatch(
      /^api\.yaml: not valid YAML \(.*alias/i,
    );
    expect(problems(`asyncapi: 3.0.0\nx: ${'['.repeat(300)}${']'.repeat(300)}`)[0]).toMatch(
      /^api\.yaml: x(\[0\])+…?: nested more than 256 levels deep/,
    );
    expect(problems(`asyncapi: 3.0.0\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}`)[0]).toMatch(
      /^api\.yaml: line 2, column \d+: nested too deeply to read/,
    );
  });
});

describe('AsyncAPI import: what it goes on without', () => {
  it('files a $ref names that were not given, named in a notice', () => {
    const r = importAsyncApi(fixtures('social-media/backend/'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const notice = r.notices.find((n) => n.includes('not read'))!;
    expect(notice).toMatch(/^social-media\/backend\/asyncapi\.yaml: 6 \$refs were not read/);
    expect(notice).toContain(
      '"../common/messages.yaml#/commentLiked" at channels.notifyAllCommentLiked.messages.commentLiked.$ref',
    );
    // The message's key in the missing file still names its event type.
    const types = r.flow.nodes.map((n) =>
      n.kind === 'producer' ? n.config.eventType : n.kind === 'handler' ? n.config.emits : undefined,
    );
    expect(types.filter(Boolean)).toEqual(['commentLiked', 'likeComment', 'commentChanged']);
  });

  it('files that a file the documents $ref names in turn, and that were not given', () => {
    const r = importAsyncApi(fixtures('social-media/').filter((f) => !f.name.endsWith('schemas.yaml')));
    expect(r.ok && r.notices.filter((n) => n.includes('not read'))).toEqual([
      expect.stringMatching(
        /^social-media\/common\/messages\.yaml: 4 \$refs were not read .*"\.\/schemas\.yaml#/,
      ),
    ]);
  });

  it('a file no $ref points into', () => {
    const r = importAsyncApi([...fixtures('simple'), { name: 'notes.yaml', text: 'todo: [a, b]' }]);
    expect(r.ok && r.notices).toContain(
      'notes.yaml: not an AsyncAPI document, and no $ref points into it; left out',
    );
  });

  it('a browser gives bare file names: relative $refs still find the files', () => {
    const bare = fixtures('social-media/').map((f) => ({ ...f, name: f.name.replace(/^.*\//, '') }));
    // Five documents are all called asyncapi.yaml; the shared ones are found by name.
    const r = importAsyncApi(bare);
    expect(r.ok ? r.notices.filter((n) => n.includes('not read')) : r.problems).toEqual([]);
  });
});

describe('AsyncAPI import of an export', () => {
  const flow = (() => {
    const r = parseFlow(TEMPLATES.find((t) => t.id === 'kafka-stream')!.json);
    if (!r.ok) throw new Error('template');
    return r.flow;
  })();

  it('refuses a flow in x-eventflow that is not valid, with the path into it', () => {
    const value = parse(exportAsyncApi(flow)) as {
      'x-eventflow': { nodes: { config: Record<string, unknown> }[] };
    };
    const handler = value['x-eventflow'].nodes.findIndex((n) => 'concurrency' in n.config);
    value['x-eventflow'].nodes[handler]!.config.concurrency = 0;
    expect(problems(stringify(value))).toEqual([
      `api.yaml: x-eventflow.nodes[${handler}].config.concurrency: must be a whole number ≥ 1`,
    ]);
  });

  it('says when the document was edited outside x-eventflow, whose flow it restores', () => {
    const value = parse(exportAsyncApi(flow)) as {
      channels: Record<string, { bindings: { kafka: { partitions: number } } }>;
    };
    const [key, channel] = Object.entries(value.channels)[0]!;
    channel.bindings.kafka.partitions = 99;
    const r = one(stringify(value));
    expect(r.ok && r.flow).toEqual(flow);
    expect(r.ok && r.notices).toEqual([
      `api.yaml: channels.${key}.bindings.kafka.partitions differs from what Eventflow Studio exported: the flow is restored from x-eventflow, and edits made to the rest of the document are not read`,
    ]);
  });

  it('but not when only titles and descriptions changed', () => {
    const value = parse(exportAsyncApi(flow)) as {
      info: { title: string };
      channels: Record<string, { description: string }>;
    };
    value.info.title = 'Renamed';
    for (const c of Object.values(value.channels)) c.description = 'edited';
    const r = one(stringify(value));
    expect(r.ok && r.notices).toEqual([]);
  });

  it('reads an export among other documents as any AsyncAPI document, and says so', () => {
    const r = importAsyncApi([{ name: 'export.yaml', text: exportAsyncApi(flow) }, ...fixtures('simple')]);
    expect(r.ok && r.notices[0]).toBe(
      'export.yaml: its x-eventflow flow is not restored (a flow is restored from one exported document imported alone); it is read as any AsyncAPI document',
    );
  });
});
