// Generated flows for the UI benchmark: chains of producer → queue → handler → store laid out
// in a grid, so the app and the bare React Flow page draw the same nodes in the same places.
import type { Flow, FlowEdge, FlowNode } from '../../src/model/flow';

const CHAIN = 4;
const CELL_W = 260;
const CELL_H = 120;
/** Chains per grid row: keeps the graph roughly as wide as it is tall. */
const chainsPerRow = (n: number): number => Math.max(1, Math.round(Math.sqrt(n / CHAIN) / 1.4));

export function generatedFlow(nodes: number): Flow {
  const chains = Math.ceil(nodes / CHAIN);
  const perRow = chainsPerRow(nodes);
  const flowNodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  for (let c = 0; c < chains; c++) {
    const x0 = (c % perRow) * CHAIN * CELL_W;
    const y = Math.floor(c / perRow) * CELL_H;
    const at = (k: number) => ({ x: x0 + k * CELL_W, y });
    const id = (k: string) => `${k}${c}`;
    flowNodes.push(
      {
        id: id('p'),
        kind: 'producer',
        label: `Producer ${c}`,
        position: at(0),
        config: {
          eventType: c % 2 ? 'order.placed' : 'user.signed-up',
          interarrival: { dist: 'exponential', mean: 0.05 },
        },
      },
      { id: id('q'), kind: 'queue', label: `Queue ${c}`, position: at(1), config: { capacity: 200 } },
      {
        id: id('h'),
        kind: 'handler',
        label: `Handler ${c}`,
        position: at(2),
        config: { concurrency: 2, service: { dist: 'exponential', mean: 0.08 } },
      },
      { id: id('s'), kind: 'store', label: `Store ${c}`, position: at(3), config: {} },
    );
    edges.push(
      { id: `e${c}a`, source: id('p'), target: id('q') },
      { id: `e${c}b`, source: id('q'), target: id('h') },
      { id: `e${c}c`, source: id('h'), target: id('s'), latency: { dist: 'constant', value: 0.01 } },
    );
  }
  return {
    format: 'eventflow',
    version: 2,
    name: `Generated ${nodes} nodes`,
    nodes: flowNodes.slice(0, nodes),
    edges: edges.filter((e) => flowNodes.slice(0, nodes).some((n) => n.id === e.target)),
    settings: { seed: 1, duration: 3600 },
  };
}
