// The short label an edge carries on the canvas and in an exported image, in one wording: an
// event edge names its latency and filter, a call edge (handler → dependency) what is set of its
// calls. A plain edge has none, so a diagram stays quiet where nothing is special.
import { describeDist } from './describe';
import { CALL_DEFAULTS, type FlowEdge } from './flow';
import { formatCount, formatDuration } from './format';

type CallFields = Pick<FlowEdge, 'calls' | 'timeout' | 'attempts'>;

const count = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "2 calls · timeout 500 ms · 3 attempts", or undefined for a call with every default. */
export function callLabel(e: CallFields): string | undefined {
  const parts: string[] = [];
  if (e.calls !== undefined && e.calls !== CALL_DEFAULTS.calls) parts.push(count(e.calls, 'call', 'calls'));
  if (e.timeout !== undefined) parts.push(`timeout ${formatDuration(e.timeout)}`);
  if (e.attempts !== undefined && e.attempts !== CALL_DEFAULTS.attempts)
    parts.push(count(e.attempts, 'attempt', 'attempts'));
  return parts.length ? parts.join(' · ') : undefined;
}

/** "exp 5 ms · only OrderPlaced, OrderCancelled", or undefined for an edge with neither. */
export function eventEdgeLabel(e: Pick<FlowEdge, 'latency' | 'filter'>): string | undefined {
  const parts: string[] = [];
  if (e.latency) parts.push(describeDist(e.latency));
  if (e.filter?.length) parts.push(`only ${e.filter.join(', ')}`);
  return parts.length ? parts.join(' · ') : undefined;
}

/** An edge's label; `call` says it ends at a dependency. */
export const edgeLabel = (e: FlowEdge, call: boolean): string | undefined =>
  call ? callLabel(e) : eventEdgeLabel(e);
