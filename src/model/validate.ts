// Reading a Flow from untrusted input: its version first (older ones are migrated, migrate.ts),
// then its shape (zod), then references and connection rules.
// Every problem names its place as a path, e.g. `nodes[3].config.concurrency: must be …`.
import { z } from 'zod';
import { connectionProblem } from './connect';
import { deadLetterOf, deadLetterProblem } from './deadLetter';
import { faultProblems } from './faults';
import { isBusKind, flowShapeSchema, type Flow } from './flow';
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
  const migrated = migrate(input as FlowDocument, MIGRATIONS);
  if (!migrated.ok) {
    // Some other JSON file is better told apart by its format than by its version.
    const format = flowShapeSchema.shape.format.safeParse((input as FlowDocument).format);
    const formatProblems = format.success ? [] : zodProblems(format.error, ['format']);
    return { ok: false, problems: [...formatProblems, ...migrated.problems] };
  }
  const shape = flowShapeSchema.safeParse(migrated.doc);
  if (!shape.success) return { ok: false, problems: zodProblems(shape.error) };
  const problems = referenceProblems(shape.data);
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
    if (!nodeIndex.has(e.source) || !nodeIndex.has(e.target)) return;
    const earlier = { nodes: flow.nodes, edges: flow.edges.slice(0, i) };
    const reason = connectionProblem(earlier, e.source, e.target);
    if (reason) problems.push({ path: `edges[${i}]`, message: reason });
    const source = flow.nodes[nodeIndex.get(e.source)!]!;
    const target = flow.nodes[nodeIndex.get(e.target)!]!;
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
  });
  if (flow.faults) {
    problems.push(
      ...faultProblems(
        flow.faults,
        (id) => {
          const n = nodeIndex.get(id);
          return n === undefined ? undefined : flow.nodes[n]!.kind;
        },
        (id) => edgeIds.has(id),
      ),
    );
  }
  return problems;
}

/** The delivery-window fields an edge sets (they belong on bus → handler edges). */
const deliveryWindowFields = (e: Flow['edges'][number]): string[] =>
  (['prefetch', 'ackLatency'] as const).filter((f) => e[f] !== undefined);
