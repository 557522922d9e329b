// A flow under construction: nodes and edges with readable, unique ids. Positions are set by
// layout.ts once the graph is complete.
import type { ConfigOf, Flow, FlowEdge, FlowNode, Kind } from '../../model/flow';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../../model/limits';

/** A node of any kind before it has an id and a place. */
export type NewNode = { [K in Kind]: { kind: K; label?: string; config: ConfigOf<K> } }[Kind];

export class Graph {
  readonly nodes: FlowNode[] = [];
  readonly edges: FlowEdge[] = [];
  private readonly ids = new Set<string>();
  private edgeCount = 0;

  /** Adds a node with an id made from its label ("Billing API" → "billing-api"), unique in the flow. */
  add(node: NewNode): FlowNode {
    const label = node.label === undefined ? undefined : node.label.slice(0, MAX_TEXT_LENGTH);
    const id = this.uniqueId(slug(label ?? '') || node.kind);
    const full = { ...node, ...(label !== undefined && { label }), id, position: { x: 0, y: 0 } } as FlowNode;
    this.nodes.push(full);
    return full;
  }

  /** Connects two nodes once; a second connection between the same pair is the same edge. */
  connect(source: string, target: string): FlowEdge {
    const existing = this.edges.find((e) => e.source === source && e.target === target);
    if (existing) return existing;
    const edge = { id: `e${++this.edgeCount}`, source, target };
    this.edges.push(edge);
    return edge;
  }

  remove(edge: FlowEdge): void {
    const i = this.edges.indexOf(edge);
    if (i >= 0) this.edges.splice(i, 1);
  }

  node(id: string): FlowNode {
    return this.nodes.find((n) => n.id === id)!;
  }

  toFlow(name: string): Flow {
    return { format: 'eventflow', version: 2, name, nodes: this.nodes, edges: this.edges };
  }

  private uniqueId(base: string): string {
    const stem = base.slice(0, MAX_ID_LENGTH - 6);
    let id = stem;
    for (let n = 2; this.ids.has(id); n++) id = `${stem}-${n}`;
    this.ids.add(id);
    return id;
  }
}

/** "Website Backend (replies)" → "website-backend-replies"; "user/signedup" → "user-signedup". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^(.{0,80})(-.*)?$/s, '$1')
    .slice(0, 80);
}

/** A label as people read it in a message. */
export const named = (n: { id: string; label?: string | undefined }): string => `"${n.label || n.id}"`;
