// The editing canvas: React Flow, controlled from the store. Drops of palette kinds add nodes
// where they land; dropped files import (a Flow JSON file, or AsyncAPI documents).
import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import { KINDS, type Kind } from '../../model/flow';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { useImportDropped } from '../hooks/useImportFile';
import { nodeTypes } from '../kinds';
import { useStoredFlag } from '../layout/useStoredFlag';
import { DotOverlay } from '../run/DotOverlay';
import { EmptyState } from './EmptyState';
import { centredAt } from './placement';
import { useCanvasChanges } from './useCanvasChanges';
import { useCanvasView } from './useCanvasView';
import { useCanvasEdges, useCanvasNodes } from './useCanvasNodes';
import { useConnectionRules } from './useConnectionRules';

/** The drag-and-drop data type the palette sets; its value is a node kind. */
export const KIND_MIME = 'application/x-eventflow-kind';
const GRID: [number, number] = [16, 16];
const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
const MINIMAP_SIZE = { width: 168, height: 112 };
/** On a short window the minimap starts hidden: it would cover much of a small canvas. */
const minimapByDefault = () => window.innerHeight >= 800;
const minimapColor = (n: { type?: string | undefined }) => `var(--kind-${n.type ?? 'handler'})`;

export function FlowCanvas() {
  const store = useAppStoreApi();
  const nodes = useCanvasNodes();
  const edges = useCanvasEdges();
  const empty = useAppStore((s) => s.flow.nodes.length === 0);
  const changes = useCanvasChanges();
  const rules = useConnectionRules();
  const { screenToFlowPosition } = useReactFlow();
  const importDropped = useImportDropped();
  const view = useCanvasView();
  const [minimap, setMinimap] = useStoredFlag('eventflow-studio.minimap', minimapByDefault);
  // A saved flow opens fitted; an empty canvas keeps its view, so the first drop stays where it lands.
  const onInit = useCallback(() => {
    if (store.getState().flow.nodes.length) requestAnimationFrame(() => view.fit(0));
  }, [store, view]);

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      if (e.dataTransfer.files.length > 0) {
        e.preventDefault();
        void importDropped([...e.dataTransfer.files]);
        return;
      }
      const kind = e.dataTransfer.getData(KIND_MIME);
      if (!isKind(kind)) return;
      e.preventDefault();
      const at = centredAt(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
      store
        .getState()
        .addNode(kind, { x: Math.round(at.x / GRID[0]) * GRID[0], y: Math.round(at.y / GRID[1]) * GRID[1] });
    },
    [store, screenToFlowPosition, importDropped],
  );

  return (
    <div className="canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        {...changes}
        {...rules}
        colorMode="system"
        snapToGrid
        snapGrid={GRID}
        deleteKeyCode={null}
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        selectionKeyCode="Shift"
        onInit={onInit}
        minZoom={0.2}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />
        {!empty && minimap && (
          <MiniMap
            pannable
            zoomable
            nodeColor={minimapColor}
            nodeStrokeWidth={0}
            nodeBorderRadius={4}
            ariaLabel="Mini map"
            style={MINIMAP_SIZE}
          />
        )}
        <Controls showInteractive={false} showFitView={false} aria-label="Zoom controls">
          <ControlButton
            onClick={() => view.fit()}
            aria-label="Fit view"
            title="Fit the flow in view (Shift+1)"
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <path
                d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
            </svg>
          </ControlButton>
          <ControlButton
            onClick={() => setMinimap(!minimap)}
            aria-label="Mini map"
            aria-pressed={minimap}
            title={minimap ? 'Hide the mini map' : 'Show the mini map'}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">
              <rect
                x="3"
                y="5"
                width="18"
                height="14"
                rx="2"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
              />
              <rect x="11" y="10" width="7" height="6" fill="currentColor" />
            </svg>
          </ControlButton>
        </Controls>
      </ReactFlow>
      <DotOverlay />
      {empty && <EmptyState />}
    </div>
  );
}
