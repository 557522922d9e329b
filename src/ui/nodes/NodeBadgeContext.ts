// Live badges on canvas nodes. Every node renders the component held here (if any) with its id,
// so the run-time layer can show per-node live figures without touching the node components:
//   <NodeBadgeContext value={MyLiveBadge}> … canvas … </NodeBadgeContext>
// The component should subscribe to its own data (a ref or a narrow store selector) so a tick
// re-renders only the badges, never the graph.
import { type ComponentType, createContext } from 'react';

export type NodeBadgeComponent = ComponentType<{ nodeId: string }>;
export const NodeBadgeContext = createContext<NodeBadgeComponent | null>(null);
