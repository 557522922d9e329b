// What a sweep can vary in this flow: every number in a node's config or on a connection (a
// distribution's parameters included), the optional numbers a kind leaves out (a queue's
// capacity, a handler's failure rate), and the load on every producer. Each is named by the path
// the engine's applySweepValue takes, so the app and `simulate --sweep` speak the same language.
import { parseSweep } from '../../engine/experiment';
import { MODEL_KINDS } from '../../model/kinds';
import type { SweepValues } from '../../store/slices/experimentSlice';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { formatAmount, formatDuration } from '../../model/format';

export interface SweepField {
  /** As applySweepValue and `--sweep` take it. */
  path: string;
  /** "Worker pool A · service mean". */
  label: string;
  /** The node or connection it belongs to ("Flow" for the load), for grouping in a list. */
  group: string;
  /** The flow's value; null when the field is left out and its default applies. */
  current: number | null;
  /** The stored unit, which sweep values are written in: seconds, or none. */
  unit: 's' | '';
  /** Takes whole numbers only (workers, capacity, attempts). */
  whole: boolean;
}

export const LOAD_PATH = 'load';

export const LOAD_FIELD: SweepField = {
  path: LOAD_PATH,
  label: 'Load (all producers)',
  group: 'Flow',
  current: 1,
  unit: '',
  whole: false,
};

/** Keys holding seconds wherever they appear (a distribution's parameters, timeouts, backoffs). */
const SECONDS = new Set([
  'mean',
  'stddev',
  'value',
  'min',
  'max',
  'timeout',
  'lease',
  'retention',
  'start',
  'initial',
]);
const WHOLE = new Set([
  'concurrency',
  'pool',
  'partitions',
  'capacity',
  'maxDeliveries',
  'prefetch',
  'calls',
  'attempts',
  'keys',
  'count',
]);
/** Parts of an edge that are not settings. */
const EDGE_SKIP = new Set(['id', 'source', 'target']);
/** Deep enough for a retry's backoff (retry.backoff.initial); lists (profiles, filters) are not swept. */
const MAX_DEPTH = 3;

const nameOf = (n: FlowNode) => n.label || n.id;

/** Every number under `value`, by dotted key. */
function numbers(value: unknown, prefix: string, depth: number, out: [string, number][]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > MAX_DEPTH) return;
  for (const [key, v] of Object.entries(value)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof v === 'number') out.push([at, v]);
    else numbers(v, at, depth + 1, out);
  }
}

/** The key as people read it: "service.mean" → "service mean", "retry.backoff.initial" → "retry backoff initial". */
const words = (key: string): string =>
  key
    .replace(/\./g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();

const field = (path: string, key: string, group: string, current: number | null): SweepField => {
  const last = key.slice(key.lastIndexOf('.') + 1);
  return {
    path,
    label: `${group} · ${words(key)}`,
    group,
    current,
    unit: SECONDS.has(last) ? 's' : '',
    whole: WHOLE.has(last),
  };
};

function nodeFields(n: FlowNode): SweepField[] {
  const found: [string, number][] = [];
  numbers(n.config, '', 0, found);
  const out = found.map(([key, v]) => field(`nodes.${n.id}.config.${key}`, key, nameOf(n), v));
  // Optional numbers the kind leaves out: their default applies until a sweep sets them.
  for (const [key, fallback] of Object.entries(MODEL_KINDS[n.kind].fieldDefaults)) {
    if (typeof fallback !== 'number' || key in n.config) continue;
    out.push(field(`nodes.${n.id}.config.${key}`, key, nameOf(n), null));
  }
  return out;
}

function edgeFields(e: FlowEdge, byId: ReadonlyMap<string, FlowNode>): SweepField[] {
  const source = byId.get(e.source);
  const target = byId.get(e.target);
  if (!source || !target) return [];
  const group = `${nameOf(source)} → ${nameOf(target)}`;
  const found: [string, number][] = [];
  numbers(Object.fromEntries(Object.entries(e).filter(([k]) => !EDGE_SKIP.has(k))), '', 0, found);
  const out = found.map(([key, v]) => field(`edges.${e.id}.${key}`, key, group, v));
  // A queue or topic → handler connection's delivery window is worth sweeping even when left at its default.
  if (
    e.prefetch === undefined &&
    (source.kind === 'queue' || source.kind === 'topic') &&
    target.kind === 'handler'
  )
    out.push(field(`edges.${e.id}.prefetch`, 'prefetch', group, null));
  return out;
}

/** The load first, then each node's fields in the flow's order, then each connection's. */
export function sweepFields(flow: Flow): SweepField[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  return [LOAD_FIELD, ...flow.nodes.flatMap(nodeFields), ...flow.edges.flatMap((e) => edgeFields(e, byId))];
}

/** "Worker pool A · concurrency (2)", "… · capacity (default)". */
export function fieldOption(f: SweepField): string {
  if (f.path === LOAD_PATH) return `${f.label} (× rate)`;
  if (f.current === null) return `${f.label} (default)`;
  const shown = f.unit === 's' ? formatDuration(f.current) : formatAmount(f.current);
  return `${f.label} (${shown})`;
}

const tidy = (v: number): string => String(Number.parseFloat(v.toPrecision(3)));

/**
 * Values worth trying around a field's current value: the load from half to one and a half
 * times; whole numbers from about half to twice (never below 1); other numbers at ½, ¾, 1, 1¼
 * and 1½ times.
 */
export function suggestedValues(f: SweepField): SweepValues {
  const empty = { list: '', from: '', to: '', step: '' };
  if (f.path === LOAD_PATH) return { ...empty, mode: 'range', from: '0.5', to: '1.5', step: '0.25' };
  const v = f.current;
  if (f.whole) {
    if (v === null || !Number.isFinite(v)) return { ...empty, mode: 'list', list: '10, 50, 100, 500, 1000' };
    const from = v <= 4 ? 1 : Math.ceil(v / 2);
    const to = Math.max(2 * v, from + 5);
    const step = Math.max(1, Math.round((to - from) / 7));
    return { ...empty, mode: 'range', from: String(from), to: String(to), step: String(step) };
  }
  if (v === null || v === 0) return { ...empty, mode: 'list', list: '0, 0.01, 0.02, 0.05, 0.1' };
  return { ...empty, mode: 'list', list: [0.5, 0.75, 1, 1.25, 1.5].map((k) => tidy(k * v)).join(', ') };
}

/** The values as numbers, in the engine's reading of a list or a range (the CLI's FROM:TO:STEP). */
export function parseValues(
  input: SweepValues,
): { ok: true; values: number[] } | { ok: false; message: string } {
  const text =
    input.mode === 'list' ? input.list : `${input.from.trim()}:${input.to.trim()}:${input.step.trim()}`;
  if (input.mode === 'list' && !text.trim()) return { ok: false, message: 'give at least one value' };
  const parsed = parseSweep(`v=${text}`);
  return parsed.ok ? { ok: true, values: parsed.value.values } : parsed;
}
