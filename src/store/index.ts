export { createAppStore, type AppStore } from './createAppStore';
export { AppStoreProvider } from './AppStoreProvider';
export { useAppStore, useAppStoreApi, useHistory } from './useAppStore';
export type { App } from './types';
export { emptyFlow } from './slices/flowSlice';
