// A flow as an AsyncAPI 3.0.0 document describing the system: a channel per bus (with the kafka
// or amqp binding that fits), per dependency and per direct connection between two nodes; the
// operations of each producer, handler, store and dependency on them; a message per event type.
// The flow itself, every figure of it, rides in the root `x-eventflow` extension, from which the
// import restores it exactly (restore.ts); `x-eventflow` on a channel or an operation names the
// node or edge it stands for.
import { stringify } from 'yaml';
import { type Flow, type FlowEdge, type FlowNode, isBusKind } from '../../model/flow';
import { MODEL_KINDS } from '../../model/kinds';
import { serializeFlow } from '../../model/serialize';
import { summarize } from '../../model/summary';
import { Addresses, Keys } from './names';
import { typeFlow } from './typeflow';

export const ASYNCAPI_VERSION = '3.0.0';
/** Versions of the binding schemas the export writes. */
const KAFKA_BINDING = '0.5.0';
const AMQP_BINDING = '0.3.0';

type Json = Record<string, unknown>;
const ref = (path: string) => ({ $ref: path });
/** JSON Pointer escaping (RFC 6901) for a key inside a $ref; keys here are already plain. */
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
/** Strings compared by code unit, the same in every locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function exportAsyncApi(flow: Flow): string {
  return stringify(exportDocument(flow), { lineWidth: 0, aliasDuplicateObjects: false });
}

/** The document as a value; `exportAsyncApi` writes it as YAML. */
export function exportDocument(flow: Flow): Json {
  const nodes = new Map(flow.nodes.map((n) => [n.id, n]));
  const { into, along } = typeFlow(flow);
  const keys = new Keys();
  const addresses = new Addresses();
  const label = (n: FlowNode) => n.label || n.id;

  const messageKeys = new Map<string, string>();
  const messageRefs = (types: Iterable<string>): Json => {
    const out: Json = {};
    for (const t of [...types].sort(byCode)) {
      let k = messageKeys.get(t);
      if (k === undefined) messageKeys.set(t, (k = keys.key(`message.${t}`, 'message')));
      out[k] = ref(`#/components/messages/${escape(k)}`);
    }
    return out;
  };

  const channels: Json = {};
  const channelKey = new Map<string, string>(); // node id (bus, dependency) or edge id (direct) → key
  const kindLine = (n: FlowNode) => `${MODEL_KINDS[n.kind].label}: ${summarize(n)}`;
  for (const n of flow.nodes) {
    if (!isBusKind(n.kind) && n.kind !== 'dependency') continue;
    const key = keys.key(label(n), n.kind);
    channelKey.set(n.id, key);
    const forwards = flow.edges.filter((e) => e.source === n.id && isBusKind(nodes.get(e.target)!.kind));
    const description = [
      kindLine(n),
      ...(forwards.length
        ? [`Forwards to ${forwards.map((e) => label(nodes.get(e.target)!)).join(', ')}.`]
        : []),
      ...(n.kind === 'dependency' ? ['Called synchronously by handlers: a request and its reply.'] : []),
    ].join('\n');
    channels[key] = {
      address: addresses.address(label(n), n.id),
      ...(n.label && { title: n.label }),
      description,
      ...(n.kind !== 'dependency' && { messages: messageRefs(into.get(n.id) ?? []) }),
      ...(isBusKind(n.kind) && { bindings: busBindings(n) }),
      'x-eventflow': { node: n.id },
    };
  }
  const direct = (e: FlowEdge) =>
    !isBusKind(nodes.get(e.source)!.kind) && !isBusKind(nodes.get(e.target)!.kind);
  for (const e of flow.edges) {
    const target = nodes.get(e.target)!;
    if (!direct(e) || target.kind === 'dependency') continue;
    const source = nodes.get(e.source)!;
    const key = keys.key(`${label(source)}.to.${label(target)}`, 'connection');
    channelKey.set(e.id, key);
    channels[key] = {
      address: null,
      title: `${label(source)} → ${label(target)}`,
      description: `A direct connection: events go from ${label(source)} straight to ${label(target)}, with no broker between.`,
      messages: messageRefs(along.get(e.id) ?? []),
      'x-eventflow': { edge: e.id },
    };
  }

  const operations: Json = {};
  const operation = (
    n: FlowNode,
    e: FlowEdge | undefined,
    action: 'send' | 'receive',
    channel: string,
    extra: Json,
  ) => {
    const key = keys.key(`${label(n)}.${action}.${channel}`, 'operation');
    const other = e === undefined ? undefined : nodes.get(action === 'send' ? e.target : e.source)!;
    const types = e === undefined ? [] : [...(along.get(e.id) ?? [])].sort(byCode);
    const ch = channels[channel] as Json;
    const listed = Object.keys((ch.messages as Json | undefined) ?? {});
    operations[key] = {
      action,
      channel: ref(`#/channels/${escape(channel)}`),
      summary: other
        ? `${label(n)} ${action === 'send' ? 'sends to' : 'receives from'} ${label(other)}`
        : `${label(n)} answers calls`,
      description: kindLine(n),
      ...(ch.messages !== undefined && {
        messages: types
          .map((t) => messageKeys.get(t)!)
          .filter((k) => listed.includes(k))
          .map((k) => ref(`#/channels/${escape(channel)}/messages/${escape(k)}`)),
      }),
      ...extra,
      'x-eventflow': { node: n.id, ...(e && { edge: e.id }) },
    };
  };
  for (const n of flow.nodes) {
    if (isBusKind(n.kind)) continue;
    if (n.kind === 'dependency') {
      const c = channelKey.get(n.id)!;
      operation(n, undefined, 'receive', c, { reply: { channel: ref(`#/channels/${escape(c)}`) } });
    }
    for (const e of flow.edges) {
      if (e.target === n.id) {
        const source = nodes.get(e.source)!;
        if (isBusKind(source.kind))
          operation(n, e, 'receive', channelKey.get(source.id)!, consumerBindings(source, n));
        else if (n.kind !== 'dependency') operation(n, e, 'receive', channelKey.get(e.id)!, {});
      }
      if (e.source === n.id) {
        const target = nodes.get(e.target)!;
        if (target.kind === 'dependency') {
          const c = channelKey.get(target.id)!;
          operation(n, e, 'send', c, { reply: { channel: ref(`#/channels/${escape(c)}`) } });
        } else operation(n, e, 'send', channelKey.get(isBusKind(target.kind) ? target.id : e.id)!, {});
      }
    }
  }

  const messages: Json = {};
  for (const [type, key] of messageKeys)
    messages[key] = { name: type, title: type, summary: `Events of type ${type}.` };

  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: flow.name.trim() || 'Eventflow flow',
      version: '1.0.0',
      description:
        'Exported from Eventflow Studio. The `x-eventflow` extension at the root holds the whole flow ' +
        '(rates, service times, capacities, failures, faults, positions…), from which Eventflow Studio ' +
        'restores it exactly; `x-eventflow` on a channel or an operation names the node or edge it stands for.',
    },
    ...(Object.keys(channels).length > 0 && { channels }),
    ...(Object.keys(operations).length > 0 && { operations }),
    ...(messageKeys.size > 0 && { components: { messages } }),
    'x-eventflow': JSON.parse(serializeFlow(flow)) as unknown,
  };
}

/** A stream is a Kafka topic; a queue an AMQP queue; a topic an AMQP fanout exchange. */
function busBindings(n: FlowNode): Json {
  switch (n.kind) {
    case 'stream': {
      const retention =
        n.config.retention === undefined ? undefined : Math.max(1, Math.round(n.config.retention * 1000));
      return {
        kafka: {
          partitions: n.config.partitions,
          ...(retention !== undefined && { topicConfiguration: { 'retention.ms': retention } }),
          bindingVersion: KAFKA_BINDING,
        },
      };
    }
    case 'queue':
      return {
        amqp: {
          is: 'queue',
          queue: { durable: true, exclusive: false, autoDelete: false },
          bindingVersion: AMQP_BINDING,
        },
      };
    default:
      return {
        amqp: {
          is: 'routingKey',
          exchange: { type: 'fanout', durable: true, autoDelete: false },
          bindingVersion: AMQP_BINDING,
        },
      };
  }
}

/** A handler reading a stream is a consumer group of its own; one reading a queue or topic acknowledges unless at most once. */
function consumerBindings(bus: FlowNode, consumer: FlowNode): Json {
  if (consumer.kind !== 'handler') return {};
  if (bus.kind === 'stream')
    return {
      bindings: {
        kafka: { groupId: { type: 'string', enum: [consumer.id] }, bindingVersion: KAFKA_BINDING },
      },
    };
  if (bus.kind === 'queue' || bus.kind === 'topic')
    return {
      bindings: { amqp: { ack: bus.config.delivery !== 'at-most-once', bindingVersion: AMQP_BINDING } },
    };
  return {};
}
