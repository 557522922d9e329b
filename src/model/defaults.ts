// Documented defaults: what an absent optional field means, and what a new node starts with.
import type { Dist } from './dist';
import type { ConfigOf, FlowSettings, Kind } from './flow';

export const DEFAULT_SETTINGS = { seed: 1, duration: 60, warmup: 0 } as const satisfies Required<
  Pick<FlowSettings, 'seed' | 'duration' | 'warmup'>
>;

/** Values the engine uses for absent optional fields (see README, "Semantics"). */
export const FIELD_DEFAULTS = {
  capacity: Infinity,
  overflow: 'drop-newest',
  delivery: 'at-least-once',
  maxDeliveries: 5,
  failureRate: 0,
  retryDelay: { dist: 'constant', value: 0 } as Dist,
  start: 0,
} as const;

/** Config for a node freshly added from the palette: a sensible, runnable starting point. */
export function newConfig<K extends Kind>(kind: K): ConfigOf<K> {
  const configs: { [P in Kind]: ConfigOf<P> } = {
    producer: { eventType: 'order.placed', interarrival: { dist: 'exponential', mean: 0.0125 } },
    queue: { capacity: 1000, overflow: 'drop-newest', delivery: 'at-least-once', maxDeliveries: 5 },
    topic: {},
    stream: { partitions: 6 },
    handler: { concurrency: 4, service: { dist: 'exponential', mean: 0.012 } },
    store: {},
  };
  return structuredClone(configs[kind]) as ConfigOf<K>;
}

export const KIND_LABELS: Record<Kind, string> = {
  producer: 'Producer',
  queue: 'Queue',
  topic: 'Topic',
  stream: 'Stream',
  handler: 'Handler',
  store: 'Store',
};
