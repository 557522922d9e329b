// Connecting nodes: the canvas allows exactly what the model's connectionProblem allows, and a
// refused attempt tells the user why. Dropping a connection on a node's body (not just its
// handle) connects too, which is friendlier and lets us explain refusals on handle-less nodes
// (a producer has no input handle, yet a user may still try to connect into it).
import type { Connection, Edge, FinalConnectionState, IsValidConnection } from '@xyflow/react';
import { useCallback } from 'react';
import { connectionProblem } from '../../model/connect';
import { useAppStoreApi } from '../../store/useAppStore';
import { connectNodes } from '../hooks/connectNodes';

function nodeIdAt(event: MouseEvent | TouchEvent): string | null {
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  if (!point) return null;
  const el = document.elementFromPoint(point.clientX, point.clientY);
  return el?.closest<HTMLElement>('.react-flow__node')?.dataset.id ?? null;
}

export function useConnectionRules() {
  const store = useAppStoreApi();

  const isValidConnection: IsValidConnection = useCallback(
    (c: Connection | Edge) => connectionProblem(store.getState().flow, c.source, c.target) === null,
    [store],
  );

  const onConnect = useCallback((c: Connection) => void connectNodes(store, c.source, c.target), [store]);

  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode || state.fromHandle?.type !== 'source') return;
      const target = state.toNode?.id ?? nodeIdAt(event);
      if (!target) return;
      connectNodes(store, state.fromNode.id, target);
    },
    [store],
  );

  return { isValidConnection, onConnect, onConnectEnd };
}
