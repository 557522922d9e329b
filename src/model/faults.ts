// Faults on a timeline (Flow JSON v2): each acts on one node or edge during [at, at + duration).
// The schema checks each fault alone; faultProblems() checks what it aims at, against the flow.
import { z } from 'zod';
import type { Flow } from './flow';
import { type Kind } from './kinds';
import { nonEmptyText, numberFrom, oneOf, openObject, positiveSeconds, probability, seconds } from './fields';
import { MAX_FAULT_FACTOR, MAX_FAULTS } from './limits';

export const FAULT_KINDS = ['crash', 'pause', 'slow', 'fail', 'partition', 'outage'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const faultSchema = openObject({
  at: seconds(),
  duration: positiveSeconds(),
  target: nonEmptyText('node or edge id'),
  kind: oneOf(FAULT_KINDS),
  /** slow: service times (or an edge's latency) drawn during the window are multiplied by this. */
  factor: numberFrom(0, MAX_FAULT_FACTOR).optional(),
  /** fail: the failure rate during the window. */
  rate: probability().optional(),
});

export type Fault = z.infer<typeof faultSchema>;

export const faultsSchema = z
  .array(faultSchema, { error: 'must be a list of faults' })
  .max(MAX_FAULTS, { error: `must have at most ${MAX_FAULTS.toLocaleString('en-US')} faults` });

/** What each kind of fault may aim at. */
const TARGETS: Record<FaultKind, { nodes: readonly Kind[]; edges: boolean; say: string }> = {
  crash: { nodes: ['handler', 'dependency'], edges: false, say: 'a handler or a dependency' },
  pause: { nodes: ['handler'], edges: false, say: 'a handler' },
  slow: { nodes: ['handler', 'dependency'], edges: true, say: 'a handler, a dependency or an edge' },
  fail: { nodes: ['handler', 'dependency'], edges: false, say: 'a handler or a dependency' },
  partition: { nodes: [], edges: true, say: 'an edge' },
  outage: { nodes: ['queue', 'topic', 'stream'], edges: false, say: 'a queue, topic or stream' },
};

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** The parameter each kind needs. */
const NEEDS: Partial<Record<FaultKind, 'factor' | 'rate'>> = { slow: 'factor', fail: 'rate' };

/** What an edge carries: copies of events, or a handler's calls to a dependency. */
export type EdgeRole = 'events' | 'calls';

/** Problems with what the faults aim at (path relative to the flow); `edgeRole` is undefined for a non-edge. */
export function faultProblems(
  faults: readonly Fault[],
  nodeKind: (id: string) => Kind | undefined,
  edgeRole: (id: string) => EdgeRole | undefined,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  faults.forEach((f, i) => {
    const rule = TARGETS[f.kind];
    const kind = nodeKind(f.target);
    const role = edgeRole(f.target);
    const edge = role !== undefined;
    if (kind !== undefined && edge) {
      problems.push({
        path: `faults[${i}].target`,
        message: `"${f.target}" names both a node and an edge: rename one so the fault's target is clear`,
      });
    } else if (kind === undefined && !edge) {
      problems.push({ path: `faults[${i}].target`, message: `there is no node or edge "${f.target}"` });
    } else if (!(edge ? rule.edges : rule.nodes.includes(kind!))) {
      problems.push({
        path: `faults[${i}].target`,
        message: `${article(f.kind)} ${f.kind} fault acts on ${rule.say}, not ${edge ? 'an edge' : `${article(kind!)} ${kind}`}`,
      });
    } else if (role === 'calls') {
      problems.push({
        path: `faults[${i}].target`,
        message: `"${f.target}" carries a handler's calls to a dependency: aim the fault at the dependency (crash, slow or fail)`,
      });
    }
    const need = NEEDS[f.kind];
    if (need && f[need] === undefined) {
      problems.push({
        path: `faults[${i}].${need}`,
        message: need === 'factor' ? 'is required (how many times slower)' : 'is required (the failure rate)',
      });
    }
  });
  // A crash stops what a pause would freeze: one handler cannot be both at once.
  faults.forEach((f, i) => {
    const clash = faults.findIndex(
      (g, j) =>
        j < i &&
        g.target === f.target &&
        g.kind !== f.kind &&
        (g.kind === 'pause' || g.kind === 'crash') &&
        (f.kind === 'pause' || f.kind === 'crash') &&
        g.at < f.at + f.duration &&
        f.at < g.at + g.duration,
    );
    if (clash >= 0) {
      problems.push({
        path: `faults[${i}]`,
        message: `overlaps faults[${clash}] (a ${faults[clash]!.kind}) on "${f.target}": a handler cannot be paused and crashed at once`,
      });
    }
  });
  return problems;
}

/** A node's or an edge's name for people: its label, or "Source → Target". */
export function targetLabel(flow: Flow, id: string): string {
  const name = (nodeId: string) => {
    const n = flow.nodes.find((x) => x.id === nodeId);
    return n ? n.label || n.id : nodeId;
  };
  const edge = flow.edges.find((e) => e.id === id);
  return edge ? `${name(edge.source)} → ${name(edge.target)}` : name(id);
}
