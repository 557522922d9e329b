// Figures as the metrics table prints them, beyond model/format.ts's single values.
import { formatDuration } from '../../model/format';

/**
 * Durations side by side in one unit, the unit written once: "61.3 / 260 / 330 ms". Mixed units
 * (a p99 past a second) are written out each.
 */
export function formatDurations(...values: number[]): string {
  const texts = values.map(formatDuration);
  const units = texts.map((t) => t.split(' ')[1]);
  if (units[0] && units.every((u) => u === units[0])) {
    return `${texts.map((t) => t.split(' ')[0]).join(' / ')} ${units[0]}`;
  }
  return texts.join(' / ');
}
