// Moving the canvas's view: fit the flow at a readable zoom, and bring a node into view. Both keep
// clear of what floats over the canvas (the minimap and the zoom controls, measured in the DOM),
// so a fitted node is never under the minimap, where a click would go to the minimap instead.
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { FlowNode } from '../../model/flow';
import type { AppStore } from '../../store/createAppStore';
import { useAppStoreApi } from '../../store/useAppStore';
import { NODE } from './placement';
import { boundsOf, type Box, type Insets, readableFit, reveal } from './viewport';

/** Room under each node for its live badge. */
const BADGE = 24;
const MARGIN = 24;

/**
 * The canvas's size, and the insets that keep a view clear of the zoom controls (bottom left:
 * kept clear on the left) and the minimap (bottom right: kept clear from the bottom, or from the
 * right; a fit takes whichever leaves the flow larger).
 */
function geometry(): { size: { width: number; height: number }; insets: Insets[] } | null {
  const el = document.querySelector<HTMLElement>('.canvas .react-flow');
  if (!el) return null;
  const box = el.getBoundingClientRect();
  const base = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
  const controls = el.querySelector('.react-flow__controls')?.getBoundingClientRect();
  if (controls && controls.width > 0) base.left = Math.max(base.left, controls.right - box.left + 12);
  const minimap = el.querySelector('.react-flow__minimap')?.getBoundingClientRect();
  const insets =
    minimap && minimap.height > 0
      ? [
          { ...base, bottom: Math.max(base.bottom, box.bottom - minimap.top + 12) },
          { ...base, right: Math.max(base.right, box.right - minimap.left + 12) },
        ]
      : [base];
  return { size: { width: box.width, height: box.height }, insets };
}

function nodeBox(store: AppStore, node: FlowNode): Box {
  const size = store.getState().measured.get(node.id) ?? NODE;
  return { x: node.position.x, y: node.position.y, width: size.width, height: size.height + BADGE };
}

export function useCanvasView() {
  const store = useAppStoreApi();
  const rf = useReactFlow();
  return useMemo(
    () => ({
      /** Fits every node at a readable zoom (a big flow starts at its left end). */
      fit: (duration = 300): void => {
        const g = geometry();
        const bounds = boundsOf(store.getState().flow.nodes.map((n) => nodeBox(store, n)));
        if (!g || !bounds) return;
        const fits = g.insets.map((i) => readableFit(bounds, g.size, i));
        const best = fits.reduce((a, b) => (b.zoom > a.zoom ? b : a));
        void rf.setViewport(best, { duration });
      },
      /** Pans, without zooming, just enough for the node to be in view. */
      reveal: (id: string, duration = 200): void => {
        const g = geometry();
        const node = store.getState().flow.nodes.find((n) => n.id === id);
        if (!g || !node) return;
        const box = nodeBox(store, node);
        const view = rf.getViewport();
        const next = reveal(box, view, g.size, g.insets[0]!);
        if (next.x !== view.x || next.y !== view.y) void rf.setViewport(next, { duration });
      },
    }),
    [store, rf],
  );
}
