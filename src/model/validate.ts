// Reading a Flow from untrusted input: its version first (older ones are migrated, migrate.ts),
// then its shape (zod), then references and connection rules.
// Every problem names its place as a path, e.g. `nodes[3].config.concurrency: must be …`.
import { z } from 'zod';
import { pairProblem } from './connect';
import { deadLetterOf, deadLetterProblem } from './deadLetter';
import { faultProblems } from './faults';
import { metricPathProblem } from './slo';
import { isBusKind, flowShapeSchema, type Flow } from './flow';
import { formatCount } from './format';
import {
  MAX_DEPTH,
  MAX_EDGE_TYPES,
  MAX_EDGES,
  MAX_EVENT_TYPES,
  MAX_NODES,
  MAX_PARTITION_QUEUES,
  MAX_SKEWED_KEYS_TOTAL,
  MAX_WORKERS,
} from './limits';
import { type FlowDocument, type FlowNotice, migrate } from './migrate';
import { MIGRATIONS } from './migrations';

export interface FlowProblem {
  /** Where, as `nodes[3].config.concurrency`; empty for the document itself. */
  path: string;
  message: string;
}

/** A readable flow comes with the notices of what reading an older version changed in meaning. */
export type ParseResult =
  { ok: true; flow: Flow; notices: FlowNotice[] } | { ok: false; problems: FlowProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function formatProblem(p: FlowProblem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

export function zodProblems(error: z.ZodError, prefix: readonly PropertyKey[] = []): FlowProblem[] {
  return error.issues.map((iss) => ({
    path: formatPath([...prefix, ...iss.path]),
    message: iss.message,
  }));
}

/** Validates a parsed JSON value as Flow JSON of any version this app reads, as the current version. */
export function parseFlow(input: unknown): ParseResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [{ path: '', message: 'the file must hold a JSON object (a Flow)' }] };
  }
  // Before anything walks the document: too many nodes or edges answer at once, and nothing
  // recursive (zod, migrations, structuredClone, saving) ever meets a deeply nested value.
  const tooMany = sizeProblems(input as FlowDocument);
  if (tooMany.length) return { ok: false, problems: tooMany };
  const tooDeep = depthProblem(input);
  if (tooDeep) return { ok: false, problems: [tooDeep] };
  const migrated = migrate(input as FlowDocument, MIGRATIONS);
  if (!migrated.ok) {
    // Some other JSON file is better told apart by its format than by its version.
    const format = flowShapeSchema.shape.format.safeParse((input as FlowDocument).format);
    const formatProblems = format.success ? [] : zodProblems(format.error, ['format']);
    return { ok: false, problems: [...formatProblems, ...migrated.problems] };
  }
  const shape = flowShapeSchema.safeParse(migrated.doc);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error) };
  const problems = [...referenceProblems(shape.data), ...totalProblems(shape.data)];
  return problems.length
    ? { ok: false, problems }
    : { ok: true, flow: shape.data, notices: migrated.notices };
}

/** Parses text as JSON and validates it. */
export function parseFlowText(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [{ path: '', message: `not valid JSON (${why})` }] };
  }
  return parseFlow(json);
}

/**
 * The first value nested deeper than MAX_DEPTH objects and lists (unknown fields included), or
 * null. Iterative, so that no nesting can overflow the stack here.
 */
export function depthProblem(input: unknown): FlowProblem | null {
  type Frame = { value: object; depth: number; parent: Frame | null; key: PropertyKey };
  const stack: Frame[] = [{ value: input as object, depth: 1, parent: null, key: '' }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > MAX_DEPTH) {
      const path: PropertyKey[] = [];
      for (let f: Frame | null = frame; f?.parent; f = f.parent) path.push(f.key);
      path.reverse();
      const shown = formatPath(path.slice(0, 8)) + (path.length > 8 ? '…' : '');
      return {
        path: shown,
        message: `nested more than ${MAX_DEPTH} levels deep (objects and lists inside one another): this app reads at most ${MAX_DEPTH}`,
      };
    }
    const entries: [PropertyKey, unknown][] = Array.isArray(frame.value)
      ? frame.value.map((v, i) => [i, v])
      : Object.entries(frame.value);
    for (const [key, value] of entries) {
      if (typeof value === 'object' && value !== null) {
        stack.push({ value, depth: frame.depth + 1, parent: frame, key });
      }
    }
  }
  return null;
}

const more = (n: number, max: number, what: string) =>
  `${formatCount(n)} ${what} is more than this app runs (at most ${formatCount(max)})`;

/** Too many nodes or edges, told before each of them is checked. */
function sizeProblems(doc: FlowDocument): FlowProblem[] {
  const problems: FlowProblem[] = [];
  if (Array.isArray(doc.nodes) && doc.nodes.length > MAX_NODES)
    problems.push({ path: 'nodes', message: more(doc.nodes.length, MAX_NODES, 'nodes') });
  if (Array.isArray(doc.edges) && doc.edges.length > MAX_EDGES)
    problems.push({ path: 'edges', message: more(doc.edges.length, MAX_EDGES, 'edges') });
  return problems;
}

/** Ids, references and connection rules, in time linear in the size of the flow. */
function referenceProblems(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const nodeIndex = new Map<string, number>();
  flow.nodes.forEach((n, i) => {
    const first = nodeIndex.get(n.id);
    if (first !== undefined) {
      problems.push({ path: `nodes[${i}].id`, message: `duplicate id "${n.id}" (also nodes[${first}])` });
    } else nodeIndex.set(n.id, i);
  });
  flow.nodes.forEach((n, i) => {
    const deadLetter = deadLetterOf(n);
    if (deadLetter === undefined) return;
    const message = deadLetterProblem(n, flow.nodes[nodeIndex.get(deadLetter) ?? -1]);
    if (message) problems.push({ path: `nodes[${i}].config.deadLetter`, message });
  });
  const edgeIds = new Map<string, number>();
  // Targets already connected from each source, for the duplicate-edge rule.
  const connected = new Map<string, Set<string>>();
  flow.edges.forEach((e, i) => {
    const first = edgeIds.get(e.id);
    if (first !== undefined) {
      problems.push({ path: `edges[${i}].id`, message: `duplicate id "${e.id}" (also edges[${first}])` });
    } else edgeIds.set(e.id, i);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIndex.has(e[end])) {
        problems.push({ path: `edges[${i}].${end}`, message: `there is no node "${e[end]}"` });
      }
    }
    const s = nodeIndex.get(e.source);
    const t = nodeIndex.get(e.target);
    if (s === undefined || t === undefined) return;
    const source = flow.nodes[s]!;
    const target = flow.nodes[t]!;
    let targets = connected.get(e.source);
    const duplicate = targets?.has(e.target) ?? false;
    const reason = pairProblem(source, target, duplicate);
    if (reason) problems.push({ path: `edges[${i}]`, message: reason });
    if (!targets) connected.set(e.source, (targets = new Set()));
    targets.add(e.target);
    for (const field of deliveryWindowFields(e)) {
      if (source.kind === 'stream' && target.kind === 'handler')
        problems.push({
          path: `edges[${i}].${field}`,
          message:
            'a stream has no delivery window: each worker reads its own partitions in order, and the edge latency is its fetch time',
        });
      else if (!isBusKind(source.kind) || target.kind !== 'handler')
        problems.push({
          path: `edges[${i}].${field}`,
          message: `applies only to an edge from a queue or topic to a handler (this one goes from a ${source.kind} to a ${target.kind})`,
        });
    }
    if (target.kind === 'dependency') problems.push(...callEdgeProblems(e, i));
    else
      for (const field of CALL_FIELDS.filter((f) => e[f] !== undefined))
        problems.push({
          path: `edges[${i}].${field}`,
          message: `applies only to an edge from a handler to a dependency (this one goes from a ${source.kind} to a ${target.kind})`,
        });
  });
  flow.slos?.forEach((s, i) => {
    const why = metricPathProblem(
      s.metric,
      flow.nodes.map((n) => n.id),
    );
    if (why) problems.push({ path: `slos[${i}].metric`, message: why });
  });
  if (flow.faults) {
    problems.push(
      ...faultProblems(
        flow.faults,
        (id) => {
          const n = nodeIndex.get(id);
          return n === undefined ? undefined : flow.nodes[n]!.kind;
        },
        (id) => {
          const e = edgeIds.get(id);
          if (e === undefined) return undefined;
          return flow.nodes[nodeIndex.get(flow.edges[e]!.target) ?? -1]?.kind === 'dependency'
            ? 'calls'
            : 'events';
        },
      ),
    );
  }
  return problems;
}

/** Bounds on what the whole flow adds up to: workers, partition queues, skewed keys, event types. */
function totalProblems(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const out = new Map<string, number>();
  for (const e of flow.edges) out.set(e.source, (out.get(e.source) ?? 0) + 1);
  let workers = 0;
  let queues = 0;
  let skewed = 0;
  const types = new Set<string>();
  flow.nodes.forEach((n, i) => {
    if (n.kind === 'producer') {
      types.add(n.config.eventType);
      if (n.config.keySkew && n.config.keys !== undefined) {
        skewed += n.config.keys;
        if (skewed > MAX_SKEWED_KEYS_TOTAL && skewed - n.config.keys <= MAX_SKEWED_KEYS_TOTAL)
          problems.push({
            path: `nodes[${i}].config.keys`,
            message: `brings the flow to more than ${formatCount(MAX_SKEWED_KEYS_TOTAL)} skewed keys (keys of producers with keySkew) in all producers together`,
          });
      }
    }
    if (n.kind === 'handler') {
      if (n.config.emits !== undefined) types.add(n.config.emits);
      workers += n.config.concurrency;
      if (workers > MAX_WORKERS && workers - n.config.concurrency <= MAX_WORKERS)
        problems.push({
          path: `nodes[${i}].config.concurrency`,
          message: `brings the flow to more than ${formatCount(MAX_WORKERS)} workers in all handlers together`,
        });
    }
    if (n.kind === 'stream') {
      const before = queues;
      queues += n.config.partitions * (out.get(n.id) ?? 0);
      if (queues > MAX_PARTITION_QUEUES && before <= MAX_PARTITION_QUEUES)
        problems.push({
          path: `nodes[${i}].config.partitions`,
          message: `brings the flow to more than ${formatCount(MAX_PARTITION_QUEUES)} partition queues (partitions × consumer groups, over all streams)`,
        });
    }
  });
  for (const e of flow.edges) for (const t of e.filter ?? []) types.add(t);
  if (types.size > MAX_EVENT_TYPES)
    problems.push({ path: '', message: more(types.size, MAX_EVENT_TYPES, 'event types') });
  else if (types.size * flow.edges.length > MAX_EDGE_TYPES)
    problems.push({
      path: 'edges',
      message: `${formatCount(flow.edges.length)} edges × ${formatCount(types.size)} event types is more than this app runs (at most ${formatCount(MAX_EDGE_TYPES)})`,
    });
  return problems;
}

/** The delivery-window fields an edge sets (they belong on bus → handler edges). */
const deliveryWindowFields = (e: Flow['edges'][number]): string[] =>
  (['prefetch', 'ackLatency'] as const).filter((f) => e[f] !== undefined);

/** The fields of a handler → dependency edge: how each job calls the dependency. */
const CALL_FIELDS = ['calls', 'timeout', 'attempts', 'backoff'] as const;

/** A call edge carries calls, not events: no latency or filter on it. */
function callEdgeProblems(e: Flow['edges'][number], i: number): FlowProblem[] {
  const problems: FlowProblem[] = [];
  if (e.latency !== undefined)
    problems.push({
      path: `edges[${i}].latency`,
      message: "a call's network time is part of the dependency's service time: put it there",
    });
  if (e.filter !== undefined)
    problems.push({
      path: `edges[${i}].filter`,
      message: 'every job of the handler makes its calls, whatever its event type: a call edge has no filter',
    });
  return problems;
}
