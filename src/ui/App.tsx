// The app's root. React Flow's provider wraps everything so the toolbar and palette can use
// the canvas viewport (fit view, placing nodes in view).
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './styles/theme.css';
import './styles/layout.css';
import './styles/toolbar.css';
import './styles/palette.css';
import './styles/nodes.css';
import './styles/inspector.css';
import './styles/dialogs.css';
import './scenarios/scenarios.css';
import { AppLayout } from './AppLayout';
import { UI_KINDS } from './kinds';
import { kindColourCss } from './kinds/kindColours';

const KIND_COLOURS = kindColourCss(UI_KINDS);

export function App() {
  return (
    <ReactFlowProvider>
      <style>{KIND_COLOURS}</style>
      <AppLayout />
    </ReactFlowProvider>
  );
}
