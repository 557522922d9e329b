// Flow JSON v1: the contract in shared/DESIGN.md, written once. Import, the inspector and the
// engine all validate through these schemas. Objects are loose so unknown fields survive a round trip.
import { z } from 'zod';
import { distSchema } from './dist';
import {
  atLeast,
  nonEmptyText,
  objectError,
  oneOf,
  positive,
  probability,
  reason,
  wholeAtLeast,
} from './fields';

export const KINDS = ['producer', 'queue', 'topic', 'stream', 'handler', 'store'] as const;
export type Kind = (typeof KINDS)[number];
export const BUS_KINDS = ['queue', 'topic', 'stream'] as const satisfies readonly Kind[];
export type BusKind = (typeof BUS_KINDS)[number];
export const isBusKind = (k: Kind): k is BusKind => (BUS_KINDS as readonly Kind[]).includes(k);

export const OVERFLOWS = ['drop-newest', 'drop-oldest', 'block'] as const;
export const DELIVERIES = ['at-least-once', 'at-most-once'] as const;

const obj = <S extends z.core.$ZodLooseShape>(shape: S) => z.looseObject(shape, { error: objectError });

export const producerConfig = obj({
  eventType: nonEmptyText('event type'),
  interarrival: distSchema,
  count: wholeAtLeast(1).optional(),
  start: atLeast(0, 's').optional(),
  keys: wholeAtLeast(1).optional(),
});
export const queueConfig = obj({
  capacity: wholeAtLeast(0).optional(),
  overflow: oneOf(OVERFLOWS).optional(),
  delivery: oneOf(DELIVERIES).optional(),
  maxDeliveries: wholeAtLeast(1).optional(),
  deadLetter: nonEmptyText('node id').optional(),
});
export const topicConfig = obj({ capacity: wholeAtLeast(0).optional() });
export const streamConfig = obj({
  partitions: wholeAtLeast(1),
  retention: positive('s').optional(),
});
export const handlerConfig = obj({
  concurrency: wholeAtLeast(1),
  service: distSchema,
  failureRate: probability().optional(),
  retryDelay: distSchema.optional(),
  emits: nonEmptyText('event type').optional(),
});
export const storeConfig = obj({});

export type ProducerConfig = z.infer<typeof producerConfig>;
export type QueueConfig = z.infer<typeof queueConfig>;
export type TopicConfig = z.infer<typeof topicConfig>;
export type StreamConfig = z.infer<typeof streamConfig>;
export type HandlerConfig = z.infer<typeof handlerConfig>;
export type StoreConfig = z.infer<typeof storeConfig>;

const position = obj({
  x: z.number({ error: 'must be a number' }),
  y: z.number({ error: 'must be a number' }),
});
const nodeBase = {
  id: nonEmptyText('id'),
  label: z.string({ error: 'must be text' }).optional(),
  position,
};
const nodeSchemas = [
  z.looseObject({ ...nodeBase, kind: z.literal('producer'), config: producerConfig }),
  z.looseObject({ ...nodeBase, kind: z.literal('queue'), config: queueConfig }),
  z.looseObject({ ...nodeBase, kind: z.literal('topic'), config: topicConfig }),
  z.looseObject({ ...nodeBase, kind: z.literal('stream'), config: streamConfig }),
  z.looseObject({ ...nodeBase, kind: z.literal('handler'), config: handlerConfig }),
  z.looseObject({ ...nodeBase, kind: z.literal('store'), config: storeConfig }),
] as const;

export const nodeSchema = z.discriminatedUnion('kind', nodeSchemas, {
  error: (iss) =>
    iss.input === undefined
      ? 'is required'
      : `unknown kind (expected one of ${KINDS.map((k) => `"${k}"`).join(', ')})`,
});

export const edgeSchema = obj({
  id: nonEmptyText('id'),
  source: nonEmptyText('node id'),
  target: nonEmptyText('node id'),
  latency: distSchema.optional(),
  filter: z.array(nonEmptyText('event type'), { error: 'must be a list of event types' }).optional(),
});

export const settingsSchema = z
  .looseObject({
    seed: wholeAtLeast(0).optional(),
    duration: positive('s').optional(),
    warmup: atLeast(0, 's').optional(),
  })
  .refine((s) => s.warmup === undefined || s.duration === undefined || s.warmup < s.duration, {
    error: 'must be shorter than duration',
    path: ['warmup'],
  });

export const flowShapeSchema = z.looseObject({
  format: z.literal('eventflow', { error: reason('must be "eventflow"') }),
  version: z.literal(1, { error: reason('must be 1 (the only version this app reads)') }),
  name: z.string({ error: reason('must be text') }),
  nodes: z.array(nodeSchema, { error: reason('must be a list of nodes') }),
  edges: z.array(edgeSchema, { error: reason('must be a list of edges') }),
  settings: settingsSchema.optional(),
});

export type FlowNode = z.infer<typeof nodeSchema>;
export type FlowEdge = z.infer<typeof edgeSchema>;
export type FlowSettings = z.infer<typeof settingsSchema>;
export type Flow = z.infer<typeof flowShapeSchema>;
export type NodeOfKind<K extends Kind> = Extract<FlowNode, { kind: K }>;
export type ConfigOf<K extends Kind> = NodeOfKind<K>['config'];

export const configSchemas = {
  producer: producerConfig,
  queue: queueConfig,
  topic: topicConfig,
  stream: streamConfig,
  handler: handlerConfig,
  store: storeConfig,
} as const satisfies Record<Kind, z.ZodType>;
