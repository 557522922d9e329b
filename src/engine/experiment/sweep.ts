// Sweeps: one numeric field of a flow (or the load on every producer) set to each of a list of
// values, each point run R times. Replication r of every point runs with seed base + r (common
// random numbers: the points differ by the field, not by luck), so any subset of the runs — a
// shard — gives exactly the figures the whole sweep would.
import { assertNever } from '../../model/assertNever';
import type { Dist } from '../../model/dist';
import type { Flow } from '../../model/flow';
import { parseFlow, formatProblem } from '../../model/validate';
import type { SweepSpec, SweepUnit } from './types';

/** Points × replications a sweep may run (each a full simulation). */
export const MAX_SWEEP_RUNS = 100_000;
export const MAX_SWEEP_POINTS = 1_000;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** "nodes.h.config.concurrency=2,4,8" or "load=0.5:1.5:0.25" → the path and its values. */
export function parseSweep(text: string): Parsed<SweepSpec> {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, message: `"${text}" is not PATH=V1,V2,… or PATH=FROM:TO:STEP` };
  const path = text.slice(0, eq).trim();
  const rest = text.slice(eq + 1).trim();
  const number = (s: string): number | null => {
    const n = Number(s);
    return s.trim() !== '' && Number.isFinite(n) ? n : null;
  };
  let values: number[];
  if (rest.includes(':')) {
    const parts = rest.split(':').map(number);
    const [from, to, step] = parts;
    if (parts.length !== 3 || from == null || to == null || step == null)
      return { ok: false, message: `"${rest}" is not FROM:TO:STEP (three numbers)` };
    if (!(step > 0)) return { ok: false, message: `the step ${step} must be more than 0` };
    if (to < from) return { ok: false, message: `TO (${to}) is less than FROM (${from})` };
    const count = Math.floor((to - from) / step + 1e-9) + 1;
    if (count > MAX_SWEEP_POINTS)
      return { ok: false, message: `${count} values is more than a sweep takes (${MAX_SWEEP_POINTS})` };
    // From the start each time (no running sum), rounded to what the step's decimals allow.
    const digits = decimals(step) + decimals(from);
    values = Array.from({ length: count }, (_, i) => Number((from + i * step).toFixed(Math.min(15, digits))));
  } else {
    const parts = rest.split(',').map(number);
    const bad = rest.split(',').find((_, i) => parts[i] === null);
    if (bad !== undefined) return { ok: false, message: `"${bad}" is not a number` };
    values = parts as number[];
    if (values.length > MAX_SWEEP_POINTS)
      return {
        ok: false,
        message: `${values.length} values is more than a sweep takes (${MAX_SWEEP_POINTS})`,
      };
  }
  if (values.length === 0) return { ok: false, message: 'a sweep needs at least one value' };
  return { ok: true, value: { path, values } };
}

const decimals = (x: number): number => {
  const s = String(x);
  if (s.includes('e')) return 15;
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
};

/**
 * The flow with `value` at `path`, validated as any flow is: `nodes.<id>.config.<field>[.<sub>]`,
 * `edges.<id>.<field>[.<sub>]`, `settings.<field>` or `load` (every producer's rate × value).
 * Node and edge ids may hold dots: the longest id that fits is taken.
 */
export function applySweepValue(flow: Flow, path: string, value: number): Parsed<Flow> {
  const copy = structuredClone(flow);
  if (path === 'load') {
    if (!(value > 0))
      return { ok: false, message: `load ${value}: a factor on the producers' rates must be more than 0` };
    for (const n of copy.nodes) {
      if (n.kind !== 'producer') continue;
      n.config.interarrival = scaleDist(n.config.interarrival, 1 / value);
    }
    return validated(copy, path, value);
  }
  // Set on the flow's loose objects as plain data, then validated as a whole: the path may name any field.
  const [head] = path.split('.');
  let target: Record<string, unknown> | undefined;
  let rest: string[];
  if (head === 'settings') {
    target = copy.settings ??= {};
    rest = path.split('.').slice(1);
  } else if (head === 'nodes' || head === 'edges') {
    const items: (Record<string, unknown> & { id: string })[] = head === 'nodes' ? copy.nodes : copy.edges;
    const item = longest(items, path, head);
    if (!item)
      return { ok: false, message: `no ${head === 'nodes' ? 'node' : 'edge'} of the flow matches "${path}"` };
    target = item;
    rest = path.slice(`${head}.${item.id}.`.length).split('.');
    if (head === 'nodes' && rest[0] !== 'config')
      return {
        ok: false,
        message: `"${path}": a node's fields are under config (nodes.<id>.config.<field>)`,
      };
  } else {
    return { ok: false, message: `"${path}" starts with nodes.<id>, edges.<id>, settings or is load` };
  }
  if (!target || rest.length === 0 || rest.some((k) => k === '' || k === '__proto__' || k === 'constructor'))
    return { ok: false, message: `"${path}" names no field` };
  let at = target;
  for (const key of rest.slice(0, -1)) {
    if (at[key] === undefined) at[key] = {};
    const next = field(at, key);
    if (!next) return { ok: false, message: `"${path}": ${key} is not an object` };
    at = next;
  }
  const last = rest[rest.length - 1]!;
  if (at[last] !== undefined && typeof at[last] !== 'number')
    return { ok: false, message: `"${path}" is not a number in the flow, so it cannot be swept` };
  at[last] = value;
  return validated(copy, path, value);
}

/** The object at `key` of `value` (lists by index), or undefined when it is not one. */
function field(value: unknown, key: string): Record<string, unknown> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const next: unknown = (value as Record<string, unknown>)[key];
  return typeof next === 'object' && next !== null && !Array.isArray(next)
    ? (next as Record<string, unknown>)
    : undefined;
}

function longest<T extends { id: string }>(items: readonly T[], path: string, head: string): T | undefined {
  let best: T | undefined;
  for (const it of items)
    if (path.startsWith(`${head}.${it.id}.`) && (best === undefined || it.id.length > best.id.length))
      best = it;
  return best;
}

/** A distribution with every time scaled by k (so a rate by 1/k). */
function scaleDist(d: Dist, k: number): Dist {
  switch (d.dist) {
    case 'constant':
      return { ...d, value: d.value * k };
    case 'exponential':
      return { ...d, mean: d.mean * k };
    case 'uniform':
      return { ...d, min: d.min * k, max: d.max * k };
    case 'normal':
    case 'lognormal':
      return { ...d, mean: d.mean * k, stddev: d.stddev * k };
    default:
      return assertNever(d, 'distribution');
  }
}

function validated(flow: Flow, path: string, value: number): Parsed<Flow> {
  const r = parseFlow(flow);
  if (r.ok) return { ok: true, value: r.flow };
  return {
    ok: false,
    message: `${path} = ${value}: ${r.problems.slice(0, 3).map(formatProblem).join('; ')}`,
  };
}

/** Every run of a sweep, point by point, replications in order: the order results are aggregated in. */
export function sweepUnits(points: number, replications: number, seed: number): SweepUnit[] {
  const units: SweepUnit[] = [];
  for (let point = 0; point < points; point++)
    for (let replication = 0; replication < replications; replication++)
      units.push({ point, replication, seed: seed + replication });
  return units;
}

/** Shard `index` (1-based) of `count`: every count-th unit from the index-th, so shards take alike. */
export function shardOf<T>(units: readonly T[], index: number, count: number): T[] {
  return units.filter((_, i) => i % count === index - 1);
}
