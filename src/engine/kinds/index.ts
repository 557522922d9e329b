// The engine's node kinds, one module each: how its config compiles into its tables, what
// happens when a copy arrives, and what the report shows. The registry is typed by the model's
// Kind, so a kind without a module is a compile error, as is a kind missing from a switch over
// kinds here (each ends in assertNever).
import { assertNever } from '../../model/assertNever';
import type { FlowNode, Kind } from '../../model/flow';
import type { CompileContext, Topology } from '../topology';
import { allocateBusTables, type BusTables } from './bus';
import type { Engine } from '../engine';
import { C_IN, COUNTERS } from '../metrics';
import { busOut, holdAtOutage } from '../faults';
import { endAt } from '../routing';
import { fanOutBus } from './bus';
import { KIND_CODE, KIND_NAME, kindAt } from './codes';
import { allocateHandlerTables, handlerArrive, handlerKind, type HandlerTables } from './handler';
import { allocateProducerTables, producerKind, type ProducerTables } from './producer';
import { queueArrive, queueKind } from './queue';
import { storeKind } from './store';
import { allocateStreamTables, streamKind, type StreamTables } from './stream';
import { topicKind } from './topic';
import type { EngineKind } from './types';

type Registry = { [K in Kind]: EngineKind<K> };
let registry: Registry | undefined;
/**
 * Built on first use, not when this module loads: the kind modules import arriveAt() from here,
 * so one of them may still be loading when this module does.
 */
export const engineKinds = (): Registry =>
  (registry ??= {
    producer: producerKind,
    queue: queueKind,
    topic: topicKind,
    stream: streamKind,
    handler: handlerKind,
    store: storeKind,
  });

/** Every kind's own tables, indexed by node. */
export type KindTables = ProducerTables & BusTables & StreamTables & HandlerTables;

export const allocateKindTables = (N: number): KindTables => ({
  ...allocateProducerTables(N),
  ...allocateBusTables(N),
  ...allocateStreamTables(N),
  ...allocateHandlerTables(N),
});

/** What the report and snapshot read of a node's kind. */
export type KindFigures = Pick<EngineKind<Kind>, 'throughput' | 'capacity' | 'workers'>;

export const figuresOf = (topo: Topology, n: number): KindFigures =>
  engineKinds()[KIND_NAME[kindAt(topo, n)]!];

export function compileNode(topo: Topology, n: number, node: FlowNode, ctx: CompileContext): void {
  switch (node.kind) {
    case 'producer':
      return producerKind.compile(topo, n, node.config, ctx);
    case 'queue':
      return queueKind.compile(topo, n, node.config, ctx);
    case 'topic':
      return topicKind.compile(topo, n, node.config, ctx);
    case 'stream':
      return streamKind.compile(topo, n, node.config, ctx);
    case 'handler':
      return handlerKind.compile(topo, n, node.config, ctx);
    case 'store':
      return storeKind.compile(topo, n, node.config, ctx);
    default:
      return assertNever(node, 'node kind');
  }
}

/**
 * A copy reaches node n. Buses hand copies on at once, so one arrival can cause others (a chain
 * of buses, a fan-out): those are queued and handled in order before this call returns, not by
 * recursion, so a chain of any length runs in constant stack.
 */
export function arriveAt(eng: Engine, slot: number, n: number): void {
  const pending = eng.arrivals;
  if (eng.arriving) {
    pending.push(slot);
    pending.push(n);
    return;
  }
  eng.arriving = true;
  try {
    arriveNow(eng, slot, n);
    while (pending.length > 0) {
      const s = pending.shift();
      arriveNow(eng, s, pending.shift());
    }
  } finally {
    eng.arriving = false;
  }
}

/** Each kind's arrival, by a switch the compiler checks covers every kind. (A handler counts deliveries when a worker takes them, not on arrival.) */
function arriveNow(eng: Engine, slot: number, n: number): void {
  if (busOut(eng, n)) {
    holdAtOutage(eng, n, slot);
    return;
  }
  const kind = kindAt(eng.topo, n);
  if (kind !== KIND_CODE.handler) eng.counters[n * COUNTERS + C_IN]!++;
  eng.pool.arrive[slot] = eng.now;
  switch (kind) {
    case KIND_CODE.queue:
      queueArrive(eng, n, slot);
      break;
    case KIND_CODE.handler:
      handlerArrive(eng, n, slot);
      break;
    case KIND_CODE.topic:
    case KIND_CODE.stream:
      fanOutBus(eng, n, slot);
      break;
    case KIND_CODE.store:
      endAt(eng, slot);
      break;
    case KIND_CODE.producer:
      // Validation refuses edges into producers.
      throw new Error(`a copy reached producer ${eng.topo.nodeIds[n]}, which takes no input`);
    default:
      assertNever(kind, 'node kind');
  }
}
