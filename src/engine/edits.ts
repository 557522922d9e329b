// Live edits as data. An edit of the flow while it runs becomes a plan: the changes the running
// engine can take as they are (producer interarrival; handler concurrency, service and failure
// rate), addressed by node id, and the paths of every other change, which
// wait for a reset that rebuilds the engine. Nodes are matched by id against the flow the engine
// was built from, never by position, so adding or removing nodes cannot send an edit to the wrong one.
import { assertNever } from '../model/assertNever';
import type { Dist } from '../model/dist';
import type { Flow, FlowEdge, FlowNode } from '../model/flow';
import { moments } from '../model/theory';
import { compileDist } from './distributions';
import type { Engine } from './engine';
import { setConcurrency } from './kinds/handler';
import { LANE_OPT_OUT } from './lanes';

export type LiveEdit =
  | { field: 'interarrival'; node: string; dist: Dist }
  | { field: 'concurrency'; node: string; value: number }
  | { field: 'service'; node: string; dist: Dist }
  | { field: 'failureRate'; node: string; value: number };

export interface EditPlan {
  /** Changes for the running engine, to the nodes of these ids, in the order to apply them. */
  live: LiveEdit[];
  /** Paths in the edited flow (`nodes[3].config.capacity`, `edges[2]`) of changes that wait for a reset. */
  needsReset: string[];
}

type LiveField = LiveEdit['field'];
const LIVE_FIELDS: Partial<Record<FlowNode['kind'], readonly LiveField[]>> = {
  producer: ['interarrival'],
  handler: ['concurrency', 'service', 'failureRate'],
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The parts of an edge the engine compiles (its id and position in the file do not matter). */
const edgeShape = (e: FlowEdge) => [e.source, e.target, e.latency ?? null, e.filter ?? null];

/**
 * What to do about `next`, given the flow the engine was `built` from and `running`, that flow
 * with the live edits applied so far. Reset paths are relative to `built`, so a change undone
 * before the reset no longer waits for one.
 */
export function planEdits(built: Flow, running: Flow, next: Flow): EditPlan {
  const plan: EditPlan = { live: [], needsReset: [] };
  const builtById = new Map(built.nodes.map((n) => [n.id, n]));
  const runningById = new Map(running.nodes.map((n) => [n.id, n]));
  const nextIds = new Set(next.nodes.map((n) => n.id));
  if (built.nodes.some((n) => !nextIds.has(n.id))) plan.needsReset.push('nodes');
  next.nodes.forEach((node, i) => {
    const old = builtById.get(node.id);
    if (!old || old.kind !== node.kind) {
      plan.needsReset.push(`nodes[${i}]`);
      return;
    }
    const live = LIVE_FIELDS[node.kind] ?? [];
    const before = old.config as Record<string, unknown>;
    const after = node.config as Record<string, unknown>;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!live.includes(key as LiveField) && !same(before[key], after[key]))
        plan.needsReset.push(`nodes[${i}].config.${key}`);
    }
    plan.live.push(...liveEdits(runningById.get(node.id) ?? old, node));
  });
  const builtEdges = new Map(built.edges.map((e) => [e.id, e]));
  const nextEdgeIds = new Set(next.edges.map((e) => e.id));
  if (built.edges.some((e) => !nextEdgeIds.has(e.id))) plan.needsReset.push('edges');
  next.edges.forEach((edge, i) => {
    const old = builtEdges.get(edge.id);
    if (!old || !same(edgeShape(old), edgeShape(edge))) plan.needsReset.push(`edges[${i}]`);
  });
  // Faults are rows of the timeline, laid down when the run is built.
  if (!same(built.faults ?? [], next.faults ?? [])) plan.needsReset.push('faults');
  return plan;
}

/** The live fields that differ between the engine's current state of a node and its edit. */
function liveEdits(now: FlowNode, next: FlowNode): LiveEdit[] {
  const edits: LiveEdit[] = [];
  const at = next.id;
  if (now.kind === 'producer' && next.kind === 'producer') {
    if (!same(now.config.interarrival, next.config.interarrival))
      edits.push({ field: 'interarrival', node: at, dist: next.config.interarrival });
  } else if (now.kind === 'handler' && next.kind === 'handler') {
    const [a, b] = [now.config, next.config];
    if (a.concurrency !== b.concurrency) edits.push({ field: 'concurrency', node: at, value: b.concurrency });
    if (!same(a.service, b.service)) edits.push({ field: 'service', node: at, dist: b.service });
    if ((a.failureRate ?? 0) !== (b.failureRate ?? 0))
      edits.push({ field: 'failureRate', node: at, value: b.failureRate ?? 0 });
  }
  return edits;
}

export function applyEdit(eng: Engine, edit: LiveEdit): void {
  const topo = eng.topo;
  const n = topo.nodeIds.indexOf(edit.node);
  if (n < 0) throw new Error(`a live edit names node ${edit.node}, which the engine does not have`);
  switch (edit.field) {
    case 'interarrival':
      // From the next emission on: the one already scheduled keeps its time.
      topo.interarrival[n] = compileDist(edit.dist);
      return;
    case 'service':
      topo.service[n] = compileDist(edit.dist);
      topo.serviceMean[n] = moments(edit.dist).mean;
      return;
    case 'concurrency':
      setConcurrency(eng, n, edit.value);
      return;
    case 'failureRate':
      topo.failureRate[n] = edit.value;
      eng.lanes.setOptOut(n, LANE_OPT_OUT.failures, edit.value > 0);
      return;
    default:
      assertNever(edit, 'live edit');
  }
}

/** The engine's flow after live edits: `running` (the flow it was built from, as edited live so far) with `edits` applied. */
export function withEdits(running: Flow, edits: readonly LiveEdit[]): Flow {
  const nodes = running.nodes.map((node) =>
    edits.reduce((n, edit) => (edit.node === n.id ? editNode(n, edit) : n), node),
  );
  return { ...running, nodes };
}

function editNode(node: FlowNode, edit: LiveEdit): FlowNode {
  if (node.kind === 'producer' && edit.field === 'interarrival')
    return { ...node, config: { ...node.config, interarrival: edit.dist } };
  if (node.kind !== 'handler') return node;
  switch (edit.field) {
    case 'concurrency':
      return { ...node, config: { ...node.config, concurrency: edit.value } };
    case 'service':
      return { ...node, config: { ...node.config, service: edit.dist } };
    case 'failureRate':
      return { ...node, config: { ...node.config, failureRate: edit.value } };
    case 'interarrival':
      return node;
    default:
      return assertNever(edit, 'live edit');
  }
}
