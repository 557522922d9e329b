// Every editing command the toolbar, palette and keyboard share, so each has one implementation.
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { downloadFlow, problemLines } from '../../io/flowFile';
import type { Template } from '../../io/templates';
import type { Kind } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { emptyFlow } from '../../store/slices/flowSlice';
import { useAppStoreApi } from '../../store/useAppStore';
import { freeSpot } from '../canvas/placement';

const PASTE_OFFSET = { x: 32, y: 32 };
const FIT = { duration: 400, padding: 0.2, maxZoom: 1.1 };

export function useEditorActions() {
  const store = useAppStoreApi();
  const rf = useReactFlow();

  return useMemo(() => {
    const state = () => store.getState();
    const fitSoon = () => requestAnimationFrame(() => void rf.fitView(FIT));
    return {
      undo: () => store.temporal.getState().undo(),
      redo: () => store.temporal.getState().redo(),
      /** Adds a node in the middle of the visible canvas, clear of existing nodes. */
      addInView: (kind: Kind) => {
        const el = document.querySelector('.react-flow');
        const box = el?.getBoundingClientRect();
        const centre = box
          ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
          : { x: 0, y: 0 };
        state().addNode(kind, freeSpot(state().flow.nodes, centre));
      },
      deleteSelection: () => state().deleteElements(state().selection),
      copy: () => state().copySelection() > 0,
      paste: () => {
        const clip = state().clipboard;
        if (clip) state().paste(clip, PASTE_OFFSET);
      },
      duplicate: () => {
        const s = state();
        if (!s.selection.nodes.length) return;
        s.copySelection();
        s.paste(state().clipboard!, PASTE_OFFSET);
      },
      selectAll: () => {
        const { flow } = state();
        state().setSelection({ nodes: flow.nodes.map((n) => n.id), edges: flow.edges.map((e) => e.id) });
      },
      fitView: () => void rf.fitView(FIT),
      autoLayout: async () => {
        const s = state();
        if (!s.flow.nodes.length) return;
        try {
          // ELK is large: load it the first time someone asks for a layout.
          const { layeredLayout } = await import('../../io/layout');
          s.moveNodes(await layeredLayout(s.flow, s.measured));
          fitSoon();
        } catch (err) {
          s.notify('error', `Auto layout failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      },
      exportJson: () => downloadFlow(state().flow),
      newFlow: () => {
        state().replaceFlow(emptyFlow());
        state().openDialog(null);
      },
      loadTemplate: (t: Template) => {
        const parsed = parseFlow(t.json);
        if (!parsed.ok) {
          state().notify('error', `Template “${t.title}” is broken.`, problemLines(parsed.problems));
          return;
        }
        state().replaceFlow(structuredClone(parsed.flow));
        state().openDialog(null);
        state().notify('info', `Loaded “${t.title}”. Undo brings back your previous flow.`);
        fitSoon();
      },
    };
  }, [store, rf]);
}

export type EditorActions = ReturnType<typeof useEditorActions>;
