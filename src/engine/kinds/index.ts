// The engine's node kinds, one module each: how its config compiles into its tables, what
// happens when a copy arrives (dispatched by routing.arriveAt), and what the report shows. This
// registry is typed by the model's Kind, so a kind without a module is a compile error, as is a
// kind missing from a switch over kinds (each ends in assertNever). Only topology.ts and
// report.ts import this file; the kind modules never do, so it is evaluated after all of them.
import { assertNever } from '../../model/assertNever';
import type { FlowNode, Kind } from '../../model/flow';
import type { CompileContext, Topology } from '../topology';
import { allocateBusTables, type BusTables } from './bus';
import { KIND_NAME, kindAt } from './codes';
import { allocateHandlerTables, handlerKind, type HandlerTables } from './handler';
import { allocateProducerTables, producerKind, type ProducerTables } from './producer';
import { queueKind } from './queue';
import { storeKind } from './store';
import { allocateStreamTables, streamKind, type StreamTables } from './stream';
import { topicKind } from './topic';
import type { EngineKind } from './types';

export const ENGINE_KINDS: { [K in Kind]: EngineKind<K> } = {
  producer: producerKind,
  queue: queueKind,
  topic: topicKind,
  stream: streamKind,
  handler: handlerKind,
  store: storeKind,
};

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
  ENGINE_KINDS[KIND_NAME[kindAt(topo, n)]!];

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
