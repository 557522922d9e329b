// Importing files (toolbar buttons or files dropped on the canvas), then fitting the new flow in
// view. What an import does to the flow and what it tells the user: io/importFlow.ts (Flow JSON)
// and io/asyncApiFiles.ts (AsyncAPI).
import { useCallback } from 'react';
import { importAsyncApiFiles } from '../../io/asyncApiFiles';
import { sortDropped } from '../../io/droppedFiles';
import { importFile } from '../../io/importFlow';
import { useAppStoreApi } from '../../store/useAppStore';
import { useCanvasView } from '../canvas/useCanvasView';

function useFitAfter<A>(run: (arg: A) => Promise<boolean>): (arg: A) => Promise<void> {
  const view = useCanvasView();
  return useCallback(
    async (arg: A) => {
      if (!(await run(arg))) return;
      // Wait a frame so React Flow has measured the new nodes before fitting them.
      requestAnimationFrame(() => view.fit());
    },
    [run, view],
  );
}

/** One Flow JSON file. */
export function useImportFile() {
  const store = useAppStoreApi();
  return useFitAfter(useCallback((file: File) => importFile(store, file), [store]));
}

/** AsyncAPI documents, imported together as one system. */
export function useImportAsyncApi() {
  const store = useAppStoreApi();
  return useFitAfter(useCallback((files: readonly File[]) => importAsyncApiFiles(store, files), [store]));
}

/** Dropped files: a Flow JSON file, or AsyncAPI documents (io/droppedFiles.ts). */
export function useImportDropped() {
  const store = useAppStoreApi();
  return useFitAfter(
    useCallback(
      async (files: readonly File[]) => {
        const dropped = await sortDropped(files);
        if (dropped.kind === 'flow') return importFile(store, dropped.file);
        if (dropped.kind === 'asyncapi') return importAsyncApiFiles(store, dropped.files);
        const names = dropped.names.map((n) => `“${n}”`).join(', ');
        store
          .getState()
          .notify(
            'error',
            `Couldn’t import ${names}: not a Flow JSON file (.json) or an AsyncAPI document (.yaml, .yml, .json). Your flow was not changed.`,
          );
        return false;
      },
      [store],
    ),
  );
}
