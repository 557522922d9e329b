// A node's input or output handle, operable from the keyboard as well as the mouse: Tab reaches
// it, Enter (or Space) on one node's output and then on another node's input connects them (or
// input first, then output). Escape cancels. Each step is announced to screen readers; while a
// connection is pending, its start and the handles that may complete it are highlighted.
import { Handle, Position } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import { connectionProblem } from '../../model/connect';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { connectNodes, nodeName } from '../hooks/connectNodes';

type Side = 'source' | 'target';

export function ConnectHandle({ nodeId, side, label }: { nodeId: string; side: Side; label: string }) {
  const store = useAppStoreApi();
  // 'start': this handle began the pending connection; 'end': pressing it would complete one.
  const role = useAppStore((s) => {
    const p = s.pendingConnection;
    if (!p) return null;
    if (p.nodeId === nodeId && p.side === side) return 'start';
    if (p.side === side) return null;
    const [source, target] = p.side === 'source' ? [p.nodeId, nodeId] : [nodeId, p.nodeId];
    return connectionProblem(s.flow, source, target) === null ? 'end' : null;
  });
  const here = side === 'source' ? 'output' : 'input';

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const s = store.getState();
    const pending = s.pendingConnection;
    if (e.key === 'Escape' && pending) {
      s.setPendingConnection(null);
      s.announce('Connection cancelled.');
    } else if (e.key === 'Enter' || e.key === ' ') {
      if (pending && pending.side !== side) {
        s.setPendingConnection(null);
        const [source, target] =
          pending.side === 'source' ? [pending.nodeId, nodeId] : [nodeId, pending.nodeId];
        connectNodes(store, source, target);
      } else if (pending && pending.nodeId === nodeId) {
        s.setPendingConnection(null);
        s.announce('Connection cancelled.');
      } else {
        s.setPendingConnection({ nodeId, side });
        const other = side === 'source' ? 'input' : 'output';
        s.announce(
          `Connecting ${nodeName(store, nodeId)}'s ${here}: move to another node's ${other} and press Enter. Escape cancels.`,
        );
      }
    } else return;
    // The node around the handle would take Enter and Space as "select".
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <Handle
      type={side}
      position={side === 'source' ? Position.Right : Position.Left}
      className={role ? `is-${role}` : undefined}
      tabIndex={0}
      role="button"
      aria-label={`${side === 'source' ? 'Output' : 'Input'} of ${label}`}
      aria-pressed={role === 'start'}
      aria-keyshortcuts="Enter"
      title={`${side === 'source' ? 'Output' : 'Input'}: drag to a node, or press Enter here and then on another node's ${side === 'source' ? 'input' : 'output'}`}
      onKeyDown={onKeyDown}
    />
  );
}
