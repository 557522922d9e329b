// What the Experiment region draws and tabulates for a sweep, read from the engine's sweep
// document (never recomputed from runs): per point, end-to-end percentiles with their 95 %
// intervals, offered and achieved rates, drops and dead letters, the busiest handler, the
// queueing-theory figures where a model applies; then the points whose intervals are too wide
// to read, and the saturation knee.
import type { SweepDocument, SweepPoint } from '../../engine/experiment';
import type { Flow } from '../../model/flow';
import { predictAll } from '../run/predictions';
import { predictedMeanLatency, predictedUtilization } from './theory';

/** A figure over replications: its mean and the half-width of its 95 % interval (null without one). */
export interface Estimate {
  mean: number | null;
  half: number | null;
}

export interface PointView {
  value: number;
  /** The point's index in the document (points are shown sorted by value). */
  index: number;
  p50: Estimate;
  p95: Estimate;
  p99: Estimate;
  meanLatency: Estimate;
  /** Copies sent and copies completed per second over the whole run (the totals balance over it). */
  offered: number | null;
  achieved: number | null;
  dropped: Estimate;
  deadLettered: Estimate;
  /** The handler or dependency with the highest mean utilization, or null when there is none. */
  busiest: { id: string; label: string; utilization: Estimate } | null;
  /** Queueing theory: mean end-to-end latency, and the busiest node's utilization. */
  theory: { meanLatency: number | null; utilization: number | null };
  /** Which end-to-end percentiles have an interval wider than WIDE_SHARE of their mean, or no interval at all. */
  wide: ('p50' | 'p95' | 'p99')[];
  /** At or past saturation (see saturated()). */
  saturated: boolean;
}

/** A half-width above this share of the mean is too wide to compare points by. */
export const WIDE_SHARE = 0.25;
/** Utilization from which the busiest node counts as saturated. */
export const SATURATED_UTILIZATION = 0.95;
/** Share of what was sent that may end dropped, expired or still waiting before the flow counts as not keeping up. */
export const BACKLOG_SHARE = 0.05;

type Stat = { [k: string]: number | null };
const est = (mean: Stat, ci: Stat, key: string): Estimate => ({
  mean: mean[key] ?? null,
  half: ci[key] ?? null,
});

/** Whether an estimate's interval is too wide to read, or missing (a single replication). */
export function tooWide(e: Estimate): boolean {
  if (e.mean === null) return false;
  if (e.half === null) return true;
  return e.half > WIDE_SHARE * Math.abs(e.mean);
}

/**
 * At or past saturation: the busiest node is busy SATURATED_UTILIZATION of the time, or the flow
 * does not keep up with what it is sent (more than BACKLOG_SHARE of the copies dropped, expired,
 * or still waiting at the end). Losses to failures and dead letters are not saturation.
 */
export function saturated(p: SweepPoint): boolean {
  const t = p.mean.totals;
  const busy = busiestOf(p)?.utilization.mean ?? 0;
  if (busy >= SATURATED_UTILIZATION) return true;
  if (t.emitted === null || !(t.emitted > 0)) return false;
  const backlog = (t.dropped ?? 0) + (t.expired ?? 0) + (t.inFlight ?? 0);
  return backlog > BACKLOG_SHARE * t.emitted;
}

function busiestOf(p: SweepPoint): { id: string; utilization: Estimate } | null {
  let best: { id: string; utilization: Estimate } | null = null;
  for (const [id, n] of Object.entries(p.mean.nodes)) {
    if (n.kind !== 'handler' && n.kind !== 'dependency') continue;
    const u = n.utilization;
    if (u === null) continue;
    if (!best || u > best.utilization.mean!)
      best = { id, utilization: { mean: u, half: p.ci95.nodes[id]?.utilization ?? null } };
  }
  return best;
}

/**
 * Where the flow changes between keeping up and not, along increasing values: the first
 * saturated point when the sweep starts unsaturated (more load), or the first one that keeps up
 * when it starts saturated (more workers). Null when every point is alike.
 */
export function kneeOf(
  points: readonly Pick<PointView, 'saturated'>[],
): { index: number; kind: 'saturates' | 'keeps up' } | null {
  if (points.length < 2) return null;
  const start = points[0]!.saturated;
  const i = points.findIndex((p) => p.saturated !== start);
  if (i < 0) return null;
  return { index: i, kind: start ? 'keeps up' : 'saturates' };
}

/** The points sorted by value, with their figures; `flows` are the point flows, in the document's order. */
export function pointViews(doc: SweepDocument, flows: readonly Flow[], duration: number): PointView[] {
  const labels = new Map((flows[0]?.nodes ?? []).map((n) => [n.id, n.label || n.id]));
  return doc.points
    .map((p, index): PointView => {
      const e2eMean = p.mean.endToEnd as Stat;
      const e2eCi = p.ci95.endToEnd as Stat;
      const totals = p.mean.totals as Stat;
      const totalsCi = p.ci95.totals as Stat;
      const busiest = busiestOf(p);
      const flow = flows[index];
      const predictions = flow ? predictAll(flow) : undefined;
      const rate = (n: number | null) => (n === null || !(duration > 0) ? null : n / duration);
      const view: PointView = {
        value: p.value,
        index,
        p50: est(e2eMean, e2eCi, 'p50'),
        p95: est(e2eMean, e2eCi, 'p95'),
        p99: est(e2eMean, e2eCi, 'p99'),
        meanLatency: est(e2eMean, e2eCi, 'mean'),
        offered: rate(totals.emitted ?? null),
        achieved: rate(totals.completed ?? null),
        dropped: est(totals, totalsCi, 'dropped'),
        deadLettered: est(totals, totalsCi, 'deadLettered'),
        busiest: busiest && { ...busiest, label: labels.get(busiest.id) ?? busiest.id },
        theory: {
          meanLatency: flow ? predictedMeanLatency(flow, predictions) : null,
          utilization:
            busiest && flow ? predictedUtilization(predictions?.get(busiest.id), flow, busiest.id) : null,
        },
        wide: [],
        saturated: saturated(p),
      };
      view.wide = (['p50', 'p95', 'p99'] as const).filter((k) => tooWide(view[k]));
      return view;
    })
    .sort((a, b) => a.value - b.value || a.index - b.index);
}
