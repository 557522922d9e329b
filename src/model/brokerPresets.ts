// Broker presets: the delivery settings of a real broker's queue, subscription or stream, as its
// documentation gives them by default, each value with the page it comes from. A preset sets
// every delivery field it manages for its kind: a field it names takes its value, the others are
// cleared (the model's default), so applying one preset after another leaves no trace of the first.
// Capacity, overflow, partitions and the dead-letter target stay as they are: they describe the
// system being drawn, not the broker. Only values the brokers' pages state are used; where a
// broker has no default (SQS's maxReceiveCount) or no limit (a classic queue's redeliveries), the
// field stays at the model's default and the preset says so.
import type { ConfigOf, Flow, FlowEdge, FlowNode } from './flow';

export type PresetKind = 'queue' | 'topic' | 'stream';

export interface BrokerPreset<K extends PresetKind = PresetKind> {
  readonly id: string;
  /** Its name in the list: "Amazon SQS standard queue". */
  readonly name: string;
  readonly kind: K;
  /** The managed fields it sets; managed fields it leaves out are cleared. */
  readonly config: Partial<ConfigOf<K>>;
  /** What each connection from the bus to a handler gets (queues and topics): its prefetch, or none. */
  readonly prefetch?: number;
  /** Where the values come from, in one line: the documentation pages by title. */
  readonly source: string;
  /** One line per value (or deliberate absence of one): what it is and where it is stated. */
  readonly notes: readonly string[];
}

/** The fields a preset of each kind decides (delivery fields); everything else is left alone. */
export const PRESET_FIELDS = {
  queue: ['delivery', 'maxDeliveries', 'lease', 'retry', 'ttl', 'orderBy'],
  topic: ['delivery', 'maxDeliveries', 'lease', 'retry', 'ttl'],
  stream: ['retention', 'onFailure', 'maxDeliveries', 'retry'],
} as const satisfies { [K in PresetKind]: readonly (keyof ConfigOf<K>)[] };

const preset = <K extends PresetKind>(p: BrokerPreset<K>): BrokerPreset<K> => p;

const RABBITMQ_PREFETCH =
  'Prefetch 100 on each consumer: unlimited by default; RabbitMQ’s “Consumer Acknowledgements and Publisher Confirms” recommends 100 to 300.';
const SQS_LEASE = 'Lease 30 s: the default visibility timeout (“Amazon SQS visibility timeout”).';
const SQS_RETRY_DELAY =
  'a message that is not deleted is received again only when its visibility timeout ends, so about 30 s after it was received';
const SQS_TTL =
  'Time to live 4 days: the default message retention period, 345,600 s (“CreateQueue”, MessageRetentionPeriod).';
const SQS_RECEIVES =
  'Max deliveries: set by the redrive policy’s maxReceiveCount (1 to 1,000), which has no default; enter yours (the model’s 5 applies until then).';
const SQS_PREFETCH =
  'Prefetch: the handler’s concurrency, one message per receive (ReceiveMessage returns 1 message unless MaxNumberOfMessages, up to 10, says more).';

export const BROKER_PRESETS: readonly BrokerPreset[] = [
  preset({
    id: 'rabbitmq-classic',
    name: 'RabbitMQ classic queue',
    kind: 'queue',
    config: { delivery: 'at-least-once', retry: { position: 'head' } },
    prefetch: 100,
    source: 'RabbitMQ docs: “Consumer Acknowledgements and Publisher Confirms”',
    notes: [
      'Delivery at least once: consumers acknowledge each delivery manually.',
      'Retry to the front: a requeued message goes back to its original position, or nearer the head.',
      RABBITMQ_PREFETCH,
      'Max deliveries: classic queues have no delivery limit (a requeued message is redelivered indefinitely); the model needs one and keeps its 5, so raise it to study a poison message.',
    ],
  }),
  preset({
    id: 'rabbitmq-quorum',
    name: 'RabbitMQ quorum queue',
    kind: 'queue',
    config: { delivery: 'at-least-once', maxDeliveries: 20, lease: 1800 },
    prefetch: 100,
    source: 'RabbitMQ docs: “Quorum Queues” (poison message handling), “Consumers” (acknowledgement timeout)',
    notes: [
      'Max deliveries 20: the default delivery limit of quorum queues since RabbitMQ 4.0; past it a message is dropped, or dead-lettered when a target is set.',
      'Lease 30 min: the default delivery acknowledgement timeout, consumer_timeout = 1,800,000 ms; the channel is closed and its deliveries requeued.',
      RABBITMQ_PREFETCH,
    ],
  }),
  preset({
    id: 'sqs-standard',
    name: 'Amazon SQS standard queue',
    kind: 'queue',
    config: {
      delivery: 'at-least-once',
      lease: 30,
      retry: { delay: { dist: 'constant', value: 30 } },
      ttl: { dist: 'constant', value: 345_600 },
    },
    source: 'Amazon SQS Developer Guide: “Amazon SQS visibility timeout”; SQS API Reference: “CreateQueue”',
    notes: [SQS_LEASE, `Retry after 30 s: ${SQS_RETRY_DELAY}.`, SQS_TTL, SQS_RECEIVES, SQS_PREFETCH],
  }),
  preset({
    id: 'sqs-fifo',
    name: 'Amazon SQS FIFO queue',
    kind: 'queue',
    config: {
      delivery: 'at-least-once',
      lease: 30,
      retry: { position: 'head', delay: { dist: 'constant', value: 30 } },
      ttl: { dist: 'constant', value: 345_600 },
      orderBy: 'key',
    },
    source:
      'Amazon SQS Developer Guide: “Amazon SQS FIFO queues”, “Amazon SQS visibility timeout”; SQS API Reference: “CreateQueue”',
    notes: [
      'One at a time per key: messages of one message group (the event key here) are received in order, the next only after the previous is deleted or becomes visible again.',
      `Retry to the front after 30 s: ${SQS_RETRY_DELAY}, before the rest of its group.`,
      SQS_LEASE,
      SQS_TTL,
      SQS_RECEIVES,
      SQS_PREFETCH,
    ],
  }),
  preset({
    id: 'kafka',
    name: 'Apache Kafka topic and consumer group',
    kind: 'stream',
    config: { retention: 604_800, onFailure: 'block' },
    source:
      'Apache Kafka docs: “Topic Configs” (retention.ms), KafkaConsumer (offsets and consumer position)',
    notes: [
      'Retention 7 days: retention.ms defaults to 604,800,000 ms.',
      'On failure, retry in place: a consumer resumes from its last committed offset, so a record that keeps failing holds up its partition; a dead-letter topic is up to the application.',
      'Partitions stay as drawn (num.partitions defaults to 1). Each group’s workers own partitions round robin, as Kafka’s RoundRobinAssignor assigns them.',
    ],
  }),
  preset({
    id: 'pubsub',
    name: 'Google Cloud Pub/Sub subscription',
    kind: 'topic',
    config: {
      delivery: 'at-least-once',
      lease: 10,
      maxDeliveries: 5,
      retry: { backoff: { initial: 10, max: 600 } },
      ttl: { dist: 'constant', value: 604_800 },
    },
    source: 'Google Cloud Pub/Sub docs: “Subscription properties”, “Handle message failures”',
    notes: [
      'Lease 10 s: the default acknowledgement deadline of a subscription.',
      'Max deliveries 5: the default maximum delivery attempts of a dead-letter policy (5 to 100); Pub/Sub counts them only with a dead-letter topic, so set a dead-letter target.',
      'Backoff from 10 s up to 600 s: the default minimum and maximum of an exponential-backoff retry policy (its multiplier is not documented: the model’s ×2 applies); without a retry policy Pub/Sub redelivers at once.',
      'Time to live 7 days: the default message retention duration of a subscription.',
    ],
  }),
];

export const presetsFor = (kind: FlowNode['kind']): readonly BrokerPreset[] =>
  BROKER_PRESETS.filter((p) => p.kind === kind);

export const presetById = (id: string): BrokerPreset | undefined => BROKER_PRESETS.find((p) => p.id === id);

const isPresetKind = (kind: FlowNode['kind']): kind is PresetKind => kind in PRESET_FIELDS;

/** The edges from a bus to handlers: where a preset's prefetch goes (never a stream's). */
function consumerEdges(flow: Flow, node: FlowNode): FlowEdge[] {
  if (node.kind === 'stream') return [];
  const handlers = new Set(flow.nodes.filter((n) => n.kind === 'handler').map((n) => n.id));
  return flow.edges.filter((e) => e.source === node.id && handlers.has(e.target));
}

/** The node's config with the preset's managed fields set and the others it manages cleared. */
function presetConfig(node: FlowNode, p: BrokerPreset): FlowNode['config'] {
  const managed = new Set<string>(PRESET_FIELDS[p.kind]);
  const kept = Object.entries(node.config).filter(([k]) => !managed.has(k));
  return { ...Object.fromEntries(kept), ...structuredClone(p.config) } as FlowNode['config'];
}

/**
 * The flow with `preset` applied to node `nodeId` and its connections to handlers: the plan of
 * one edit (the store stores it as one undo step). The flow comes back as it was when the node
 * does not exist or is not of the preset's kind.
 */
export function applyPreset(flow: Flow, nodeId: string, p: BrokerPreset): Flow {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (!node || node.kind !== p.kind) return flow;
  const edges = new Set(consumerEdges(flow, node).map((e) => e.id));
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n === node ? ({ ...n, config: presetConfig(n, p) } as FlowNode) : n)),
    edges: flow.edges.map((e) => {
      if (!edges.has(e.id)) return e;
      const { prefetch: _old, ...rest } = e;
      return p.prefetch === undefined ? rest : { ...rest, prefetch: p.prefetch };
    }),
  };
}

/** JSON with keys in order, so two configs that mean the same compare equal as text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The preset whose settings the node (and its connections to handlers) holds now, if any: the
 * managed fields must match exactly, so editing one of them makes the node "custom" again.
 */
export function matchingPreset(flow: Flow, nodeId: string): BrokerPreset | undefined {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (!node || !isPresetKind(node.kind)) return undefined;
  const kind = node.kind;
  const managed = (config: object) =>
    canonical(
      Object.fromEntries(PRESET_FIELDS[kind].map((k) => [k, (config as Record<string, unknown>)[k]])),
    );
  const mine = managed(node.config);
  const prefetches = consumerEdges(flow, node).map((e) => e.prefetch);
  return presetsFor(kind).find(
    (p) => managed(p.config) === mine && prefetches.every((v) => v === p.prefetch),
  );
}
