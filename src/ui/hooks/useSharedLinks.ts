// Share links open on arrival and whenever the fragment changes in an open tab (a link pasted
// into the address bar of a tab already showing the app does not reload the page).
import { useEffect } from 'react';
import { openStorage } from '../../io/autosave';
import { type LinkPage, openSharedLink } from '../../io/shareOpen';
import { useAppStoreApi } from '../../store/useAppStore';
import { useCanvasView } from '../canvas/useCanvasView';

const page: LinkPage = {
  get hash() {
    return window.location.hash;
  },
  clearHash: () => {
    const { pathname, search } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}`);
  },
};

export function useSharedLinks(): void {
  const store = useAppStoreApi();
  const view = useCanvasView();
  useEffect(() => {
    const open = async () => {
      const storage = openStorage();
      if (await openSharedLink(store, page, typeof storage === 'string' ? null : storage))
        requestAnimationFrame(() => view.fit());
    };
    void open();
    const onHash = () => void open();
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [store, view]);
}
