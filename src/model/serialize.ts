// Flow JSON as written to disk: pretty-printed with a stable key order, so files diff well in git.
import type { Flow } from './flow';

const ORDER = [
  'format',
  'version',
  'name',
  'settings',
  'nodes',
  'edges',
  'faults',
  'slos',
  'id',
  'kind',
  'label',
  'position',
  'x',
  'y',
  'config',
  'source',
  'target',
  'dist',
  'value',
  'mean',
  'stddev',
  'min',
  'max',
  'eventType',
  'interarrival',
  'count',
  'start',
  'keys',
  'keySkew',
  'profile',
  'at',
  'factor',
  'ramp',
  'rate',
  'capacity',
  'overflow',
  'partitions',
  'retention',
  'delivery',
  'onFailure',
  'maxDeliveries',
  'deadLetter',
  'ttl',
  'lease',
  'orderBy',
  'retry',
  'position',
  'delay',
  'backoff',
  'initial',
  'multiplier',
  'jitter',
  'concurrency',
  'service',
  'failureRate',
  'retryDelay',
  'emits',
  'latency',
  'filter',
  'prefetch',
  'ackLatency',
  'seed',
  'duration',
  'warmup',
];
const RANK = new Map(ORDER.map((k, i) => [k, i]));

function compareKeys(a: string, b: string): number {
  const ra = RANK.get(a) ?? Infinity;
  const rb = RANK.get(b) ?? Infinity;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered);
  if (value && typeof value === 'object') {
    const src = value as Record<string, unknown>;
    // Null prototype: a key is copied as data whatever its name ("__proto__" included).
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(src).sort(compareKeys)) {
      if (src[key] !== undefined) out[key] = ordered(src[key]);
    }
    return out;
  }
  return value;
}

export function serializeFlow(flow: Flow): string {
  return `${JSON.stringify(ordered(flow), null, 2)}\n`;
}

/** The flow's name made safe for a file name: "Order service" → "order-service" ("flow" if none). */
export function flowSlug(flow: Pick<Flow, 'name'>): string {
  const slug = flow.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return slug || 'flow';
}

/** A file name for the flow: "Order service" → "order-service.eventflow.json". */
export const flowFileName = (flow: Pick<Flow, 'name'>): string => `${flowSlug(flow)}.eventflow.json`;
