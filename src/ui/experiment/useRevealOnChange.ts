// Brings a result into view when a new one arrives while it is on screen: results land below the
// setup, in a column that is often scrolled up to the buttons that started them. A result that
// was already there when the region opened stays where the user left the scroll.
import { type RefObject, useEffect, useRef } from 'react';

export function useRevealOnChange<T>(
  value: T,
  target: RefObject<HTMLElement | null>,
  block: ScrollLogicalPosition,
): void {
  const seen = useRef(value);
  useEffect(() => {
    if (value === seen.current) return;
    seen.current = value;
    if (value === null || value === undefined) return;
    const calm = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    target.current?.scrollIntoView({ block, behavior: calm ? 'auto' : 'smooth' });
  }, [value, target, block]);
}
