/// <reference lib="dom" />
/// <reference types="vite/client" />
// The baseline: React Flow alone with the benchmark's nodes and every edge `animated` (React
// Flow's own CSS dash animation). `?n=200` sets the node count.
import { ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { generatedFlow } from './flows';

const n = Number(new URLSearchParams(location.search).get('n') ?? '200');
const flow = generatedFlow(n);
const nodes: Node[] = flow.nodes.map((f) => ({
  id: f.id,
  position: f.position,
  data: { label: f.label ?? f.id },
  type: f.kind === 'producer' ? 'input' : f.kind === 'store' ? 'output' : 'default',
  style: { width: 220 },
}));
const edges: Edge[] = flow.edges.map((e) => ({
  id: e.id,
  source: e.source,
  target: e.target,
  animated: true,
}));

createRoot(document.getElementById('root')!).render(
  createElement(
    'div',
    { style: { width: '100vw', height: '100vh' } },
    createElement(ReactFlow, { defaultNodes: nodes, defaultEdges: edges, fitView: true, minZoom: 0.2 }),
  ),
);
