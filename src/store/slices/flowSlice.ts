// The Flow document: the one source of truth for what the user drew. Only this slice is tracked
// by undo (see createAppStore.ts); every action here is one history entry.
import type { StateCreator } from 'zustand';
import { applyPreset, presetById } from '../../model/brokerPresets';
import { connectionProblem } from '../../model/connect';
import { deadLetterOf, withDeadLetter } from '../../model/deadLetter';
import { newConfig } from '../../model/defaults';
import type { Fault } from '../../model/faults';
import type { Slo } from '../../model/slo';
import {
  type Flow,
  type FlowEdge,
  type FlowNode,
  type FlowSettings,
  FLOW_VERSION,
  type Kind,
} from '../../model/flow';
import { type Clip, pasteClip } from '../clipboard';
import { edgeIds, labelForId, nextEdgeId, nextNodeId, nodeIds } from '../ids';
import type { App } from '../types';

export type XY = { x: number; y: number };
export type NodePatch = { label?: string; config?: FlowNode['config'] };
export type EdgePatch = Partial<
  Pick<
    FlowEdge,
    'latency' | 'filter' | 'prefetch' | 'ackLatency' | 'calls' | 'timeout' | 'attempts' | 'backoff'
  >
>;

export interface FlowSlice {
  flow: Flow;
  /** Replaces the whole document (New, template, import). Clears the selection. */
  replaceFlow: (flow: Flow) => void;
  addNode: (kind: Kind, position: XY) => string;
  /** Sets label and/or config; a key whose value is `undefined` in config is removed. */
  updateNode: (id: string, patch: NodePatch) => void;
  updateEdge: (id: string, patch: EdgePatch) => void;
  /** Fills a bus's delivery fields (and its consumers' prefetch) from a broker preset, in one step. */
  applyBrokerPreset: (nodeId: string, presetId: string) => void;
  /** Adds an edge, or returns why it is refused (and changes nothing). */
  connect: (source: string, target: string) => string | null;
  deleteElements: (ids: { nodes: readonly string[]; edges: readonly string[] }) => void;
  /** Moves nodes in one history entry (end of a drag, auto layout); keyed by node id. */
  moveNodes: (positions: ReadonlyMap<string, XY>) => void;
  setName: (name: string) => void;
  setSettings: (settings: FlowSettings) => void;
  /** Replaces the flow's faults (add, edit, remove: one history entry each); none removes the key. */
  setFaults: (faults: readonly Fault[]) => void;
  /** Replaces the flow's service-level objectives (one history entry per edit); none removes the key. */
  setSlos: (slos: readonly Slo[]) => void;
  /** Inserts a copy of the clip; selects and returns the new node ids. */
  paste: (clip: Clip, offset: XY) => string[];
}

export const emptyFlow = (name = 'Untitled flow'): Flow => ({
  format: 'eventflow',
  version: FLOW_VERSION,
  name,
  nodes: [],
  edges: [],
});

/** Plain JSON data compared by value: an edit that changes nothing is not an undo step. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** Drops `undefined` values so the document holds only fields that mean something. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const createFlowSlice =
  (initial: Flow): StateCreator<App, [], [], FlowSlice> =>
  (set, get) => ({
    flow: initial,
    replaceFlow: (flow) => set({ flow, selection: { nodes: [], edges: [] } }),
    addNode: (kind, position) => {
      const { flow } = get();
      const id = nextNodeId(nodeIds(flow), kind);
      const node = { id, kind, label: labelForId(id, kind), position, config: newConfig(kind) } as FlowNode;
      set({ flow: { ...flow, nodes: [...flow.nodes, node] }, selection: { nodes: [id], edges: [] } });
      return id;
    },
    updateNode: (id, patch) => {
      const { flow } = get();
      const at = flow.nodes.findIndex((n) => n.id === id);
      const node = flow.nodes[at];
      if (!node) return;
      const next = { ...node };
      if ('label' in patch) next.label = patch.label;
      if (patch.config) next.config = defined(patch.config);
      const updated = defined(next) as FlowNode;
      if (sameData(updated, node)) return;
      const nodes = flow.nodes.slice();
      nodes[at] = updated;
      set({ flow: { ...flow, nodes } });
    },
    updateEdge: (id, patch) => {
      const { flow } = get();
      const at = flow.edges.findIndex((e) => e.id === id);
      const edge = flow.edges[at];
      if (!edge) return;
      const updated = defined({ ...edge, ...patch });
      if (sameData(updated, edge)) return;
      const edges = flow.edges.slice();
      edges[at] = updated;
      set({ flow: { ...flow, edges } });
    },
    applyBrokerPreset: (nodeId, presetId) => {
      const { flow } = get();
      const preset = presetById(presetId);
      const next = preset ? applyPreset(flow, nodeId, preset) : flow;
      if (!sameData(next, flow)) set({ flow: next });
    },
    connect: (source, target) => {
      const { flow } = get();
      const problem = connectionProblem(flow, source, target);
      if (problem) return problem;
      const edge: FlowEdge = { id: nextEdgeId(edgeIds(flow), source, target), source, target };
      set({ flow: { ...flow, edges: [...flow.edges, edge] } });
      return null;
    },
    deleteElements: ({ nodes, edges }) => {
      const { flow, selection } = get();
      const goneNodes = new Set(nodes);
      const goneEdges = new Set(edges);
      if (!goneNodes.size && !goneEdges.size) return;
      const keptNodes = flow.nodes
        .filter((n) => !goneNodes.has(n.id))
        // A dead-letter target that disappears would leave the document invalid.
        .map((n) => {
          const target = deadLetterOf(n);
          return target !== undefined && goneNodes.has(target) ? withDeadLetter(n, undefined) : n;
        });
      const keptEdges = flow.edges.filter(
        (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
      );
      // A fault aimed at something that is gone would leave the document invalid, like a dead letter.
      const kept = new Set([...keptNodes.map((n) => n.id), ...keptEdges.map((e) => e.id)]);
      const { faults, ...rest } = flow;
      const keptFaults = faults?.filter((f) => kept.has(f.target));
      set({
        flow: {
          ...rest,
          nodes: keptNodes,
          edges: keptEdges,
          ...(keptFaults?.length ? { faults: keptFaults } : {}),
        },
        selection: {
          nodes: selection.nodes.filter((id) => !goneNodes.has(id)),
          edges: selection.edges.filter((id) => keptEdges.some((e) => e.id === id)),
        },
      });
    },
    moveNodes: (positions) => {
      const { flow } = get();
      const moved = (n: FlowNode) => {
        const position = positions.get(n.id);
        return position && !sameData(position, n.position) ? position : null;
      };
      if (!flow.nodes.some(moved)) return;
      const nodes = flow.nodes.map((n) => {
        const position = moved(n);
        return position ? { ...n, position } : n;
      });
      set({ flow: { ...flow, nodes } });
    },
    setName: (name) => {
      if (name !== get().flow.name) set({ flow: { ...get().flow, name } });
    },
    setSettings: (settings) => {
      const { flow } = get();
      const clean = defined(settings);
      if (sameData(clean, flow.settings ?? {})) return;
      const { settings: _old, ...rest } = flow;
      set({ flow: Object.keys(clean).length ? { ...rest, settings: clean } : rest });
    },
    setFaults: (faults) => {
      const { flow } = get();
      if (sameData(faults, flow.faults ?? [])) return;
      const { faults: _old, ...rest } = flow;
      set({ flow: faults.length ? { ...rest, faults: faults.map(defined) } : rest });
    },
    setSlos: (slos) => {
      const { flow } = get();
      if (sameData(slos, flow.slos ?? [])) return;
      const { slos: _old, ...rest } = flow;
      set({ flow: slos.length ? { ...rest, slos: slos.map(defined) } : rest });
    },
    paste: (clip, offset) => {
      const { flow } = get();
      const pasted = pasteClip(flow, clip, offset);
      set({
        flow: { ...flow, nodes: [...flow.nodes, ...pasted.nodes], edges: [...flow.edges, ...pasted.edges] },
        selection: { nodes: pasted.nodes.map((n) => n.id), edges: pasted.edges.map((e) => e.id) },
      });
      return pasted.nodes.map((n) => n.id);
    },
  });
