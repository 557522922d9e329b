// The figures of synchronous calls (Flow JSON v2 dependencies), per node: `calls` (a handler's jobs
// made them; a dependency received them as first attempts), `attempts` (retries included) and
// `timeouts` (attempts the caller gave up on). They are read here by name, in one place, so the
// metrics table and the live badges show them as soon as the report and the snapshot carry them.
import type { NodeReport } from '../../engine/api';
import { NODE_ROW } from '../../engine/snapshot';

export interface CallFigures {
  calls: number;
  attempts: number;
  timeouts: number;
}

/** A node's call figures, or null when its report has none. */
export function callFigures(n: NodeReport): CallFigures | null {
  if (!('calls' in n && 'attempts' in n && 'timeouts' in n)) return null;
  const { calls, attempts, timeouts } = n;
  if (typeof calls !== 'number' || typeof attempts !== 'number' || typeof timeouts !== 'number') return null;
  return { calls, attempts, timeouts };
}

/** Where a call figure sits in a snapshot's NODE_ROW, or undefined while snapshots do not carry it. */
export function callRowAt(name: keyof CallFigures): number | undefined {
  const names: readonly string[] = NODE_ROW.names;
  const at = names.indexOf(name);
  return at < 0 ? undefined : at;
}
