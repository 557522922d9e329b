// Start-up: restore the saved flow (or report why it can't be), create the store, start
// autosaving, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { openStorage, reportRestore, restoreFlow, startAutosave } from './io/autosave';
import { AppStoreProvider, createAppStore } from './store';
import { App } from './ui/App';

const storage = openStorage();
const restored =
  typeof storage === 'string' ? ({ kind: 'unavailable', reason: storage } as const) : restoreFlow(storage);
const store = createAppStore(restored.kind === 'ok' ? restored.flow : undefined);
reportRestore(store, restored);
if (typeof storage !== 'string') startAutosave(store, storage);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
