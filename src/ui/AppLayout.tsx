// The screen: toolbar on top; palette, canvas and the side panel (Inspector, Faults) in the middle;
// a bottom panel below.
//
// Extension points for the run-time layer:
//  - Run controls ("Run", "Pause", "Step", "Reset", "Speed") go inside <Toolbar>…</Toolbar>.
//  - The "Metrics" region goes in the `app__bottom` row, which collapses to nothing while empty.
//  - Live per-node badges: wrap the canvas in <NodeBadgeContext value={Badge}> (nodes/NodeBadgeContext.ts).
//  - The event-dots overlay can sit inside `.canvas` (position: relative) above React Flow.
import { type CSSProperties, useId } from 'react';
import { useAppStore } from '../store/useAppStore';
import { Announcer } from './Announcer';
import { FlowCanvas } from './canvas/FlowCanvas';
import { ConfirmNewDialog } from './dialogs/ConfirmNewDialog';
import { TemplatesDialog } from './dialogs/TemplatesDialog';
import { useEditorActions } from './hooks/useEditorActions';
import { ExportImageDialog } from './image/ExportImageDialog';
import { useSharedLinks } from './hooks/useSharedLinks';
import { useShortcuts } from './hooks/useShortcuts';
import { chartHeight } from './layout/panelLayout';
import { PanelSplitter } from './layout/PanelSplitter';
import { ShareDialog } from './share/ShareDialog';
import { SidePanel } from './layout/SidePanel';
import { usePanelLayout } from './layout/usePanelLayout';
import { Palette } from './palette/Palette';
import { MetricsPanel } from './run/MetricsPanel';
import { RunControls } from './run/RunControls';
import { RunProvider } from './run/RunProvider';
import { Toasts } from './toasts/Toasts';
import { Toolbar } from './toolbar/Toolbar';

export function AppLayout() {
  const actions = useEditorActions();
  useShortcuts(actions);
  useSharedLinks();
  const dialog = useAppStore((s) => s.dialog);
  const panel = usePanelLayout();
  const panelId = useId();
  const open = panel.layout.open;
  const sizes = {
    '--metrics-height': `${panel.height}px`,
    '--chart-height': `${chartHeight(panel.height)}px`,
  } as CSSProperties;

  return (
    <RunProvider>
      <div className={`app${open ? ' app--panel-open' : ''}`} style={sizes}>
        <Toolbar actions={actions}>
          <RunControls />
        </Toolbar>
        <main className="app__main">
          <Palette actions={actions} />
          <FlowCanvas />
          <SidePanel />
        </main>
        {open && (
          <PanelSplitter
            height={panel.height}
            viewport={panel.viewport}
            controls={panelId}
            onResize={(height) => panel.update({ height })}
          />
        )}
        <div className="app__bottom">
          <MetricsPanel open={open} bodyId={panelId} onToggle={() => panel.update({ open: !open })} />
        </div>
        {dialog === 'templates' && <TemplatesDialog onPick={actions.loadTemplate} />}
        {dialog === 'confirm-new' && <ConfirmNewDialog onConfirm={actions.newFlow} />}
        {dialog === 'share' && <ShareDialog />}
        {dialog === 'export-image' && <ExportImageDialog />}
        <Toasts />
        <Announcer />
      </div>
    </RunProvider>
  );
}
