import type { ReactNode } from 'react';
import type { AppStore } from './createAppStore';
import { AppStoreContext } from './AppStoreContext';

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <AppStoreContext value={store}>{children}</AppStoreContext>;
}
