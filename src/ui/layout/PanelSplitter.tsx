// The bar between the canvas and the metrics panel: drag it, or focus it and use the arrow keys
// (Page Up/Down for bigger steps, Home/End for the limits), to give the panel more or less room.
import type { KeyboardEvent, PointerEvent } from 'react';
import { clampHeight, PANEL_MIN } from './panelLayout';

interface Props {
  height: number;
  viewport: number;
  onResize: (height: number) => void;
  controls: string;
}

const STEP = 16;

export function PanelSplitter({ height, viewport, onResize, controls }: Props) {
  const max = clampHeight(Infinity, viewport);
  const set = (h: number) => onResize(clampHeight(h, viewport));

  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    if (e.button !== 0) return;
    e.preventDefault();
    const el = e.currentTarget;
    el.setPointerCapture(e.pointerId);
    const startY = e.clientY;
    const startH = height;
    const move = (m: globalThis.PointerEvent) => set(startH + (startY - m.clientY));
    const up = () => {
      el.removeEventListener('pointermove', move);
      el.removeEventListener('pointerup', up);
      el.removeEventListener('pointercancel', up);
    };
    el.addEventListener('pointermove', move);
    el.addEventListener('pointerup', up);
    el.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const by: Record<string, number> = {
      ArrowUp: STEP,
      ArrowDown: -STEP,
      PageUp: 4 * STEP,
      PageDown: -4 * STEP,
    };
    if (e.key in by) set(height + by[e.key]!);
    else if (e.key === 'Home') set(max);
    else if (e.key === 'End') set(PANEL_MIN);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="app__splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the metrics panel"
      aria-controls={controls}
      aria-valuemin={PANEL_MIN}
      aria-valuemax={max}
      aria-valuenow={height}
      aria-valuetext={`${height} pixels high`}
      title="Drag, or use the arrow keys, to resize the metrics panel"
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
