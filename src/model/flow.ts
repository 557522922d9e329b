// Flow JSON (docs/flow-json.md), written once. Import, the inspector and the engine
// all validate through these schemas. Each node kind's config schema lives in its module under
// kinds/; objects are loose so unknown fields survive a round trip.
import { z } from 'zod';
import { distSchema } from './dist';
import { faultsSchema } from './faults';
import { slosSchema } from './slo';
import { nonEmptyText, openObject, positiveSeconds, reason, seconds, text, wholeAtLeast } from './fields';
import { type BusKind, isBusKind, type Kind, KINDS, MODEL_KINDS } from './kinds';
import { backoffSchema } from './delivery';
import { MAX_ATTEMPTS, MAX_CALLS, MAX_PREFETCH } from './limits';

export { type BusKind, isBusKind, type Kind, KINDS } from './kinds';
export { DELIVERIES, OVERFLOWS } from './kinds/queue';

export const BUS_KINDS: readonly BusKind[] = KINDS.filter(isBusKind);

/** The Flow JSON version this app writes; older versions are migrated to it on reading (migrate.ts). */
export const FLOW_VERSION = 2;

export const configSchemas = Object.fromEntries(KINDS.map((k) => [k, MODEL_KINDS[k].config])) as {
  [K in Kind]: (typeof MODEL_KINDS)[K]['config'];
};

const position = openObject({
  x: z.number({ error: 'must be a number' }),
  y: z.number({ error: 'must be a number' }),
});
const nodeBase = {
  id: nonEmptyText('id'),
  label: text().optional(),
  position,
};
const nodeOfKind = <K extends Kind>(kind: K) =>
  z.looseObject({ ...nodeBase, kind: z.literal(kind), config: configSchemas[kind] });
type NodeSchema = { [K in Kind]: ReturnType<typeof nodeOfKind<K>> }[Kind];
// Built from KINDS, so a new kind needs no line here; map() cannot say that the result is a
// non-empty tuple of one schema per kind, which is what discriminatedUnion asks for.
const nodeSchemas = KINDS.map(nodeOfKind) as readonly NodeSchema[] as readonly [NodeSchema, ...NodeSchema[]];

export const nodeSchema = z.discriminatedUnion('kind', nodeSchemas, {
  error: (iss) =>
    iss.input === undefined
      ? 'is required'
      : `unknown kind (expected one of ${KINDS.map((k) => `"${k}"`).join(', ')})`,
});

export const edgeSchema = openObject({
  id: nonEmptyText('id'),
  source: nonEmptyText('node id'),
  target: nonEmptyText('node id'),
  latency: distSchema.optional(),
  filter: z.array(nonEmptyText('event type'), { error: 'must be a list of event types' }).optional(),
  /** Bus → handler: unacknowledged messages the handler may hold (default: its concurrency). */
  prefetch: wholeAtLeast(1, MAX_PREFETCH).optional(),
  /** Bus → handler: time from a completion until the bus has its acknowledgement. */
  ackLatency: distSchema.optional(),
  /** Handler → dependency: calls each job makes, one after another (default 1). */
  calls: wholeAtLeast(1, MAX_CALLS).optional(),
  /** Handler → dependency: seconds the caller waits for an attempt before abandoning it. */
  timeout: positiveSeconds().optional(),
  /** Handler → dependency: attempts per call in all, the first included (default 1). */
  attempts: wholeAtLeast(1, MAX_ATTEMPTS).optional(),
  /** Handler → dependency: the wait before each retry of a call (default: none). */
  backoff: backoffSchema.optional(),
});

/** What a call edge's fields mean when absent: one call per job, one attempt (no retry). */
export const CALL_DEFAULTS = { calls: 1, attempts: 1 } as const;

export const settingsSchema = z
  .looseObject({
    seed: wholeAtLeast(0, Number.MAX_SAFE_INTEGER).optional(),
    duration: positiveSeconds().optional(),
    warmup: seconds().optional(),
  })
  .refine((s) => s.warmup === undefined || s.duration === undefined || s.warmup < s.duration, {
    error: 'must be shorter than duration',
    path: ['warmup'],
  });

export const flowShapeSchema = z.looseObject({
  format: z.literal('eventflow', { error: reason('must be "eventflow"') }),
  version: z.literal(FLOW_VERSION, { error: reason(`must be ${FLOW_VERSION}`) }),
  name: text(),
  nodes: z.array(nodeSchema, { error: reason('must be a list of nodes') }),
  edges: z.array(edgeSchema, { error: reason('must be a list of edges') }),
  settings: settingsSchema.optional(),
  faults: faultsSchema.optional(),
  slos: slosSchema.optional(),
});

export type FlowNode = z.infer<typeof nodeSchema>;
export type FlowEdge = z.infer<typeof edgeSchema>;
export type FlowSettings = z.infer<typeof settingsSchema>;
export type Flow = z.infer<typeof flowShapeSchema>;
export type NodeOfKind<K extends Kind> = Extract<FlowNode, { kind: K }>;
export type ConfigOf<K extends Kind> = NodeOfKind<K>['config'];
