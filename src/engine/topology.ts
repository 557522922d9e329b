// A validated Flow compiled to flat, index-based tables. Nodes and edges are numbered in order of
// their ids, not of the file, so that the same flow listed in another order runs the same (the
// order of ties and of random draws follows these numbers). Event types are numbered in order of
// first appearance in that order (producers' types, then handlers' `emits`, then types named only
// in filters, then in handlers' `failsOn`), and every place a handler can take work from is a numbered "source". The graph's
// tables live here; each node kind's own tables and how they are filled live in kinds/.
import { CALL_DEFAULTS, type Flow, type FlowEdge } from '../model/flow';
import { compileDist, type CompiledDist } from './distributions';
import { compileFaults, type CompiledFault } from './faults';
import { allocateKindTables, compileNode, type KindTables } from './kinds';
import { JITTER, KIND_CODE, kindAt, SOURCE, type KindCode, type SourceKind } from './kinds/codes';
import { DELIVERY_DEFAULTS } from '../model/delivery';
import { MAX_SECONDS } from '../model/limits';

export interface GraphTables {
  /** Node ids by engine number (sorted). */
  nodeIds: string[];
  /** Position in the file's `nodes` of each engine node (for paths such as `nodes[3]`). */
  nodeInFile: Int32Array;
  /** What messages call each node: its label, else its id. */
  nodeLabels: string[];
  edgeIds: string[];
  eventTypes: string[];
  kind: Int32Array;
  /** Outgoing edges of node n that carry copies: outEdges[outStart[n] .. outStart[n + 1]) (not call edges). */
  outStart: Int32Array;
  outEdges: Int32Array;
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  edgeLatency: CompiledDist[];
  /** 1 when the edge has a latency distribution. */
  edgeHasLatency: Uint8Array;
  /** accepts[e * acceptStride + type] = 1 when edge e lets the type through. */
  accepts: Uint8Array;
  acceptStride: number;
  /** 1 when the edge has a filter (otherwise everything passes). */
  edgeFiltered: Uint8Array;

  /** Sources are numbered handler by handler: those of handler n are srcStart[n] .. srcStart[n + 1] − 1. */
  srcStart: Int32Array;
  srcKind: Int32Array;
  /** The bus (queue, subscription, group sources) or the handler itself (inbox). */
  srcNode: Int32Array;
  /** The bus → handler edge, or -1 for an inbox. */
  srcEdge: Int32Array;
  /** The handler each source feeds. */
  srcHandler: Int32Array;
  /** Windowed sources (consume.ts): pushed by their bus within a window of unacknowledged messages. */
  srcWindowed: Uint8Array;
  /** The edge's prefetch, or 0 for the default (the handler's concurrency). */
  srcPrefetch: Int32Array;
  srcAck: CompiledDist[];
  srcHasAck: Uint8Array;
  /** For each edge into a handler from a bus, its source number; -1 otherwise. */
  edgeSource: Int32Array;
  /** Inbox source of each handler (-1 when it has no direct feed). */
  inboxSource: Int32Array;
  /** The flow's faults, aimed at node or edge numbers (faults.ts). */
  faults: CompiledFault[];
  /** 1 for a handler some pause or crash fault targets: its completions and free workers are checked. */
  stoppable: Uint8Array;
  /** Handler n's call edges (to dependencies), in order of their ids: callEdges[callStart[n] .. callStart[n + 1]). */
  callStart: Int32Array;
  callEdges: Int32Array;
  /** Per call edge (calls.ts): calls per job, the caller's timeout (Infinity: none), attempts in all, backoff. */
  callsPerJob: Int32Array;
  callTimeout: Float64Array;
  callAttempts: Int32Array;
  callHasBackoff: Uint8Array;
  callBackoffInitial: Float64Array;
  callBackoffMultiplier: Float64Array;
  callBackoffMax: Float64Array;
  callBackoffJitter: Int32Array;
}

export type Topology = GraphTables & KindTables;

const constant0 = compileDist({ dist: 'constant', value: 0 });

/** What a kind's compile step may ask of the graph being compiled. */
export interface CompileContext {
  /** The number of an event type, adding it if new. */
  typeIndex(type: string): number;
  /** The number of a node by id, or -1. */
  nodeIndex(id: string): number;
}

/** Positions of `items` in order of their ids (by UTF-16 code units: the same on every machine). */
function byId(items: readonly { id: string }[]): number[] {
  return items
    .map((_, i) => i)
    .sort((a, b) => (items[a]!.id < items[b]!.id ? -1 : items[a]!.id > items[b]!.id ? 1 : 0));
}

export function compileTopology(file: Flow): Topology {
  const nodeOrder = byId(file.nodes);
  const flow = {
    nodes: nodeOrder.map((i) => file.nodes[i]!),
    edges: byId(file.edges).map((i) => file.edges[i]!),
  };
  const N = flow.nodes.length;
  const E = flow.edges.length;
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const types: string[] = [];
  const typeNumbers = new Map<string, number>();
  const ctx: CompileContext = {
    typeIndex(type) {
      let i = typeNumbers.get(type);
      if (i === undefined) {
        i = types.push(type) - 1;
        typeNumbers.set(type, i);
      }
      return i;
    },
    nodeIndex: (id) => index.get(id) ?? -1,
  };
  // Types in order of first appearance: producers', then handlers' emits, then filters', then failsOn's.
  for (const n of flow.nodes) if (n.kind === 'producer') ctx.typeIndex(n.config.eventType);
  for (const n of flow.nodes) if (n.kind === 'handler' && n.config.emits) ctx.typeIndex(n.config.emits);
  for (const e of flow.edges) for (const t of e.filter ?? []) ctx.typeIndex(t);
  for (const n of flow.nodes)
    if (n.kind === 'handler') for (const t of n.config.failsOn ?? []) ctx.typeIndex(t);
  const T = Math.max(1, types.length);

  const topo: Topology = {
    nodeIds: flow.nodes.map((n) => n.id),
    nodeInFile: Int32Array.from(nodeOrder),
    nodeLabels: flow.nodes.map((n) => n.label || n.id),
    edgeIds: flow.edges.map((e) => e.id),
    eventTypes: types,
    kind: Int32Array.from(flow.nodes, (n) => KIND_CODE[n.kind]),
    outStart: new Int32Array(N + 1),
    outEdges: new Int32Array(E),
    edgeSrc: Int32Array.from(flow.edges, (e) => index.get(e.source) ?? -1),
    edgeDst: Int32Array.from(flow.edges, (e) => index.get(e.target) ?? -1),
    edgeLatency: flow.edges.map((e) => (e.latency ? compileDist(e.latency) : constant0)),
    edgeHasLatency: Uint8Array.from(flow.edges, (e) => (e.latency ? 1 : 0)),
    accepts: new Uint8Array(E * T),
    acceptStride: T,
    edgeFiltered: Uint8Array.from(flow.edges, (e) => (e.filter ? 1 : 0)),
    srcStart: new Int32Array(N + 1),
    srcKind: new Int32Array(0),
    srcNode: new Int32Array(0),
    srcEdge: new Int32Array(0),
    srcHandler: new Int32Array(0),
    srcWindowed: new Uint8Array(0),
    srcPrefetch: new Int32Array(0),
    srcAck: [],
    srcHasAck: new Uint8Array(0),
    edgeSource: new Int32Array(E).fill(-1),
    inboxSource: new Int32Array(N).fill(-1),
    faults: [],
    stoppable: new Uint8Array(N),
    callStart: new Int32Array(N + 1),
    callEdges: new Int32Array(0),
    callsPerJob: Int32Array.from(flow.edges, (e) => e.calls ?? CALL_DEFAULTS.calls),
    callTimeout: Float64Array.from(flow.edges, (e) => e.timeout ?? Infinity),
    callAttempts: Int32Array.from(flow.edges, (e) => e.attempts ?? CALL_DEFAULTS.attempts),
    callHasBackoff: Uint8Array.from(flow.edges, (e) => (e.backoff ? 1 : 0)),
    callBackoffInitial: Float64Array.from(flow.edges, (e) => e.backoff?.initial ?? 0),
    callBackoffMultiplier: Float64Array.from(
      flow.edges,
      (e) => e.backoff?.multiplier ?? DELIVERY_DEFAULTS.backoffMultiplier,
    ),
    // As a bus's backoff: without a max, the longest a run can last keeps the delay finite.
    callBackoffMax: Float64Array.from(flow.edges, (e) => e.backoff?.max ?? MAX_SECONDS),
    callBackoffJitter: Int32Array.from(
      flow.edges,
      (e) => JITTER[e.backoff?.jitter ?? DELIVERY_DEFAULTS.jitter],
    ),
    ...allocateKindTables(N),
  };

  flow.edges.forEach((e, i) => {
    const passes = e.filter ? new Set(e.filter) : null;
    for (let k = 0; k < T; k++) topo.accepts[i * T + k] = !passes || passes.has(types[k]!) ? 1 : 0;
  });
  compileAdjacency(topo);
  flow.nodes.forEach((node, n) => compileNode(topo, n, node, ctx));
  for (let n = 0; n < N; n++) {
    const kind = kindAt(topo, n);
    const bus = kind === KIND_CODE.queue || kind === KIND_CODE.topic || kind === KIND_CODE.stream;
    if (bus && topo.outStart[n + 1] === topo.outStart[n]) topo.terminal[n] = 1;
  }
  compileSources(topo, flow.edges);
  for (let n = 0; n < N; n++)
    if (topo.failsOn[n] || topo.callStart[n + 1]! > topo.callStart[n]!) topo.jobExtras[n] = 1;
  topo.faults = compileFaults(file.faults ?? [], topo);
  for (const f of topo.faults)
    if (f.fault.kind === 'pause' || f.fault.kind === 'crash') topo.stoppable[f.node] = 1;
  return topo;
}

/**
 * Outgoing edges grouped by source node, each group in edge order (a counting sort): those that
 * carry copies, and apart from them a handler's calls to dependencies.
 */
function compileAdjacency(topo: Topology): void {
  const N = topo.nodeIds.length;
  const E = topo.edgeIds.length;
  const isCall = (e: number) => kindAt(topo, topo.edgeDst[e]!) === KIND_CODE.dependency;
  const group = (start: Int32Array, keep: (e: number) => boolean): Int32Array => {
    for (let e = 0; e < E; e++) if (keep(e)) start[topo.edgeSrc[e]! + 1]!++;
    for (let n = 0; n < N; n++) start[n + 1]! += start[n]!;
    const edges = new Int32Array(start[N]!);
    const next = start.slice(0, N);
    for (let e = 0; e < E; e++) if (keep(e)) edges[next[topo.edgeSrc[e]!]!++] = e;
    return edges;
  };
  topo.outEdges = group(topo.outStart, (e) => !isCall(e));
  topo.callEdges = group(topo.callStart, isCall);
}

const BUS_SOURCE: Partial<Record<KindCode, SourceKind>> = {
  [KIND_CODE.queue]: SOURCE.queue,
  [KIND_CODE.topic]: SOURCE.subscription,
  [KIND_CODE.stream]: SOURCE.group,
};

/** Per handler: first the buses feeding it (edge order), then its inbox if anything feeds it directly. */
function compileSources(topo: Topology, edges: readonly FlowEdge[]): void {
  const N = topo.nodeIds.length;
  const E = topo.edgeIds.length;
  const into: number[][] = Array.from({ length: N }, () => []);
  for (let e = 0; e < E; e++) into[topo.edgeDst[e]!]!.push(e);
  const srcKind: number[] = [];
  const srcNode: number[] = [];
  const srcEdge: number[] = [];
  const srcHandler: number[] = [];
  for (let h = 0; h < N; h++) {
    topo.srcStart[h] = srcKind.length;
    if (kindAt(topo, h) !== KIND_CODE.handler) continue;
    let direct = false;
    for (const e of into[h]!) {
      const from = topo.edgeSrc[e]!;
      const source = BUS_SOURCE[kindAt(topo, from)];
      if (source === undefined) {
        direct = true;
        continue;
      }
      topo.edgeSource[e] = srcKind.length;
      srcKind.push(source);
      srcNode.push(from);
      srcEdge.push(e);
      srcHandler.push(h);
    }
    if (direct) {
      topo.inboxSource[h] = srcKind.length;
      srcKind.push(SOURCE.inbox);
      srcNode.push(h);
      srcEdge.push(-1);
      srcHandler.push(h);
    }
  }
  topo.srcStart[N] = srcKind.length;
  topo.srcKind = Int32Array.from(srcKind);
  topo.srcNode = Int32Array.from(srcNode);
  topo.srcEdge = Int32Array.from(srcEdge);
  topo.srcHandler = Int32Array.from(srcHandler);
  const S = srcKind.length;
  topo.srcPrefetch = Int32Array.from(srcEdge, (e) => (e >= 0 ? (edges[e]!.prefetch ?? 0) : 0));
  topo.srcAck = srcEdge.map((e) => {
    const ack = e >= 0 ? edges[e]!.ackLatency : undefined;
    return compileDist(ack ?? { dist: 'constant', value: 0 });
  });
  topo.srcHasAck = Uint8Array.from(srcEdge, (e) => (e >= 0 && edges[e]!.ackLatency ? 1 : 0));
  // Classic (the handler pulls) only where a window would change nothing: the handler's only
  // source, a queue or topic with no lease or ordering, an edge with no prefetch, latency or ack
  // latency. Streams are always consumed by their partitions' owners (stream.ts).
  topo.srcWindowed = new Uint8Array(S);
  for (let s = 0; s < S; s++) {
    const kind = srcKind[s]!;
    if (kind !== SOURCE.queue && kind !== SOURCE.subscription) continue;
    const e = srcEdge[s]!;
    const n = srcNode[s]!;
    const h = srcHandler[s]!;
    const only = topo.srcStart[h + 1]! - topo.srcStart[h]! === 1;
    const classic =
      only &&
      topo.srcPrefetch[s] === 0 &&
      !topo.srcHasAck[s] &&
      !topo.edgeHasLatency[e] &&
      topo.lease[n] === Infinity &&
      !topo.orderByKey[n];
    topo.srcWindowed[s] = classic ? 0 : 1;
  }
}
