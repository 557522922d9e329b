// Applies React Flow's change events to the store: selection, drags (live, then one undo entry at
// the end), arrow-key moves and measured sizes. Removal is not taken from React Flow: Delete/Backspace go through
// the app's shortcuts so they share one path with the toolbar and respect text inputs.
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { useCallback } from 'react';
import type { XY } from '../../store/slices/flowSlice';
import type { Size } from '../../store/slices/canvasSlice';
import { useAppStoreApi } from '../../store/useAppStore';
import type { CanvasNode } from '../nodes/rfTypes';

function toggled(current: string[], changes: { id: string; selected: boolean }[]): string[] {
  const next = new Set(current);
  for (const c of changes) {
    if (c.selected) next.add(c.id);
    else next.delete(c.id);
  }
  return [...next];
}

export function useCanvasChanges() {
  const store = useAppStoreApi();

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      // Maps, not objects: ids come from files and may be "constructor" or "__proto__".
      const sizes = new Map<string, Size>();
      const moves = new Map<string, XY>();
      const settled = new Map<string, XY>();
      const selects: { id: string; selected: boolean }[] = [];
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) sizes.set(c.id, c.dimensions);
        else if (c.type === 'position' && c.position) (c.dragging ? moves : settled).set(c.id, c.position);
        else if (c.type === 'select') selects.push(c);
      }
      const s = store.getState();
      if (sizes.size) s.setMeasured(sizes);
      if (moves.size) s.dragTo(moves);
      // A final position outside a drag comes from the keyboard (arrow keys): one undo step each.
      // Inside a drag it is folded into the drag, which onNodeDragStop commits once.
      if (settled.size) {
        if (s.dragging) s.dragTo(settled);
        else s.moveNodes(settled);
      }
      if (selects.length) s.setSelection({ ...s.selection, nodes: toggled(s.selection.nodes, selects) });
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const selects = changes.filter((c) => c.type === 'select');
      if (!selects.length) return;
      const s = store.getState();
      s.setSelection({ ...s.selection, edges: toggled(s.selection.edges, selects) });
    },
    [store],
  );

  const onNodeDragStop = useCallback(() => store.getState().endDrag(), [store]);

  return { onNodesChange, onEdgesChange, onNodeDragStop };
}
