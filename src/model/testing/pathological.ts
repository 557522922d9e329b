// Pathological but well-formed flows, built in code (test-only): the ones too big to keep as files
// (long chains, many nodes, deep nesting). The small ones are files in fixtures/pathological/.
import type { Dist } from '../dist';

type Json = Record<string, unknown>;
const at = { x: 0, y: 0 };

export const doc = (nodes: Json[], edges: Json[] = [], settings?: Json): Json => ({
  format: 'eventflow',
  version: 2,
  name: 'pathological',
  nodes,
  edges,
  ...(settings ? { settings } : {}),
});

export const producerNode = (id: string, interarrival: Dist, extra: Json = {}): Json => ({
  id,
  kind: 'producer',
  position: at,
  config: { eventType: 'e', interarrival, ...extra },
});
export const queueNode = (id: string, config: Json = {}): Json => ({
  id,
  kind: 'queue',
  position: at,
  config,
});
export const handlerNode = (id: string, service: Dist, config: Json = {}): Json => ({
  id,
  kind: 'handler',
  position: at,
  config: { concurrency: 1, service, ...config },
});
export const edge = (source: string, target: string, extra: Json = {}): Json => ({
  id: `${source}->${target}`,
  source,
  target,
  ...extra,
});

/**
 * A producer, then `hops` × (queue → handler), in a straight line: 2 × hops + 1 nodes. With
 * `service` 0 and no latency every node hands a copy on at once, which is what the instant-loop
 * check walks deepest.
 */
export function chain(
  hops: number,
  service: Dist = { dist: 'constant', value: 0.001 },
  settings?: Json,
): Json {
  const nodes: Json[] = [producerNode('p', { dist: 'exponential', mean: 1 }, { count: 5 })];
  const edges: Json[] = [];
  let last = 'p';
  for (let i = 0; i < hops; i++) {
    nodes.push(queueNode(`q${i}`), handlerNode(`h${i}`, service));
    edges.push(edge(last, `q${i}`), edge(`q${i}`, `h${i}`));
    last = `h${i}`;
  }
  return doc(nodes, edges, settings);
}

/** An object nested `levels` deep: { "a": { "a": … 1 } }, built without recursion. */
export function nested(levels: number): Json {
  let v: Json = { a: 1 };
  for (let i = 1; i < levels; i++) v = { a: v };
  return v;
}
