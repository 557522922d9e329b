// A validated Flow compiled to flat, index-based tables: node and edge numbers follow the file's
// order, event types are numbered in order of first appearance (producers' types, then handlers'
// `emits`), and every place a handler can take work from is a numbered "source".
import { FIELD_DEFAULTS } from '../model/defaults';
import type { Flow } from '../model/flow';
import { compileDist, type CompiledDist } from './distributions';

export const K_PRODUCER = 0;
export const K_QUEUE = 1;
export const K_TOPIC = 2;
export const K_STREAM = 3;
export const K_HANDLER = 4;
export const K_STORE = 5;
const KIND_CODE = {
  producer: K_PRODUCER,
  queue: K_QUEUE,
  topic: K_TOPIC,
  stream: K_STREAM,
  handler: K_HANDLER,
  store: K_STORE,
};

export const OV_DROP_NEWEST = 0;
export const OV_DROP_OLDEST = 1;
export const OV_BLOCK = 2;

/** Where a handler takes work from: a queue (shared), a topic subscription, a stream consumer group, or its inbox. */
export const S_QUEUE = 0;
export const S_SUB = 1;
export const S_GROUP = 2;
export const S_INBOX = 3;

export interface Topology {
  nodeIds: string[];
  edgeIds: string[];
  eventTypes: string[];
  kind: Int32Array;
  /** Outgoing edges of node n: outEdges[outStart[n] .. outStart[n + 1]). */
  outStart: Int32Array;
  outEdges: Int32Array;
  edgeSrc: Int32Array;
  edgeDst: Int32Array;
  edgeLatency: CompiledDist[];
  /** 1 when the edge has a latency distribution. */
  edgeHasLatency: Uint8Array;
  /** accepts[e * types + t] = 1 when edge e lets type t through. */
  accepts: Uint8Array;
  /** 1 when the edge has a filter (otherwise everything passes). */
  edgeFiltered: Uint8Array;

  // Producers
  interarrival: CompiledDist[];
  eventType: Int32Array;
  count: Float64Array;
  start: Float64Array;
  keys: Int32Array;

  // Buses
  capacity: Float64Array;
  overflow: Int32Array;
  atLeastOnce: Uint8Array;
  maxDeliveries: Int32Array;
  deadLetter: Int32Array;
  partitions: Int32Array;
  retention: Float64Array;

  // Handlers
  concurrency: Int32Array;
  service: CompiledDist[];
  failureRate: Float64Array;
  retryDelay: CompiledDist[];
  /** Type index a handler emits, or -1 to pass on the type it handled. */
  emits: Int32Array;
  /** Sources of handler n: sources[srcStart[n] .. srcStart[n + 1]). */
  srcStart: Int32Array;
  sources: Int32Array;
  srcKind: Int32Array;
  /** The bus (S_QUEUE, S_SUB, S_GROUP) or the handler itself (S_INBOX). */
  srcNode: Int32Array;
  /** The bus → handler edge, or -1 for an inbox. */
  srcEdge: Int32Array;
  srcHandler: Int32Array;
  /** For each edge into a handler from a bus, its source number; -1 otherwise. */
  edgeSource: Int32Array;
  /** Inbox source of each handler (-1 when it has no direct feed). */
  inboxSource: Int32Array;
}

const constant0 = compileDist({ dist: 'constant', value: 0 });

export function compileTopology(flow: Flow): Topology {
  const N = flow.nodes.length;
  const E = flow.edges.length;
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const types: string[] = [];
  const typeIndex = (t: string): number => {
    let i = types.indexOf(t);
    if (i < 0) i = types.push(t) - 1;
    return i;
  };
  for (const n of flow.nodes) if (n.kind === 'producer') typeIndex(n.config.eventType);
  for (const n of flow.nodes) if (n.kind === 'handler' && n.config.emits) typeIndex(n.config.emits);
  for (const e of flow.edges) for (const t of e.filter ?? []) typeIndex(t);
  const T = Math.max(1, types.length);

  const t: Topology = {
    nodeIds: flow.nodes.map((n) => n.id),
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
    edgeFiltered: Uint8Array.from(flow.edges, (e) => (e.filter ? 1 : 0)),
    interarrival: flow.nodes.map(() => constant0),
    eventType: new Int32Array(N).fill(-1),
    count: new Float64Array(N).fill(Infinity),
    start: new Float64Array(N),
    keys: new Int32Array(N),
    capacity: new Float64Array(N).fill(Infinity),
    overflow: new Int32Array(N),
    atLeastOnce: new Uint8Array(N),
    maxDeliveries: new Int32Array(N),
    deadLetter: new Int32Array(N).fill(-1),
    partitions: new Int32Array(N),
    retention: new Float64Array(N).fill(Infinity),
    concurrency: new Int32Array(N),
    service: flow.nodes.map(() => constant0),
    failureRate: new Float64Array(N),
    retryDelay: flow.nodes.map(() => constant0),
    emits: new Int32Array(N).fill(-1),
    srcStart: new Int32Array(N + 1),
    sources: new Int32Array(0),
    srcKind: new Int32Array(0),
    srcNode: new Int32Array(0),
    srcEdge: new Int32Array(0),
    srcHandler: new Int32Array(0),
    edgeSource: new Int32Array(E).fill(-1),
    inboxSource: new Int32Array(N).fill(-1),
  };

  flow.edges.forEach((e, i) => {
    for (let k = 0; k < T; k++) t.accepts[i * T + k] = e.filter ? (e.filter.includes(types[k]!) ? 1 : 0) : 1;
  });
  let k = 0;
  for (let n = 0; n < N; n++) {
    t.outStart[n] = k;
    for (let e = 0; e < E; e++) if (t.edgeSrc[e] === n) t.outEdges[k++] = e;
  }
  t.outStart[N] = k;

  flow.nodes.forEach((node, n) => {
    switch (node.kind) {
      case 'producer': {
        const c = node.config;
        t.interarrival[n] = compileDist(c.interarrival);
        t.eventType[n] = typeIndex(c.eventType);
        t.count[n] = c.count ?? Infinity;
        t.start[n] = c.start ?? FIELD_DEFAULTS.start;
        t.keys[n] = c.keys ?? 0;
        break;
      }
      case 'queue': {
        const c = node.config;
        t.capacity[n] = c.capacity ?? FIELD_DEFAULTS.capacity;
        const ov = c.overflow ?? FIELD_DEFAULTS.overflow;
        t.overflow[n] = ov === 'block' ? OV_BLOCK : ov === 'drop-oldest' ? OV_DROP_OLDEST : OV_DROP_NEWEST;
        t.atLeastOnce[n] = (c.delivery ?? FIELD_DEFAULTS.delivery) === 'at-least-once' ? 1 : 0;
        t.maxDeliveries[n] = c.maxDeliveries ?? FIELD_DEFAULTS.maxDeliveries;
        t.deadLetter[n] = c.deadLetter === undefined ? -1 : (index.get(c.deadLetter) ?? -1);
        break;
      }
      case 'topic':
        t.capacity[n] = node.config.capacity ?? FIELD_DEFAULTS.capacity;
        break;
      case 'stream':
        t.partitions[n] = node.config.partitions;
        t.retention[n] = node.config.retention ?? Infinity;
        break;
      case 'handler': {
        const c = node.config;
        t.concurrency[n] = c.concurrency;
        t.service[n] = compileDist(c.service);
        t.failureRate[n] = c.failureRate ?? FIELD_DEFAULTS.failureRate;
        t.retryDelay[n] = compileDist(c.retryDelay ?? FIELD_DEFAULTS.retryDelay);
        t.emits[n] = c.emits ? typeIndex(c.emits) : -1;
        break;
      }
      case 'store':
        break;
    }
  });

  // Sources: per handler, first the buses feeding it (edge order), then its inbox if anything feeds it directly.
  const srcKind: number[] = [];
  const srcNode: number[] = [];
  const srcEdge: number[] = [];
  const srcHandler: number[] = [];
  const sources: number[] = [];
  for (let h = 0; h < N; h++) {
    t.srcStart[h] = sources.length;
    if (t.kind[h] !== K_HANDLER) continue;
    let direct = false;
    for (let e = 0; e < E; e++) {
      if (t.edgeDst[e] !== h) continue;
      const from = t.edgeSrc[e]!;
      const fk = t.kind[from]!;
      if (fk === K_QUEUE || fk === K_TOPIC || fk === K_STREAM) {
        const s = srcKind.length;
        srcKind.push(fk === K_QUEUE ? S_QUEUE : fk === K_TOPIC ? S_SUB : S_GROUP);
        srcNode.push(from);
        srcEdge.push(e);
        srcHandler.push(h);
        sources.push(s);
        t.edgeSource[e] = s;
      } else direct = true;
    }
    if (direct) {
      const s = srcKind.length;
      srcKind.push(S_INBOX);
      srcNode.push(h);
      srcEdge.push(-1);
      srcHandler.push(h);
      sources.push(s);
      t.inboxSource[h] = s;
    }
  }
  t.srcStart[N] = sources.length;
  t.sources = Int32Array.from(sources);
  t.srcKind = Int32Array.from(srcKind);
  t.srcNode = Int32Array.from(srcNode);
  t.srcEdge = Int32Array.from(srcEdge);
  t.srcHandler = Int32Array.from(srcHandler);
  return t;
}
