// A queue's deadLetter names the bus that receives messages after the last failed delivery.
// Import and the simulator both check it, with the same words.
import { BUS_KINDS, type FlowNode, isBusKind } from './flow';

const BUS_NAMES = `${BUS_KINDS.slice(0, -1).join(', ')} or ${BUS_KINDS.at(-1)}`;

/** Why `node`'s dead-letter setting is refused (`target` is the node it names, if any), or null. */
export function deadLetterProblem(node: FlowNode, target: FlowNode | undefined): string | null {
  if (node.kind !== 'queue' || node.config.deadLetter === undefined) return null;
  if (!target) return `there is no node "${node.config.deadLetter}"`;
  if (target.id === node.id) return 'a queue cannot dead-letter into itself';
  if (!isBusKind(target.kind)) return `must name a ${BUS_NAMES} ("${target.id}" is a ${target.kind})`;
  return null;
}
