// A bus's deadLetter names the bus that receives messages after the last failed delivery (a
// queue's, a topic subscription's, a stream's with onFailure "dead-letter"). Import and the
// simulator both check it, with the same words.
import { BUS_KINDS, type FlowNode, isBusKind } from './flow';

/** The bus `node` dead-letters into, if it names one. */
export function deadLetterOf(node: FlowNode): string | undefined {
  switch (node.kind) {
    case 'queue':
    case 'topic':
    case 'stream':
      return node.config.deadLetter;
    default:
      return undefined;
  }
}

const BUS_NAMES = `${BUS_KINDS.slice(0, -1).join(', ')} or ${BUS_KINDS.at(-1)}`;

/** Why `node`'s dead-letter setting is refused (`target` is the node it names, if any), or null. */
export function deadLetterProblem(node: FlowNode, target: FlowNode | undefined): string | null {
  const name = deadLetterOf(node);
  if (name === undefined) return null;
  if (!target) return `there is no node "${name}"`;
  if (target.id === node.id) return `a ${node.kind} cannot dead-letter into itself`;
  if (!isBusKind(target.kind)) return `must name a ${BUS_NAMES} ("${target.id}" is a ${target.kind})`;
  return null;
}

/** `node` dead-lettering into `target` instead (undefined: nowhere); other nodes come back as they are. */
export function withDeadLetter(node: FlowNode, target: string | undefined): FlowNode {
  if (deadLetterOf(node) === target || !isBusKind(node.kind)) return node;
  const { deadLetter: _old, ...config } = node.config as { deadLetter?: string };
  return { ...node, config: target === undefined ? config : { ...config, deadLetter: target } } as FlowNode;
}
