import { createContext } from 'react';
import type { AppStore } from './createAppStore';

/** The app's store instance; provided once by <AppStoreProvider> in main.tsx (and by tests). */
export const AppStoreContext = createContext<AppStore | null>(null);
