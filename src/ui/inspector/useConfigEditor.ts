// Edits one node's config: each call is one undoable change with the given keys replaced
// (a key set to undefined is removed, so optional fields can be cleared). Checks look at the whole
// config after the edit, so a rule across fields (a key skew needs keys; a backoff's max is at
// least its initial) refuses the draft instead of storing a config that import would refuse.
import { useCallback } from 'react';
import { configProblem } from '../../model/fieldCheck';
import type { ConfigOf, Kind, NodeOfKind } from '../../model/flow';
import { useAppStoreApi } from '../../store/useAppStore';

export function useConfigEditor<K extends Kind>(node: NodeOfKind<K>) {
  const store = useAppStoreApi();
  const set = useCallback(
    (patch: Partial<ConfigOf<K>>) =>
      store.getState().updateNode(node.id, { config: { ...node.config, ...patch } }),
    [store, node],
  );
  /** Why the config with `patch` applied is refused, looking first at `at` (a path into the config). */
  const problem = useCallback(
    (patch: Partial<ConfigOf<K>>, at: readonly PropertyKey[]) =>
      configProblem(node.kind, { ...node.config, ...patch }, at),
    [node],
  );
  const check = useCallback(
    (key: keyof ConfigOf<K> & string) => (v: unknown) => problem({ [key]: v } as Partial<ConfigOf<K>>, [key]),
    [problem],
  );
  return { set, check, problem };
}
