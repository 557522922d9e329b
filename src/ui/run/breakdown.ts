// Where time goes, per path: end-to-end latency = queue wait + processing + network (docs/engine.md),
// hop by hop along each path an event can take from a producer to the end of its journey, from
// the report's means. A handler's wait and service are measured. Network time on a bus → handler
// edge is measured too (the handler's sojourn is wait + transit + service, so it is sojourn − wait
// − service); on other edges it is the configured latency's mean, and marked so.
import type { NodeReport, SimulationReport } from '../../engine/api';
import type { Flow, FlowEdge, FlowNode } from '../../model/flow';
import { isBusKind } from '../../model/flow';
import { moments } from '../../model/theory';

export type NetworkSource = 'measured' | 'configured' | 'none';

export interface Network {
  seconds: number;
  source: NetworkSource;
}

export interface Hop {
  nodeId: string;
  label: string;
  /** Network time on the edge into this node. */
  network: Network;
  /** Mean wait for a worker (handlers; a bus's waiting shows in its consumer's wait). */
  wait: number;
  /** Mean processing time (handlers). */
  service: number;
  /** When this hop starts, from the event's emission (the sum of the hops before it). */
  start: number;
  total: number;
}

export interface PathTimes {
  /** Producer first. */
  nodeIds: string[];
  labels: string[];
  hops: Hop[];
  total: number;
}

/** Paths enumerated at most: a big fan-out graph has many, and the slowest is what counts. */
const MAX_PATHS = 500;

const configuredMean = (e: FlowEdge): number => (e.latency ? moments(e.latency).mean : 0);

/**
 * Network time on `edge`, measured where the report can tell it apart (a handler fed by this
 * bus → handler edge alone), else the configured latency's mean.
 */
export function networkOn(edge: FlowEdge, flow: Flow, report: SimulationReport): Network {
  if (!edge.latency) return { seconds: 0, source: 'none' };
  const byId = (id: string) => flow.nodes.find((n) => n.id === id);
  const source = byId(edge.source);
  const target = byId(edge.target);
  const r = report.nodes[edge.target];
  const onlyInput = flow.edges.filter((e) => e.target === edge.target).length === 1;
  if (source && target && r && target.kind === 'handler' && isBusKind(source.kind) && onlyInput) {
    if (r.sojourn.count > 0) return { seconds: measuredNetwork(r), source: 'measured' };
  }
  return { seconds: configuredMean(edge), source: 'configured' };
}

/** sojourn − wait − service, in means over the same completions; ≥ 0. */
export const measuredNetwork = (r: NodeReport): number =>
  Math.max(0, r.sojourn.mean - r.wait.mean - r.service.mean);

/** Network time into a node for the metrics table: one figure for all of its incoming edges. */
export function networkInto(nodeId: string, flow: Flow, report: SimulationReport): Network {
  const edges = flow.edges.filter((e) => e.target === nodeId && e.latency);
  if (!edges.length) return { seconds: 0, source: 'none' };
  if (edges.length === 1) return networkOn(edges[0]!, flow, report);
  // Several: the configured means' average (the measured split between them is unknown).
  return { seconds: edges.reduce((s, e) => s + configuredMean(e), 0) / edges.length, source: 'configured' };
}

/** Every path from a producer to the end of a journey, with its times; slowest first. */
export function pathTimes(flow: Flow, report: SimulationReport): PathTimes[] {
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const outOf = new Map<string, FlowEdge[]>();
  for (const e of flow.edges) outOf.set(e.source, [...(outOf.get(e.source) ?? []), e]);
  const paths: PathTimes[] = [];

  const hopAt = (edge: FlowEdge, node: FlowNode, start: number): Hop => {
    const network = networkOn(edge, flow, report);
    const r = report.nodes[node.id];
    const busy = node.kind === 'handler' && r && r.sojourn.count > 0;
    const wait = busy ? r.wait.mean : 0;
    const service = busy ? r.service.mean : 0;
    return {
      nodeId: node.id,
      label: node.label || node.id,
      network,
      wait,
      service,
      start,
      total: network.seconds + wait + service,
    };
  };

  const walk = (node: FlowNode, type: string, trail: FlowNode[], hops: Hop[], at: number): void => {
    if (paths.length >= MAX_PATHS) return;
    const out = node.kind === 'handler' ? (node.config.emits ?? type) : type;
    // A call to a dependency is part of the handler's service, not a hop: the journey goes on
    // (or ends) without it.
    const next = (outOf.get(node.id) ?? []).filter(
      (e) => (!e.filter || e.filter.includes(out)) && byId.get(e.target)?.kind !== 'dependency',
    );
    const onward = next.filter((e) => !trail.some((n) => n.id === e.target));
    if (node.kind === 'store' || next.length === 0 || onward.length === 0) {
      if (hops.length) {
        paths.push({
          nodeIds: trail.map((n) => n.id),
          labels: trail.map((n) => n.label || n.id),
          hops,
          total: at,
        });
      }
      return;
    }
    for (const e of onward) {
      const target = byId.get(e.target);
      if (!target) continue;
      const hop = hopAt(e, target, at);
      walk(target, out, [...trail, target], [...hops, hop], at + hop.total);
    }
  };

  for (const p of flow.nodes) {
    if (p.kind === 'producer') walk(p, p.config.eventType, [p], [], 0);
  }
  return paths.sort((a, b) => b.total - a.total);
}
