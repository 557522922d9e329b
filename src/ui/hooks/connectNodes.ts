// Connecting two nodes from any control (a drag on the canvas, a handle pressed from the keyboard,
// the Inspector's "Connect to"): one undoable edge, or the reason it is refused, said out loud.
import type { AppStore } from '../../store/createAppStore';

export const nodeName = (store: AppStore, id: string): string => {
  const n = store.getState().flow.nodes.find((x) => x.id === id);
  return n?.label || id;
};

/** Adds the edge; true when it was added. A refusal shows as an alert with its reason. */
export function connectNodes(store: AppStore, source: string, target: string): boolean {
  const s = store.getState();
  const problem = s.connect(source, target);
  if (problem) {
    s.notify('error', `Can't connect: ${problem}.`);
    return false;
  }
  s.announce(`Connected ${nodeName(store, source)} to ${nodeName(store, target)}.`);
  return true;
}
