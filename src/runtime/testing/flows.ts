// Small flows the runtime tests run (test-only).
import type { Flow } from '../../model/flow';

/** producer → queue → handler (2 workers) → store: an M/M/2 at ρ ≈ 0.6. */
export function orderFlow(): Flow {
  return {
    format: 'eventflow',
    version: 2,
    name: 'orders',
    nodes: [
      {
        id: 'orders',
        kind: 'producer',
        label: 'Orders',
        position: { x: 0, y: 0 },
        config: { eventType: 'order.placed', interarrival: { dist: 'exponential', mean: 0.01 } },
      },
      {
        id: 'q',
        kind: 'queue',
        label: 'Order queue',
        position: { x: 200, y: 0 },
        config: { capacity: 1000 },
      },
      {
        id: 'billing',
        kind: 'handler',
        label: 'Billing',
        position: { x: 400, y: 0 },
        config: { concurrency: 2, service: { dist: 'exponential', mean: 0.012 } },
      },
      { id: 'db', kind: 'store', label: 'Ledger', position: { x: 600, y: 0 }, config: {} },
    ],
    edges: [
      { id: 'e1', source: 'orders', target: 'q' },
      { id: 'e2', source: 'q', target: 'billing', latency: { dist: 'constant', value: 0.002 } },
      { id: 'e3', source: 'billing', target: 'db' },
    ],
  };
}

/** A handler nothing feeds: the engine refuses to run it. */
export function unreachableFlow(): Flow {
  const f = orderFlow();
  f.nodes.push({
    id: 'orphan',
    kind: 'handler',
    label: 'Orphan worker',
    position: { x: 400, y: 200 },
    config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
  });
  return f;
}

/**
 * Five events circling between two `block` queues (queue a → handler → queue b → handler →
 * queue a), b of capacity 1 and a of `capacity`: with 1 both fill and the run deadlocks at once.
 */
export function blockLoopFlow(capacity: number): Flow {
  const at = { x: 0, y: 0 };
  const service = { dist: 'exponential', mean: 0.01 } as const;
  return {
    format: 'eventflow',
    version: 2,
    name: 'block loop',
    settings: { duration: 20 },
    nodes: [
      {
        id: 'p',
        kind: 'producer',
        position: at,
        config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 }, count: 5 },
      },
      { id: 'qa', kind: 'queue', position: at, config: { capacity, overflow: 'block' } },
      { id: 'ha', kind: 'handler', position: at, config: { concurrency: 1, service } },
      { id: 'qb', kind: 'queue', position: at, config: { capacity: 1, overflow: 'block' } },
      { id: 'hb', kind: 'handler', position: at, config: { concurrency: 1, service } },
    ],
    edges: [
      { id: 'p-qa', source: 'p', target: 'qa' },
      { id: 'qa-ha', source: 'qa', target: 'ha' },
      { id: 'ha-qb', source: 'ha', target: 'qb' },
      { id: 'qb-hb', source: 'qb', target: 'hb' },
      { id: 'hb-qa', source: 'hb', target: 'qa' },
    ],
  };
}
