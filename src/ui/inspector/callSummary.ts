// How a handler calls a dependency, in words: one line for the folded Calls section (defaults
// included, so folding hides nothing). The call edge's short label is model/edgeLabel.ts's.
import { CALL_DEFAULTS, type FlowEdge } from '../../model/flow';
import { formatCount, formatDuration } from '../../model/format';
import { describeBackoff } from './deliverySummary';

type CallFields = Pick<FlowEdge, 'calls' | 'timeout' | 'attempts' | 'backoff'>;

const count = (n: number, one: string, many: string): string => `${formatCount(n)} ${n === 1 ? one : many}`;

/** "2 calls per job · timeout 500 ms · 3 attempts after backoff 100 ms ×2" */
export function describeCalls(e: CallFields): string {
  const attempts = e.attempts ?? CALL_DEFAULTS.attempts;
  return [
    count(e.calls ?? CALL_DEFAULTS.calls, 'call per job', 'calls per job'),
    e.timeout === undefined ? 'no timeout' : `timeout ${formatDuration(e.timeout)}`,
    attempts === 1
      ? 'no retry'
      : `${count(attempts, 'attempt', 'attempts')} ${e.backoff ? `after ${describeBackoff(e.backoff)}` : 'at once'}`,
  ].join(' · ');
}
