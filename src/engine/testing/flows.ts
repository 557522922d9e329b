// Small builders for test flows, so each test reads as the topology it checks.
import type { Dist } from '../../model/dist';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { createEngineSimulation, type EngineSimulation } from '../simulation';
import type { Simulation, SimulationReport, Snapshot } from '../api';
import { NODE_ROW, type NodeField } from '../snapshot';

const at = { x: 0, y: 0 };
export const exp = (mean: number): Dist => ({ dist: 'exponential', mean });
export const constant = (value: number): Dist => ({ dist: 'constant', value });

type Cfg<K extends FlowNode['kind']> = Extract<FlowNode, { kind: K }>['config'];

export const producer = (id: string, c: Cfg<'producer'>): FlowNode => ({
  id,
  kind: 'producer',
  position: at,
  config: c,
});
export const queue = (id: string, c: Cfg<'queue'> = {}): FlowNode => ({
  id,
  kind: 'queue',
  position: at,
  config: c,
});
export const topic = (id: string, c: Cfg<'topic'> = {}): FlowNode => ({
  id,
  kind: 'topic',
  position: at,
  config: c,
});
export const stream = (id: string, c: Cfg<'stream'>): FlowNode => ({
  id,
  kind: 'stream',
  position: at,
  config: c,
});
export const handler = (id: string, c: Cfg<'handler'>): FlowNode => ({
  id,
  kind: 'handler',
  position: at,
  config: c,
});
export const dependency = (id: string, c: Cfg<'dependency'>): FlowNode => ({
  id,
  kind: 'dependency',
  position: at,
  config: c,
});
export const store = (id: string): FlowNode => ({ id, kind: 'store', position: at, config: {} });

/** Edges written as "a->b" (id "a->b"), or as objects for latency and filters. */
export function flowOf(nodes: FlowNode[], edges: (string | FlowEdge)[], settings?: Flow['settings']): Flow {
  return {
    format: 'eventflow',
    version: 2,
    name: 'test',
    nodes,
    edges: edges.map((e) => {
      if (typeof e !== 'string') return e;
      const [source = '', target = ''] = e.split('->');
      return { id: e, source, target };
    }),
    ...(settings ? { settings } : {}),
  };
}

export function run(
  flow: Flow,
  seed: number,
  duration: number,
  warmup = 0,
): { sim: EngineSimulation; report: SimulationReport } {
  const sim = createEngineSimulation(flow, { seed, duration, warmup });
  sim.advanceTo(duration);
  return { sim, report: sim.report() };
}

export interface Estimate {
  mean: number;
  /** Standard error of the mean over independent replications. */
  se: number;
  values: number[];
}

/**
 * Independent replications (one per seed) of a figure. Replications are independent, so the
 * spread of their results gives an honest standard error even when observations inside one run
 * are strongly autocorrelated (as queue waits are).
 */
export function replicate(
  flow: Flow,
  seeds: number,
  duration: number,
  warmup: number,
  pick: (r: SimulationReport) => number,
): Estimate {
  const values: number[] = [];
  for (let s = 1; s <= seeds; s++) values.push(pick(run(flow, 1000 + s, duration, warmup).report));
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
  return { mean, se: Math.sqrt(variance / values.length), values };
}

/** A node's figure in a snapshot, found by id (engine rows are in id order, not file order). */
export const figure = (sim: Simulation, snap: Snapshot, id: string, field: NodeField): number => {
  const n = sim.layout.nodeIds.indexOf(id);
  if (n < 0) throw new Error(`no node ${id} in the layout`);
  return snap.nodes[n * NODE_ROW.size + NODE_ROW.at[field]]!;
};
