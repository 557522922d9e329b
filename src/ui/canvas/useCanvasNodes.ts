// Maps the Flow document to React Flow's controlled nodes and edges. The document stays the source
// of truth; selection, live drag positions and measured sizes are merged in here.
import { type Edge, MarkerType } from '@xyflow/react';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { deadLetterOf } from '../../model/deadLetter';
import type { FlowNode } from '../../model/flow';
import { edgeLabel } from '../../model/edgeLabel';
import { useAppStore } from '../../store/useAppStore';
import type { CanvasNode, CanvasNodeData } from '../nodes/rfTypes';

// One data object per document node, so memoized node components skip renders when only
// something else changed.
const dataFor = new WeakMap<FlowNode, CanvasNodeData>();
function nodeData(node: FlowNode): CanvasNodeData {
  let d = dataFor.get(node);
  if (!d) dataFor.set(node, (d = { node }));
  return d;
}

export function useCanvasNodes(): CanvasNode[] {
  const { nodes, selected, dragging, measured } = useAppStore(
    useShallow((s) => ({
      nodes: s.flow.nodes,
      selected: s.selection.nodes,
      dragging: s.dragging,
      measured: s.measured,
    })),
  );
  return useMemo(() => {
    const sel = new Set(selected);
    return nodes.map((n) => {
      const size = measured.get(n.id);
      return {
        id: n.id,
        type: n.kind,
        position: dragging?.get(n.id) ?? n.position,
        data: nodeData(n),
        selected: sel.has(n.id),
        ...(size ? { measured: size } : {}),
      };
    });
  }, [nodes, selected, dragging, measured]);
}

export function useCanvasEdges(): Edge[] {
  const { edges, selected } = useAppStore(
    useShallow((s) => ({ edges: s.flow.edges, selected: s.selection.edges })),
  );
  // Strings, so editing any other node field (or typing in the Inspector) leaves them equal and
  // does not rebuild every edge object.
  const deadLetters = useAppStore((s) => deadLetterPairs(s.flow.nodes));
  const dependencies = useAppStore((s) => dependencyIds(s.flow.nodes));
  return useMemo(() => {
    const sel = new Set(selected);
    const called = new Set(dependencies.split('\n'));
    const drawn: Edge[] = edges.map((e) => {
      // An edge into a dependency is a synchronous call, drawn apart from the paths events take.
      const call = called.has(e.target);
      const label = edgeLabel(e, call);
      return {
        id: e.id,
        source: e.source,
        target: e.target,
        selected: sel.has(e.id),
        // A marker scales with its path's stroke, which a call edge draws twice as wide.
        markerEnd: { type: MarkerType.ArrowClosed, width: call ? 8 : 16, height: call ? 8 : 16 },
        ariaLabel: `Edge from ${e.source} to ${e.target}`,
        ...(call ? { className: 'edge--call' } : {}),
        ...(label ? { label } : {}),
      };
    });
    return drawn.concat(deadLetterLinks(deadLetters));
  }, [edges, deadLetters, dependencies, selected]);
}

/** The ids of the flow's dependencies, one a line. */
function dependencyIds(nodes: readonly FlowNode[]): string {
  let ids = '';
  for (const n of nodes) if (n.kind === 'dependency') ids += `${n.id}\n`;
  return ids;
}

/** "bus\tdlq" lines for each bus whose dead-letter target exists. */
function deadLetterPairs(nodes: readonly FlowNode[]): string {
  const ids = new Set(nodes.map((n) => n.id));
  let pairs = '';
  for (const n of nodes) {
    const target = deadLetterOf(n);
    if (target !== undefined && ids.has(target)) pairs += `${n.id}\t${target}\n`;
  }
  return pairs;
}

/**
 * A bus's `deadLetter` setting drawn as a dashed link, so where failed messages end up is visible.
 * It is a view of the queue's config, not an edge of the flow: edited in the Inspector, never
 * selected or deleted on the canvas.
 */
function deadLetterLinks(pairs: string): Edge[] {
  const links: Edge[] = [];
  for (const line of pairs.split('\n')) {
    if (!line) continue;
    const [source, target] = line.split('\t') as [string, string];
    links.push({
      id: `dead-letter:${source}`,
      source,
      target,
      className: 'edge--dead-letter',
      label: 'dead letters',
      selectable: false,
      deletable: false,
      focusable: false,
      markerEnd: { type: MarkerType.ArrowClosed, width: 14, height: 14 },
      ariaLabel: `Dead letters from ${source} to ${target}`,
    });
  }
  return links;
}
