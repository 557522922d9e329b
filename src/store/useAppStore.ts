// Hooks to read the store. Select narrowly (one value, or several with useShallow) so a change
// re-renders only the components that show it.
import { useContext } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import type { AppStore } from './createAppStore';
import { AppStoreContext } from './AppStoreContext';
import type { App } from './types';

export function useAppStoreApi(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore must be used inside <AppStoreProvider>');
  return store;
}

export function useAppStore<T>(selector: (state: App) => T): T {
  return useStore(useAppStoreApi(), selector);
}

export function useHistory<T>(selector: (state: TemporalState<Pick<App, 'flow'>>) => T): T {
  return useStore(useAppStoreApi().temporal, selector);
}
