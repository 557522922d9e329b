// What every node kind's engine module provides (registered in kinds/index.ts). Its arrival
// function, called for every copy that reaches a node of the kind, is dispatched by
// routing.arriveAt, a switch that the compiler checks covers every kind.
import type { ConfigOf, Kind } from '../../model/flow';
import type { Engine } from '../engine';
import type { Counter } from '../metrics';
import type { CompileContext, Topology } from '../topology';

export interface EngineKind<K extends Kind> {
  /** Fills this kind's tables for node n from its config. */
  compile(topo: Topology, n: number, config: ConfigOf<K>, ctx: CompileContext): void;
  /** The counter the report divides by time for `throughput`. */
  throughput: Counter;
  /** Waiting room for the snapshot: Infinity when unbounded, 0 for kinds that hold nothing. */
  capacity(eng: Engine, n: number): number;
  /** Workers for the snapshot (0 for kinds without). */
  workers(eng: Engine, n: number): number;
}
