// Edits one node's config: each call is one undoable change with the given keys replaced
// (a key set to undefined is removed, so optional fields can be cleared).
import { useCallback } from 'react';
import { configFieldProblem, configPatchProblem } from '../../model/fieldCheck';
import type { ConfigOf, Kind, NodeOfKind } from '../../model/flow';
import { useAppStoreApi } from '../../store/useAppStore';

export function useConfigEditor<K extends Kind>(node: NodeOfKind<K>) {
  const store = useAppStoreApi();
  const set = useCallback(
    (patch: Partial<ConfigOf<K>>) =>
      store.getState().updateNode(node.id, { config: { ...node.config, ...patch } }),
    [store, node],
  );
  const check = useCallback(
    (key: keyof ConfigOf<K> & string) => (v: unknown) =>
      configFieldProblem(node.kind, key, v) ?? configPatchProblem(node.kind, node.config, { [key]: v }),
    [node.kind, node.config],
  );
  return { set, check };
}
