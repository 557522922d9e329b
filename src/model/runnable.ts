// Graph checks that a schema-valid flow must also pass before it can run. Same {path, message}
// problems as import, naming the node, so the inspector, the worker and the CLI agree.
import { deadLetterOf, deadLetterProblem } from './deadLetter';
import type { Dist } from './dist';
import { isBusKind, type Flow } from './flow';
import { MIN_LOOP_HOP } from './limits';
import { moments } from './theory';
import type { FlowProblem } from './validate';

/** True when the time averages less than MIN_LOOP_HOP (none at all included). */
const takesNoTime = (d: Dist | undefined): boolean => d === undefined || moments(d).mean < MIN_LOOP_HOP;

const name = (n: { id: string; label?: string | undefined }): string => `"${n.label || n.id}"`;

/** Why this (already schema-valid) flow cannot be simulated; empty when it can. */
export function runnableProblems(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const index = new Map(flow.nodes.map((n, i) => [n.id, i]));
  const out: number[][] = flow.nodes.map(() => []);
  for (const e of flow.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined) out[s]!.push(t);
  }
  // Dead letters flow too (so a dead-letter bus is reachable from its queue), but only after a
  // handler fails, so they never close an instant loop of buses.
  const reach = out.map((o) => [...o]);
  flow.nodes.forEach((n, i) => {
    const deadLetter = deadLetterOf(n);
    if (deadLetter === undefined) return;
    const target = index.get(deadLetter);
    const message = deadLetterProblem(n, target === undefined ? undefined : flow.nodes[target]);
    if (message) problems.push({ path: `nodes[${i}].config.deadLetter`, message });
    else reach[i]!.push(target!);
  });

  const reached = new Uint8Array(flow.nodes.length);
  const stack: number[] = [];
  flow.nodes.forEach((n, i) => {
    if (n.kind === 'producer') {
      reached[i] = 1;
      stack.push(i);
    }
  });
  while (stack.length > 0) {
    for (const t of reach[stack.pop()!]!) {
      if (!reached[t]) {
        reached[t] = 1;
        stack.push(t);
      }
    }
  }
  flow.nodes.forEach((n, i) => {
    if (n.kind === 'handler' && !reached[i]) {
      problems.push({
        path: `nodes[${i}]`,
        message: `handler ${name(n)} is unreachable: no producer feeds it`,
      });
    }
  });

  // Buses hand events on at once, and handlers whose service averages under 1 µs nearly so, over
  // edges with no latency (or under 1 µs): a loop made only of those would circle a copy without
  // end at one instant, or a million times a simulated second.
  const instant = flow.nodes.map(
    (n) => isBusKind(n.kind) || (n.kind === 'handler' && takesNoTime(n.config.service)),
  );
  const instantOut: number[][] = flow.nodes.map(() => []);
  for (const e of flow.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && takesNoTime(e.latency)) instantOut[s]!.push(t);
  }
  const loop = instantLoop(instant, instantOut);
  if (loop >= 0) {
    const n = flow.nodes[loop]!;
    problems.push({
      path: `nodes[${loop}]`,
      message: `${n.kind} ${name(n)} is on a loop that takes no time (no service or latency on it averages 1 µs or more): events would circle without end`,
    });
  }
  return problems;
}

/**
 * A node on a cycle through `instant` nodes only, or -1. Depth-first with its own stack (a chain
 * of any length cannot overflow the call stack), so linear in nodes + edges.
 */
function instantLoop(instant: readonly boolean[], out: readonly number[][]): number {
  const state = new Uint8Array(instant.length); // 0 new, 1 on the path, 2 done
  const next = new Int32Array(instant.length); // per node on the path: its next edge to follow
  const path: number[] = [];
  for (let root = 0; root < instant.length; root++) {
    if (!instant[root] || state[root] !== 0) continue;
    state[root] = 1;
    path.push(root);
    while (path.length > 0) {
      const i = path[path.length - 1]!;
      const edges = out[i]!;
      if (next[i]! >= edges.length) {
        state[i] = 2;
        path.pop();
        continue;
      }
      const t = edges[next[i]!++]!;
      if (!instant[t]) continue;
      if (state[t] === 1) return t;
      if (state[t] === 0) {
        state[t] = 1;
        path.push(t);
      }
    }
  }
  return -1;
}
