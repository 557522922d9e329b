// The Faults region's decisions, pure: what each kind of fault may aim at (asked of the model's
// own faultProblems, so the lists cannot drift from what import accepts), a new fault, a change of
// kind, and why an edited list would be refused.
import {
  type Fault,
  FAULT_KINDS,
  type EdgeRole,
  type FaultKind,
  faultProblems,
  faultsSchema,
  targetLabel,
} from '../../model/faults';
import type { Flow } from '../../model/flow';
import { formatDuration } from '../../model/format';

export interface FaultTarget {
  id: string;
  label: string;
}

/** The parameter a kind needs, and the value a new fault of the kind starts with. */
export const PARAMETER: Partial<Record<FaultKind, { key: 'factor' | 'rate'; start: number }>> = {
  slow: { key: 'factor', start: 5 },
  fail: { key: 'rate', start: 0.5 },
};

const lookups = (flow: Flow) => {
  const kinds = new Map(flow.nodes.map((n) => [n.id, n.kind]));
  const roles = new Map(
    flow.edges.map((e): [string, EdgeRole] => [
      e.id,
      kinds.get(e.target) === 'dependency' ? 'calls' : 'events',
    ]),
  );
  return { nodeKind: (id: string) => kinds.get(id), edgeRole: (id: string) => roles.get(id) };
};

/** The nodes and edges a fault of `kind` may aim at, nodes first, in the flow's order. */
export function faultTargets(flow: Flow, kind: FaultKind): FaultTarget[] {
  const { nodeKind, edgeRole } = lookups(flow);
  const param = PARAMETER[kind];
  const fits = (id: string) =>
    !faultProblems(
      [{ kind, target: id, at: 0, duration: 1, ...(param ? { [param.key]: param.start } : {}) }],
      nodeKind,
      edgeRole,
    ).length;
  return [...flow.nodes.map((n) => n.id), ...flow.edges.map((e) => e.id)]
    .filter(fits)
    .map((id) => ({ id, label: targetLabel(flow, id) }));
}

/** A fault of `kind` with its target kept when it fits, else the first that does; null when none does. */
export function withKind(fault: Fault, kind: FaultKind, flow: Flow): Fault | null {
  const targets = faultTargets(flow, kind);
  const target = targets.some((t) => t.id === fault.target) ? fault.target : targets[0]?.id;
  if (target === undefined) return null;
  const { factor: _f, rate: _r, ...rest } = fault;
  const param = PARAMETER[kind];
  return { ...rest, kind, target, ...(param ? { [param.key]: fault[param.key] ?? param.start } : {}) };
}

/**
 * What "Add fault" adds: the first kind with a target (a crash of the first handler, most often),
 * from a third of the run for a sixth of it; null when nothing in the flow can take a fault.
 */
export function newFault(flow: Flow, duration: number, at?: string): Fault | null {
  const span = Number.isFinite(duration) && duration > 0 ? duration : 60;
  const start: Fault = { kind: 'crash', target: at ?? '', at: tidy(span / 3), duration: tidy(span / 6) };
  for (const kind of FAULT_KINDS) {
    const fault = withKind(start, kind, flow);
    if (fault && (at === undefined || fault.target === at)) return fault;
  }
  return null;
}

const tidy = (v: number): number => Number.parseFloat(v.toPrecision(3));

/**
 * Why the faults, with fault `i` edited, would be refused, looking at `field` of that fault first
 * (then the fault as a whole: a pause overlapping a crash), or null.
 */
export function faultProblem(
  flow: Flow,
  faults: readonly Fault[],
  i: number,
  field: keyof Fault,
): string | null {
  const shape = faultsSchema.safeParse(faults);
  if (!shape.success) {
    const own = shape.error.issues.find((x) => x.path[0] === i && x.path[1] === field);
    return (own ?? shape.error.issues[0])?.message ?? null;
  }
  const { nodeKind, edgeRole } = lookups(flow);
  const problems = faultProblems(faults, nodeKind, edgeRole);
  const mine = problems.filter((p) => p.path === `faults[${i}].${field}` || p.path === `faults[${i}]`);
  return mine[0]?.message ?? null;
}

/** One line for a fault: "crash · Worker pool A · 40 s for 20 s". */
export function faultLine(flow: Flow, f: Fault): string {
  return `${f.kind} · ${targetLabel(flow, f.target)} · ${faultWindow(f)}`;
}

/** When a fault acts: "40 s for 20 s". */
export const faultWindow = (f: Pick<Fault, 'at' | 'duration'>): string =>
  `${formatDuration(f.at)} for ${formatDuration(f.duration)}`;
