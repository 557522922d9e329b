// Graph checks that a schema-valid flow must also pass before it can run. Same {path, message}
// problems as import, naming the node, so the inspector, the worker and the CLI agree.
import { deadLetterOf, deadLetterProblem } from './deadLetter';
import type { Dist } from './dist';
import { isBusKind, type Flow } from './flow';
import type { FlowProblem } from './validate';

/** True when every draw is 0 (distributions are never negative). */
const alwaysZero = (d: Dist | undefined): boolean =>
  d === undefined ||
  (d.dist === 'constant' && d.value === 0) ||
  (d.dist === 'uniform' && d.max === 0) ||
  (d.dist === 'normal' && d.mean === 0 && d.stddev === 0);

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

  // Buses hand events on at once, and so do handlers whose service is always 0 over edges without
  // latency: a loop made only of those would circle a copy forever at one instant.
  const instant = flow.nodes.map(
    (n) => isBusKind(n.kind) || (n.kind === 'handler' && alwaysZero(n.config.service)),
  );
  const instantOut: number[][] = flow.nodes.map(() => []);
  for (const e of flow.edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    if (s !== undefined && t !== undefined && alwaysZero(e.latency)) instantOut[s]!.push(t);
  }
  const state = new Uint8Array(flow.nodes.length); // 0 new, 1 on the path, 2 done
  const visit = (i: number): number => {
    state[i] = 1;
    for (const t of instantOut[i]!) {
      if (!instant[t]) continue;
      if (state[t] === 1) return t;
      if (state[t] === 0) {
        const c = visit(t);
        if (c >= 0) return c;
      }
    }
    state[i] = 2;
    return -1;
  };
  for (let i = 0; i < flow.nodes.length; i++) {
    if (!instant[i] || state[i] !== 0) continue;
    const c = visit(i);
    if (c >= 0) {
      const n = flow.nodes[c]!;
      problems.push({
        path: `nodes[${c}]`,
        message: `${n.kind} ${name(n)} is on a loop that takes no time (no service or latency on it): events would circle forever`,
      });
      break;
    }
  }
  return problems;
}
