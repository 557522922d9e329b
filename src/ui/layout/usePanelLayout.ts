// The panel layout as React state, loaded from and saved to localStorage (a failure to save is
// not worth a message: the layout is a preference, the flow is saved elsewhere).
import { useCallback, useEffect, useState } from 'react';
import { clampHeight, LAYOUT_KEY, type PanelLayout, readLayout } from './panelLayout';

function load(): PanelLayout {
  try {
    return readLayout(localStorage.getItem(LAYOUT_KEY), window.innerHeight);
  } catch {
    return readLayout(null, window.innerHeight);
  }
}

export function usePanelLayout(): {
  layout: PanelLayout;
  /** The open height as the window allows it now. */
  height: number;
  viewport: number;
  update: (patch: Partial<PanelLayout>) => void;
} {
  const [layout, setLayout] = useState(load);
  const [viewport, setViewport] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setViewport(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useEffect(() => {
    try {
      localStorage.setItem(LAYOUT_KEY, JSON.stringify(layout));
    } catch {
      // Private mode or full storage: the layout simply is not remembered.
    }
  }, [layout]);
  const update = useCallback((patch: Partial<PanelLayout>) => setLayout((l) => ({ ...l, ...patch })), []);
  return { layout, height: clampHeight(layout.height, viewport), viewport, update };
}
