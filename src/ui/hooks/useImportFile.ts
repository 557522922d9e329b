// Importing a Flow JSON file (toolbar button or a file dropped on the canvas), then fitting the
// new flow in view. What the import does to the flow and what it tells the user: io/importFlow.ts.
import { useCallback } from 'react';
import { importFile } from '../../io/importFlow';
import { useAppStoreApi } from '../../store/useAppStore';
import { useCanvasView } from '../canvas/useCanvasView';

export function useImportFile() {
  const store = useAppStoreApi();
  const view = useCanvasView();
  return useCallback(
    async (file: File) => {
      if (!(await importFile(store, file))) return;
      // Wait a frame so React Flow has measured the new nodes before fitting them.
      requestAnimationFrame(() => view.fit());
    },
    [store, view],
  );
}
