// Flows that used to hang the engine, exhaust memory or overflow the stack (test-only fixtures):
// each must now end quickly with a clear answer.
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { constant, exp, flowOf, handler, producer, queue, stream, topic } from './flows';

/** Arrivals at ~10× the consumers' capacity into an unbounded queue. */
export const overload = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(0.001) }),
      { id: 'q', kind: 'queue', label: 'Backlog', position: { x: 0, y: 0 }, config: {} },
      handler('h', { concurrency: 2, service: exp(0.02) }),
    ],
    ['p->q', 'q->h'],
  );

/** A handler and a topic feeding each other over edges of 1e-300 s: time cannot advance. */
export const vanishingLatencyLoop = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1), count: 3 }),
      handler('h', { concurrency: 1, service: constant(1e-300) }),
      topic('t'),
    ],
    [
      'p->h',
      { id: 'h->t', source: 'h', target: 't', latency: constant(1e-300) },
      { id: 't->h', source: 't', target: 'h', latency: constant(1e-300) },
    ],
  );

/** Every delivery fails at once and the dead letters go back to the queue's own feed: an instant cycle. */
export const instantDeadLetterCycle = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1), count: 2 }),
      queue('a', { deadLetter: 'b', maxDeliveries: 1 }),
      queue('b', { deadLetter: 'a', maxDeliveries: 1 }),
      handler('ha', { concurrency: 1, service: constant(0), failureRate: 1 }),
      handler('hb', { concurrency: 1, service: constant(0), failureRate: 1 }),
    ],
    ['p->a', 'a->ha', 'b->hb'],
  );

/** Two handlers passing events back and forth with services of a few femtoseconds. */
export const tinyServiceLoop = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1), count: 1 }),
      handler('x', { concurrency: 1, service: constant(1e-15) }),
      handler('y', { concurrency: 1, service: constant(1e-15) }),
    ],
    ['p->x', 'x->y', 'y->x'],
  );

/**
 * A stream partition that retries a failing message in place (onFailure "block") with no service
 * time and no retry delay: valid, yet its time never advances.
 */
export const instantBlockedPartition = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: exp(1), count: 1 }),
      stream('s', { partitions: 1, onFailure: 'block' }),
      handler('h', { concurrency: 1, service: constant(0), failureRate: 1 }),
    ],
    ['p->s', 's->h'],
  );

/** Two "block" queues whose consumers publish into each other: once both are full, nothing moves. */
export const blockedCycle = (): Flow =>
  flowOf(
    [
      producer('p', { eventType: 'e', interarrival: constant(0.1), count: 50 }),
      queue('a', { capacity: 2, overflow: 'block' }),
      queue('b', { capacity: 2, overflow: 'block' }),
      handler('ha', { concurrency: 1, service: constant(1) }),
      handler('hb', { concurrency: 1, service: constant(1) }),
    ],
    ['p->a', 'a->ha', 'ha->b', 'b->hb', 'hb->a'],
  );

/** producer → bus → bus → … → handler: `n` buses of one kind handing each copy on at once. */
export function busChain(n: number, kind: 'queue' | 'topic' | 'stream'): Flow {
  const at = { x: 0, y: 0 };
  const nodes: FlowNode[] = [producer('p', { eventType: 'e', interarrival: exp(1), count: 5 })];
  const edges: FlowEdge[] = [];
  let prev = 'p';
  for (let i = 0; i < n; i++) {
    const id = `b${i}`;
    nodes.push(
      kind === 'stream'
        ? { id, kind, position: at, config: { partitions: 1 } }
        : { id, kind, position: at, config: {} },
    );
    edges.push({ id: `${prev}->${id}`, source: prev, target: id });
    prev = id;
  }
  nodes.push(handler('h', { concurrency: 1, service: exp(0.001) }));
  edges.push({ id: `${prev}->h`, source: prev, target: 'h' });
  return flowOf(nodes, edges);
}

/**
 * producer → bus b0, whose consumer always fails, so each copy is dead-lettered into b1, whose
 * consumer fails too, and so on: `n` buses of one kind, the last of which keeps what it receives.
 */
export function deadLetterChain(n: number, kind: 'queue' | 'topic' | 'stream'): Flow {
  const at = { x: 0, y: 0 };
  const nodes: FlowNode[] = [producer('p', { eventType: 'e', interarrival: exp(1), count: 5 })];
  const edges: FlowEdge[] = [{ id: 'p->b0', source: 'p', target: 'b0' }];
  for (let i = 0; i < n; i++) {
    const id = `b${i}`;
    const deadLetter = i < n - 1 ? { deadLetter: `b${i + 1}` } : {};
    nodes.push(
      kind === 'stream'
        ? {
            id,
            kind,
            position: at,
            config: { partitions: 1, onFailure: 'dead-letter', maxDeliveries: 1, ...deadLetter },
          }
        : { id, kind, position: at, config: { maxDeliveries: 1, ...deadLetter } },
    );
    if (i === n - 1) break;
    nodes.push(handler(`h${i}`, { concurrency: 1, service: constant(0), failureRate: 1 }));
    edges.push({ id: `${id}->h${i}`, source: id, target: `h${i}` });
  }
  return flowOf(nodes, edges);
}
