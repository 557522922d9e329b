// Every editing command the toolbar, palette and keyboard share, so each has one implementation.
import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { downloadAsyncApi } from '../../io/asyncApiFiles';
import { downloadFlow, problemLines } from '../../io/flowFile';
import type { Template } from '../../io/templates';
import type { Kind } from '../../model/flow';
import { parseFlow } from '../../model/validate';
import { emptyFlow } from '../../store/slices/flowSlice';
import { useAppStoreApi } from '../../store/useAppStore';
import { placeNext } from '../canvas/placement';
import { useCanvasView } from '../canvas/useCanvasView';

const PASTE_OFFSET = { x: 32, y: 32 };

export function useEditorActions() {
  const store = useAppStoreApi();
  const rf = useReactFlow();
  const view = useCanvasView();

  return useMemo(() => {
    const state = () => store.getState();
    // A frame later, so React Flow has the new nodes (and their sizes) first.
    const fitSoon = () => requestAnimationFrame(() => view.fit());
    return {
      undo: () => store.temporal.getState().undo(),
      redo: () => store.temporal.getState().redo(),
      /**
       * Adds a node where it would go next: right of the selection (or of the last node), or in
       * the middle of the view on an empty canvas; the view pans if needed to show it.
       */
      addInView: (kind: Kind) => {
        const el = document.querySelector('.canvas .react-flow');
        const box = el?.getBoundingClientRect();
        const centre = box
          ? rf.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
          : { x: 0, y: 0 };
        const { flow, selection } = state();
        const id = state().addNode(kind, placeNext(flow.nodes, selection.nodes, centre));
        requestAnimationFrame(() => view.reveal(id));
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
      fitView: () => view.fit(),
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
      exportAsyncApi: () => downloadAsyncApi(state().flow),
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
  }, [store, rf, view]);
}

export type EditorActions = ReturnType<typeof useEditorActions>;
