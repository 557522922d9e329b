// The Speed control's choices: real-time factors from 0.1× to 100×, and "as fast as possible".
import type { RunMode } from '../../runtime/protocol';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;
export const FAST = 'fast';

export const speedValue = (mode: RunMode, speed: number): string => (mode === 'fast' ? FAST : String(speed));

export function parseSpeed(value: string): { mode: RunMode; speed: number } {
  return value === FAST ? { mode: 'fast', speed: 1 } : { mode: 'realtime', speed: Number(value) };
}

/** "12.3 s", "4 min 05 s", "1 h 02 min": the simulated clock, readable at a glance. */
export function formatClock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '∞';
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
  const s = Math.floor(seconds);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
