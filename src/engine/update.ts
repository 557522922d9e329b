// Live edits: which changes between two flows the running engine can take as they are, and which
// wait for a reset. Live: producer interarrival, handler concurrency, service and failure rate.
// Anything else (structure, buses, latencies, filters, counts…) is listed by path and applied on reset.
import type { Flow, FlowNode } from '../model/flow';
import { compileDist } from './distributions';
import type { Engine } from './engine';
import { setConcurrency } from './handler';

export interface UpdatePlan {
  live: ((engine: Engine) => void)[];
  needsReset: string[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const LIVE_FIELDS: Partial<Record<FlowNode['kind'], readonly string[]>> = {
  producer: ['interarrival'],
  handler: ['concurrency', 'service', 'failureRate'],
};

export function updatePlan(prev: Flow, next: Flow): UpdatePlan {
  const plan: UpdatePlan = { live: [], needsReset: [] };
  if (prev.nodes.length !== next.nodes.length) plan.needsReset.push('nodes');
  if (!same(prev.edges, next.edges)) plan.needsReset.push('edges');
  if (plan.needsReset.length > 0) return plan;
  next.nodes.forEach((node, i) => {
    const old = prev.nodes[i]!;
    if (old.id !== node.id || old.kind !== node.kind) {
      plan.needsReset.push(`nodes[${i}]`);
      return;
    }
    const live = LIVE_FIELDS[node.kind] ?? [];
    const oldConfig = old.config as Record<string, unknown>;
    const newConfig = node.config as Record<string, unknown>;
    const keys = new Set([...Object.keys(oldConfig), ...Object.keys(newConfig)]);
    for (const key of keys) {
      if (same(oldConfig[key], newConfig[key])) continue;
      if (!live.includes(key)) plan.needsReset.push(`nodes[${i}].config.${key}`);
    }
    if (node.kind === 'producer' && !same(old.config.interarrival, node.config.interarrival)) {
      const d = compileDist(node.config.interarrival);
      plan.live.push((e) => (e.t.interarrival[i] = d));
    }
    if (node.kind === 'handler' && old.kind === 'handler') {
      const c = node.config;
      if (c.concurrency !== old.config.concurrency)
        plan.live.push((e) => setConcurrency(e, i, c.concurrency));
      if (!same(c.service, old.config.service)) {
        const d = compileDist(c.service);
        plan.live.push((e) => (e.t.service[i] = d));
      }
      if (c.failureRate !== old.config.failureRate)
        plan.live.push((e) => (e.t.failureRate[i] = c.failureRate ?? 0));
    }
  });
  return plan;
}
