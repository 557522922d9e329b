// Figures as the metrics table prints them, beyond model/format.ts's single values.
import { formatDuration } from '../../model/format';

/**
 * Three durations in one unit, the unit written once: "61.3 / 260 / 330 ms". Mixed units (a p99
 * past a second) are written out each.
 */
export function formatTriple(a: number, b: number, c: number): string {
  const unit = (v: number) => formatDuration(v).split(' ')[1];
  const [ua, ub, uc] = [unit(a), unit(b), unit(c)];
  if (ua && ua === ub && ub === uc) {
    const num = (v: number) => formatDuration(v).split(' ')[0];
    return `${num(a)} / ${num(b)} / ${num(c)} ${ua}`;
  }
  return `${formatDuration(a)} / ${formatDuration(b)} / ${formatDuration(c)}`;
}
