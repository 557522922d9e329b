// What a task cost, in one line: "80 runs · 8.1 M events in 2.40 s on 2 workers (3.4 M events/s)".
import { formatAmount, formatCount } from '../../model/format';
import type { SweepCost } from '../../runtime/sweeps';

const millions = (n: number): string => (n >= 1e6 ? `${formatAmount(n / 1e6)} M` : formatCount(n));

export function costText(c: SweepCost): string {
  const seconds = c.wallMs / 1000;
  const rate = seconds > 0 ? ` (${millions(c.events / seconds)} events/s)` : '';
  return `${formatCount(c.runs)} runs · ${millions(c.events)} events in ${seconds.toFixed(2)} s on ${c.workers} worker${c.workers === 1 ? '' : 's'}${rate}.`;
}
