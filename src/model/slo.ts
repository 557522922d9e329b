// Service-level objectives (Flow JSON v2 `slos`, and the CLI's --assert): a figure of the run's
// report, named by its path ("endToEnd.p99", "nodes.billing.utilization", "totals.dropped"),
// compared with a target. Times are seconds, without units. A path that names no figure is an
// error wherever it is written, never a check that silently passes.
import { z } from 'zod';
import { nonEmptyText, openObject } from './fields';
import { MAX_SLOS } from './limits';

export const SLO_OPS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
export type SloOp = (typeof SLO_OPS)[number];

/** The comparison each op makes, as people write it. */
export const OP_SYMBOL: Record<SloOp, string> = { lt: '<', lte: '≤', gt: '>', gte: '≥', eq: '=' };
const FROM_SYMBOL: Record<string, SloOp> = {
  '<': 'lt',
  '<=': 'lte',
  '≤': 'lte',
  '>': 'gt',
  '>=': 'gte',
  '≥': 'gte',
  '=': 'eq',
  '==': 'eq',
};

const target = z.number({ error: 'must be a number' }).refine(Number.isFinite, { error: 'must be finite' });

export const sloSchema = openObject({
  metric: nonEmptyText('metric path'),
  lt: target.optional(),
  lte: target.optional(),
  gt: target.optional(),
  gte: target.optional(),
  eq: target.optional(),
}).refine((s) => SLO_OPS.some((op) => s[op] !== undefined), {
  error: 'needs a comparison: lt, lte, gt, gte or eq',
});
export type Slo = z.infer<typeof sloSchema>;

export const slosSchema = z
  .array(sloSchema, { error: 'must be a list of objectives' })
  .max(MAX_SLOS, { error: `must have at most ${MAX_SLOS.toLocaleString('en-US')} objectives` });

/** One objective checked against a run (the report's `slos`). */
export interface SloResult {
  metric: string;
  op: SloOp;
  target: number;
  /** The figure, or null when the run has none (a drain time that never came). */
  actual: number | null;
  pass: boolean;
}

const STATS = ['count', 'mean', 'p50', 'p95', 'p99', 'max'];
const NODE_FIGURES: Record<string, readonly string[] | null> = {
  in: null,
  out: null,
  dropped: null,
  failed: null,
  lost: null,
  deadLettered: null,
  redelivered: null,
  throughput: null,
  utilization: null,
  expired: null,
  duplicates: null,
  calls: null,
  attempts: null,
  timeouts: null,
  queueDepth: ['mean', 'max'],
  age: ['mean', 'max'],
  wait: STATS,
  service: STATS,
  sojourn: STATS,
};
const TOTALS = ['emitted', 'completed', 'dropped', 'lost', 'deadLettered', 'inFlight', 'expired'];

/** A node figure's path after `nodes.<id>.`: "utilization", "wait.p99". */
function nodeFigureProblem(rest: string): string | null {
  const [field = '', sub, ...more] = rest.split('.');
  if (!(field in NODE_FIGURES))
    return `"${field}" is not a node figure (one of ${Object.keys(NODE_FIGURES).join(', ')})`;
  const subs = NODE_FIGURES[field]!;
  if (subs === null) return sub === undefined ? null : `"${field}" is a number: nothing follows it`;
  if (sub === undefined || more.length > 0 || !subs.includes(sub))
    return `"${field}" needs one of ${subs.map((s) => `.${s}`).join(', ')}`;
  return null;
}

/**
 * Why `path` names no figure of a run of a flow with these node ids, or null. Ids may hold dots:
 * the longest id that fits is taken.
 */
export function metricPathProblem(path: string, nodeIds: readonly string[]): string | null {
  const [head, ...rest] = path.split('.');
  if (head === 'endToEnd') {
    return rest.length === 1 && STATS.includes(rest[0]!)
      ? null
      : `endToEnd needs one of ${STATS.map((s) => `.${s}`).join(', ')}`;
  }
  if (head === 'totals') {
    return rest.length === 1 && TOTALS.includes(rest[0]!)
      ? null
      : `totals needs one of ${TOTALS.map((s) => `.${s}`).join(', ')}`;
  }
  if (head === 'nodes') {
    const id = nodeIdIn(path, nodeIds);
    if (id === undefined) return `no node of the flow matches "${path.slice('nodes.'.length)}"`;
    return nodeFigureProblem(path.slice(`nodes.${id}.`.length));
  }
  return `"${path}" is not a figure of the report: it starts with endToEnd, nodes.<id> or totals`;
}

/** The longest node id such that `path` starts with `nodes.<id>.`. */
function nodeIdIn(path: string, nodeIds: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const id of nodeIds) {
    if (path.startsWith(`nodes.${id}.`) && (best === undefined || id.length > best.length)) best = id;
  }
  return best;
}

/** A run's report, or one aggregated over replications (its numbers may be null). */
export type ReportLike = { nodes: object; endToEnd: object; totals: object };

/** The figure at `path` in a report (checked by metricPathProblem first), or null when it has none. */
export function metricValue(report: ReportLike, path: string): number | null {
  const [head, ...rest] = path.split('.');
  let at: unknown;
  if (head === 'nodes') {
    const id = nodeIdIn(path, Object.keys(report.nodes));
    if (id === undefined) return null;
    at = (report.nodes as Record<string, unknown>)[id];
    rest.splice(0, rest.length, ...path.slice(`nodes.${id}.`.length).split('.'));
  } else if (head === 'endToEnd') at = report.endToEnd;
  else if (head === 'totals') at = report.totals;
  for (const key of rest) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'number' && Number.isFinite(at) ? at : null;
}

const compare = (op: SloOp, actual: number, target: number): boolean => {
  switch (op) {
    case 'lt':
      return actual < target;
    case 'lte':
      return actual <= target;
    case 'gt':
      return actual > target;
    case 'gte':
      return actual >= target;
    case 'eq':
      return actual === target;
  }
};

/** Each comparison of each objective, checked on the report; a missing figure fails. */
export function checkSlos(report: ReportLike, slos: readonly Slo[]): SloResult[] {
  return slos.flatMap((s) =>
    SLO_OPS.filter((op) => s[op] !== undefined).map((op) => {
      const actual = metricValue(report, s.metric);
      const t = s[op]!;
      return { metric: s.metric, op, target: t, actual, pass: actual !== null && compare(op, actual, t) };
    }),
  );
}

/** "endToEnd.p99 < 0.1" → an objective, or why not. Times are seconds, written without units. */
export function parseAssert(text: string): { ok: true; slo: Slo } | { ok: false; message: string } {
  const m = /^\s*([^\s<>=≤≥]+)\s*(<=|>=|==|<|>|=|≤|≥)\s*(\S+)\s*$/.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not METRIC OP VALUE (OP one of <, <=, >, >=, ==)` };
  const metric = m[1]!;
  const symbol = m[2]!;
  const value = m[3]!;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n))
    return {
      ok: false,
      message: `"${value}" is not a number (times are seconds without units: 0.1, not 100ms)`,
    };
  return { ok: true, slo: { metric, [FROM_SYMBOL[symbol]!]: n } };
}

/** "endToEnd.p99 < 0.1" */
export const describeSlo = (r: Pick<SloResult, 'metric' | 'op' | 'target'>): string =>
  `${r.metric} ${OP_SYMBOL[r.op]} ${r.target}`;
