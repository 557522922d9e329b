// The mapping decisions of docs/asyncapi.md, one by one, on small documents.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Flow, FlowNode } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { TEMPLATES } from '../templates';
import { exportAsyncApi, exportDocument, importAsyncApi } from '.';

type Doc = Record<string, unknown>;
const api = (title: string, body: Doc): Doc => ({
  asyncapi: '3.0.0',
  info: { title, version: '1.0.0' },
  ...body,
});
const ch = (name: string) => ({ $ref: `#/channels/${name}` });

function flowOf(...docs: Doc[]): { flow: Flow; notices: string[] } {
  const r = importAsyncApi(docs.map((d, i) => ({ name: `doc${i}.json`, text: JSON.stringify(d) })));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r;
}
const node = (flow: Flow, label: string): FlowNode => {
  const n = flow.nodes.find((x) => x.label === label);
  if (!n) throw new Error(`no node "${label}" in ${flow.nodes.map((x) => x.label).join(', ')}`);
  return n;
};
const edges = (flow: Flow) => {
  const label = (id: string) => flow.nodes.find((n) => n.id === id)!.label;
  return flow.edges.map(
    (e) => `${label(e.source)} → ${label(e.target)}${e.filter ? ` [${e.filter.join(', ')}]` : ''}`,
  );
};

const orders = {
  address: 'orders',
  messages: { placed: { name: 'order.placed' } },
  bindings: { kafka: { partitions: 12 } },
};
const consumer = (title: string, groupId?: object) =>
  api(title, {
    channels: { orders },
    operations: {
      read: {
        action: 'receive',
        channel: ch('orders'),
        ...(groupId && { bindings: { kafka: { groupId } } }),
      },
    },
  });

describe('AsyncAPI import mapping', () => {
  it('an application that only sends is a producer; a channel is a topic by default', () => {
    const { flow, notices } = flowOf(
      api('Shop', {
        channels: { c: { address: 'signups' } },
        operations: { s: { action: 'send', channel: ch('c') } },
      }),
    );
    expect(flow.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['topic', 'signups'],
      ['producer', 'Shop'],
    ]);
    expect(node(flow, 'Shop').config).toEqual({
      eventType: 's',
      interarrival: { dist: 'exponential', mean: 0.1 },
    });
    expect(notices).toEqual(['Producer "Shop": no rate in the spec; Poisson 10/s assumed']);
  });

  it('a kafka groupId is a consumer group: one handler per channel and group, shared by the applications in it', () => {
    const { flow } = flowOf(
      api('Shop', { channels: { orders }, operations: { s: { action: 'send', channel: ch('orders') } } }),
      consumer('Billing A', { const: 'billing' }),
      consumer('Billing B', { type: 'string', enum: ['billing'] }),
      consumer('Search', { default: 'search' }),
      consumer('Audit', { type: 'string', description: 'any group' }),
    );
    expect(edges(flow)).toEqual([
      'Shop → orders',
      'orders → Billing A + Billing B (group billing)',
      'orders → Search (group search)',
      'orders → Audit',
    ]);
    expect(node(flow, 'orders').config).toEqual({ partitions: 12 });
  });

  it('a kafka server makes every channel of the document a stream, with retention from retention.ms', () => {
    const { flow } = flowOf(
      api('Shop', {
        servers: { prod: { host: 'k:9092', protocol: 'kafka-secure' } },
        channels: {
          c: { address: 'a', bindings: { kafka: { topicConfiguration: { 'retention.ms': 86_400_000 } } } },
          d: { address: 'b', bindings: { kafka: { topicConfiguration: { 'retention.ms': -1 } } } },
        },
        operations: { s: { action: 'send', channel: ch('c') }, t: { action: 'send', channel: ch('d') } },
      }),
    );
    expect(flow.nodes.filter((n) => n.kind === 'stream').map((n) => n.config)).toEqual([
      { partitions: 6, retention: 86_400 },
      { partitions: 6 },
    ]);
  });

  it('an amqp queue is a queue; ack on the receiving operation means at least once', () => {
    const q = (address: string) => ({
      address,
      bindings: { amqp: { is: 'queue', queue: { durable: true } } },
    });
    const { flow } = flowOf(
      api('Jobs', {
        channels: { a: q('acked'), b: q('unacked'), c: q('silent') },
        operations: {
          x: { action: 'receive', channel: ch('a'), bindings: { amqp: { ack: true } } },
          y: { action: 'receive', channel: ch('b'), bindings: { amqp: { ack: false } } },
          z: { action: 'receive', channel: ch('c') },
        },
      }),
    );
    expect(flow.nodes.filter((n) => n.kind === 'queue').map((n) => [n.label, n.config])).toEqual([
      ['acked', { delivery: 'at-least-once' }],
      ['unacked', { delivery: 'at-most-once' }],
      ['silent', {}],
    ]);
  });

  it('merges operation and message traits, the object’s own fields first', () => {
    const { flow } = flowOf(
      api('Billing', {
        channels: {
          orders: { ...orders, messages: { placed: { $ref: '#/components/messages/placed' } } },
        },
        operations: {
          read: {
            action: 'receive',
            channel: ch('orders'),
            traits: [
              { $ref: '#/components/operationTraits/group' },
              { bindings: { kafka: { clientId: { const: 'b' } } } },
            ],
          },
        },
        components: {
          messages: { placed: { traits: [{ $ref: '#/components/messageTraits/named' }], title: 'Placed' } },
          messageTraits: { named: { name: 'order.placed', title: 'ignored: the message has its own' } },
          operationTraits: { group: { bindings: { kafka: { groupId: { const: 'billing' } } } } },
        },
      }),
    );
    expect(flow.nodes.map((n) => n.label)).toContain('Billing (group billing)');
    expect(node(flow, 'orders source').config).toMatchObject({ eventType: 'order.placed' });
  });

  it('sends become the handler’s emits and edges; several types are named in a notice', () => {
    const { flow, notices } = flowOf(
      api('Router', {
        channels: {
          in: { address: 'in', messages: { m: { name: 'cmd' } } },
          ok: { address: 'ok', messages: { m: { name: 'done' } } },
          ko: { address: 'ko', messages: { m: { name: 'failed' } } },
        },
        operations: {
          r: { action: 'receive', channel: ch('in') },
          a: { action: 'send', channel: ch('ok') },
          b: { action: 'send', channel: ch('ko') },
        },
      }),
    );
    expect(edges(flow)).toEqual(['in → Router', 'Router → ok', 'Router → ko', 'in source → in']);
    expect(node(flow, 'Router').config).toMatchObject({ emits: 'done' });
    expect(notices).toContain(
      'Handler "Router" sends done, failed: a handler emits one event type on all its edges; done assumed',
    );
    expect(notices).toContain(
      'Channel "in": nothing in these documents sends to it; producer "in source" of cmd added',
    );
  });

  it('messages become filters where a channel carries more types than a receiver takes', () => {
    const events = { address: 'events', messages: { a: { name: 'a' }, b: { name: 'b' } } };
    const { flow } = flowOf(
      api('A', {
        channels: { events },
        operations: {
          s: { action: 'send', channel: ch('events'), messages: [{ $ref: '#/channels/events/messages/a' }] },
        },
      }),
      api('B', {
        channels: { events },
        operations: {
          s: { action: 'send', channel: ch('events'), messages: [{ $ref: '#/channels/events/messages/b' }] },
        },
      }),
      api('Only a', {
        channels: { events },
        operations: {
          r: {
            action: 'receive',
            channel: ch('events'),
            messages: [{ $ref: '#/channels/events/messages/a' }],
          },
        },
      }),
      api('All', { channels: { events }, operations: { r: { action: 'receive', channel: ch('events') } } }),
    );
    expect(edges(flow)).toEqual(['A → events', 'B → events', 'events → Only a [a]', 'events → All']);
  });

  it('request/reply: the responder answers on the reply channel, the requester’s replies end at a handler of its own', () => {
    const { flow, notices } = flowOf(
      api('Client', {
        channels: { req: { address: 'req' }, rep: { address: 'rep' } },
        operations: { ask: { action: 'send', channel: ch('req'), reply: { channel: ch('rep') } } },
      }),
      api('Server', {
        channels: { req: { address: 'req' }, rep: { address: 'rep' } },
        operations: { answer: { action: 'receive', channel: ch('req'), reply: { channel: ch('rep') } } },
      }),
      api('Dynamic', {
        channels: { req: { address: 'req' } },
        operations: {
          answer: {
            action: 'receive',
            channel: ch('req'),
            reply: { address: { location: '$message.header#/replyTo' } },
          },
        },
      }),
    );
    expect(edges(flow)).toEqual([
      'Client → req',
      'rep → Client (replies)',
      'req → Server',
      'req → Dynamic',
      'Server → rep',
    ]);
    expect(notices).toContain(
      'doc2.json: operations.answer.reply: the reply address is set at run time ($message.header#/replyTo) and no reply channel is given; the reply is left out',
    );
  });

  it('joins documents on the channel address, whatever each calls the channel', () => {
    const { flow } = flowOf(
      api('P', {
        channels: { out: { address: 'shared' } },
        operations: { s: { action: 'send', channel: ch('out') } },
      }),
      api('C', {
        channels: { inbox: { address: 'shared' } },
        operations: { r: { action: 'receive', channel: ch('inbox') } },
      }),
    );
    expect(edges(flow)).toEqual(['P → shared', 'shared → C']);
  });

  it('reads channels filed under components through a local $ref', () => {
    const { flow } = flowOf(
      api('P', {
        channels: { out: { $ref: '#/components/channels/out' } },
        operations: { s: { action: 'send', channel: ch('out') } },
        components: { channels: { out: { address: 'events', bindings: { amqp: { is: 'queue' } } } } },
      }),
    );
    expect(flow.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['queue', 'events'],
      ['producer', 'P'],
    ]);
  });

  it('places nodes left to right along the flow', () => {
    const { flow } = flowOf(
      api('P', {
        channels: { c: { address: 'c' } },
        operations: { s: { action: 'send', channel: ch('c') } },
      }),
      api('H', {
        channels: { c: { address: 'c' } },
        operations: { r: { action: 'receive', channel: ch('c') } },
      }),
    );
    expect(flow.nodes.map((n) => [n.label, n.position])).toEqual([
      ['c', { x: 300, y: 0 }],
      ['P', { x: 0, y: 0 }],
      ['H', { x: 600, y: 0 }],
    ]);
  });
});

describe('AsyncAPI export structure', () => {
  const template = (id: string): Flow => {
    const r = parseFlow(TEMPLATES.find((t) => t.id === id)!.json);
    if (!r.ok) throw new Error(id);
    return r.flow;
  };

  it('a stream is a kafka channel, its consumers consumer groups', () => {
    const doc = exportDocument(template('kafka-stream')) as {
      channels: Record<string, { bindings?: { kafka?: unknown } }>;
      operations: Record<string, { action: string; bindings?: { kafka?: { groupId: unknown } } }>;
    };
    const kafka = Object.values(doc.channels)
      .map((c) => c.bindings?.kafka)
      .filter(Boolean);
    expect(kafka).toEqual([
      { partitions: 6, topicConfiguration: { 'retention.ms': 604_800_000 }, bindingVersion: '0.5.0' },
    ]);
    const groups = Object.values(doc.operations).flatMap((o) =>
      o.bindings?.kafka ? [o.bindings.kafka.groupId] : [],
    );
    expect(groups).toHaveLength(2);
  });

  it('the channels keep the buses of the flow when read without x-eventflow', () => {
    for (const t of TEMPLATES) {
      const flow = template(t.id);
      const doc = parse(exportAsyncApi(flow)) as Record<string, unknown>;
      delete doc['x-eventflow'];
      const r = importAsyncApi([{ name: 'plain.yaml', text: JSON.stringify(doc) }]);
      if (!r.ok) throw new Error(r.problems.join('\n'));
      const buses = (f: Flow) =>
        f.nodes
          .filter((n) => n.kind === 'queue' || n.kind === 'topic' || n.kind === 'stream')
          .map((n) => `${n.kind} ${n.label ?? n.id}${n.kind === 'stream' ? ` ${n.config.partitions}` : ''}`);
      expect(buses(r.flow), t.id).toEqual(expect.arrayContaining(buses(flow)));
    }
  });
});
