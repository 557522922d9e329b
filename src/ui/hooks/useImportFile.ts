// Importing a Flow JSON file (toolbar button or a file dropped on the canvas), then fitting the
// new flow in view. What the import does to the flow and what it tells the user: io/importFlow.ts.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { importFile } from '../../io/importFlow';
import { useAppStoreApi } from '../../store/useAppStore';

export function useImportFile() {
  const store = useAppStoreApi();
  const { fitView } = useReactFlow();
  return useCallback(
    async (file: File) => {
      if (!(await importFile(store, file))) return;
      // Wait a frame so React Flow has measured the new nodes before fitting them.
      requestAnimationFrame(() => void fitView({ duration: 300, padding: 0.2, maxZoom: 1.1 }));
    },
    [store, fitView],
  );
}
