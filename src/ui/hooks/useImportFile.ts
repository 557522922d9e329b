// Importing a Flow JSON file (toolbar button or a file dropped on the canvas). A refused file is
// reported with the place and reason of its first problems; the current flow stays untouched.
import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { problemLines, readFlowFile } from '../../io/flowFile';
import { useAppStoreApi } from '../../store/useAppStore';

export function useImportFile() {
  const store = useAppStoreApi();
  const { fitView } = useReactFlow();
  return useCallback(
    async (file: File) => {
      const result = await readFlowFile(file);
      const s = store.getState();
      if (!result.ok) {
        const n = result.problems.length;
        s.notify(
          'error',
          `Couldn’t import “${file.name}”: ${n} problem${n === 1 ? '' : 's'} found. Your flow was not changed.`,
          problemLines(result.problems),
        );
        return;
      }
      s.replaceFlow(result.flow);
      s.notify('info', `Imported “${result.flow.name || file.name}”.`);
      // Wait a frame so React Flow has measured the new nodes before fitting them.
      requestAnimationFrame(() => void fitView({ duration: 300, padding: 0.2, maxZoom: 1.1 }));
    },
    [store, fitView],
  );
}
