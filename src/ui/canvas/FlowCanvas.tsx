// The editing canvas: React Flow, controlled from the store. Drops of palette kinds add nodes
// where they land; drops of .json files import them.
import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, useReactFlow } from '@xyflow/react';
import { type DragEvent, useCallback } from 'react';
import { looksLikeJsonFile } from '../../io/flowFile';
import { KINDS, type Kind } from '../../model/flow';
import { useAppStore, useAppStoreApi } from '../../store/useAppStore';
import { useImportFile } from '../hooks/useImportFile';
import { nodeTypes } from '../kinds';
import { DotOverlay } from '../run/DotOverlay';
import { EmptyState } from './EmptyState';
import { centredAt } from './placement';
import { useCanvasChanges } from './useCanvasChanges';
import { useCanvasEdges, useCanvasNodes } from './useCanvasNodes';
import { useConnectionRules } from './useConnectionRules';

/** The drag-and-drop data type the palette sets; its value is a node kind. */
export const KIND_MIME = 'application/x-eventflow-kind';
const GRID: [number, number] = [16, 16];
const isKind = (v: string): v is Kind => (KINDS as readonly string[]).includes(v);
const MINIMAP_SIZE = { width: 168, height: 112 };
const minimapColor = (n: { type?: string | undefined }) => `var(--kind-${n.type ?? 'handler'})`;

export function FlowCanvas() {
  const store = useAppStoreApi();
  const nodes = useCanvasNodes();
  const edges = useCanvasEdges();
  const empty = useAppStore((s) => s.flow.nodes.length === 0);
  const changes = useCanvasChanges();
  const rules = useConnectionRules();
  const { screenToFlowPosition } = useReactFlow();
  const importFile = useImportFile();

  const onDragOver = useCallback((e: DragEvent) => {
    if (e.dataTransfer.types.includes(KIND_MIME) || e.dataTransfer.types.includes('Files')) {
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
    }
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const file = e.dataTransfer.files[0];
      if (file) {
        e.preventDefault();
        if (looksLikeJsonFile(file)) void importFile(file);
        else store.getState().notify('error', `“${file.name}” is not a Flow JSON file (.json).`);
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
    [store, screenToFlowPosition, importFile],
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
        fitView
        fitViewOptions={{ maxZoom: 1.1, padding: 0.2 }}
        minZoom={0.2}
        maxZoom={2.5}
        proOptions={{ hideAttribution: true }}
        aria-label="Flow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} />
        {!empty && (
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
        <Controls showInteractive={false} aria-label="Zoom controls" />
      </ReactFlow>
      <DotOverlay />
      {empty && <EmptyState />}
    </div>
  );
}
