// Problems the engine reports carry a path such as `nodes[3].config.concurrency`; the UI names
// nodes by label, so the host attaches the node's id while it still has the flow at hand.
import type { Flow } from '../model/flow';
import type { FlowProblem } from '../model/validate';
import type { RunProblem } from './protocol';

const NODE_PATH = /^nodes\[(\d+)\]/;

export function problemsWithNodes(flow: Flow, problems: readonly FlowProblem[]): RunProblem[] {
  return problems.map((p) => {
    const m = NODE_PATH.exec(p.path);
    const node = m ? flow.nodes[Number(m[1])] : undefined;
    return node ? { ...p, nodeId: node.id } : { ...p };
  });
}

/** "Handler “Billing”: never receives events" — the node by label (else id), then the reason. */
export function describeProblem(flow: Flow | null, p: RunProblem): string {
  const node = p.nodeId ? flow?.nodes.find((n) => n.id === p.nodeId) : undefined;
  if (!node) return p.path ? `${p.path}: ${p.message}` : p.message;
  const field = p.path.replace(NODE_PATH, '').replace(/^\./, '');
  const name = node.label?.trim() || node.id;
  const kind = node.kind.charAt(0).toUpperCase() + node.kind.slice(1);
  // Graph checks already name the node ('handler "Billing" is unreachable…'): say it once.
  const named = `${node.kind} "${name}"`;
  if (p.message.startsWith(named)) return `${kind} “${name}”${p.message.slice(named.length)}`;
  return `${kind} “${name}”${field ? ` (${field})` : ''}: ${p.message}`;
}
