// The Experiment region's pure parts: which fields a sweep can vary (each accepted by the engine's
// applySweepValue), values from a list or a range, objectives' metrics (each a valid path) and
// units, the knee, the too-wide flag, and the queueing-theory line against a sweep of an M/M/c.
import { describe, expect, it } from 'vitest';
import {
  applySweepValue,
  pointFlows,
  sweepDocument,
  unitsOf,
  type SweepPoint,
} from '../../engine/experiment';
import { parseFlow } from '../../model/validate';
import { metricPathProblem } from '../../model/slo';
import type { Flow } from '../../model/flow';
import { TEMPLATES } from '../../io/templates';
import { blockLoopFlow, orderFlow } from '../../runtime/testing/flows';
import { inProcessSweepWorker } from '../../runtime/testing/sweepPorts';
import { createSweepPool } from '../../runtime/sweepPool';
import { createAppStore } from '../../store/createAppStore';
import { startSweep } from './experimentActions';
import { ranUnit } from '../../engine/testing/sweeps';
import { fieldOption, LOAD_FIELD, parseValues, suggestedValues, sweepFields } from './sweepFields';
import { kneeOf, pointViews, saturated, tooWide } from './sweepAnalysis';
import { firstOp, isTimeMetric, metricOptions, newSlo, targetUnit, withOp } from './sloMetrics';
import { predictedMeanLatency } from './theory';
import { sweepCsv } from './sweepExport';

const template = (id: string): Flow => {
  const r = parseFlow(TEMPLATES.find((t) => t.id === id)!.json);
  if (!r.ok) throw new Error('template does not load');
  return r.flow;
};

describe('sweep fields', () => {
  it('lists the load, every number of every node and connection, and optional numbers left out', () => {
    const fields = sweepFields(orderFlow());
    expect(fields[0]).toBe(LOAD_FIELD);
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'nodes.orders.config.interarrival.mean',
        'nodes.q.config.capacity',
        'nodes.q.config.maxDeliveries',
        'nodes.billing.config.concurrency',
        'nodes.billing.config.service.mean',
        'nodes.billing.config.failureRate',
        'edges.e2.latency.value',
        'edges.e2.prefetch',
      ]),
    );
    expect(paths).not.toContain('nodes.orders.config.eventType');
    const concurrency = fields.find((f) => f.path === 'nodes.billing.config.concurrency')!;
    expect(concurrency).toMatchObject({ label: 'Billing · concurrency', current: 2, whole: true, unit: '' });
    expect(fieldOption(concurrency)).toBe('Billing · concurrency (2)');
    const mean = fields.find((f) => f.path === 'nodes.billing.config.service.mean')!;
    expect(mean).toMatchObject({ label: 'Billing · service mean', unit: 's', whole: false });
    expect(fieldOption(mean)).toBe('Billing · service mean (12 ms)');
    expect(fieldOption(fields.find((f) => f.path === 'nodes.billing.config.failureRate')!)).toBe(
      'Billing · failure rate (default)',
    );
    expect(fields.find((f) => f.path === 'edges.e2.latency.value')!.group).toBe('Order queue → Billing');
  });

  it('offers only fields the engine can sweep, in every template', () => {
    for (const t of TEMPLATES) {
      const flow = template(t.id);
      for (const f of sweepFields(flow)) {
        const value = f.current === null || !Number.isFinite(f.current) ? (f.whole ? 3 : 0.5) : f.current;
        const r = applySweepValue(flow, f.path, value);
        expect(r.ok ? null : r.message, `${t.id}: ${f.path}`).toBeNull();
      }
    }
  });

  it('suggests values around the current one, which parse as the CLI reads them', () => {
    const fields = sweepFields(orderFlow());
    const get = (p: string) => fields.find((f) => f.path === p)!;
    expect(suggestedValues(LOAD_FIELD)).toMatchObject({
      mode: 'range',
      from: '0.5',
      to: '1.5',
      step: '0.25',
    });
    const c = suggestedValues(get('nodes.billing.config.concurrency'));
    expect(parseValues(c)).toEqual({ ok: true, values: [1, 2, 3, 4, 5, 6] });
    const mean = suggestedValues(get('nodes.billing.config.service.mean'));
    expect(parseValues(mean)).toEqual({ ok: true, values: [0.006, 0.009, 0.012, 0.015, 0.018] });
    expect(parseValues(suggestedValues(get('nodes.billing.config.failureRate')))).toMatchObject({
      ok: true,
      values: [0, 0.01, 0.02, 0.05, 0.1],
    });
    expect(parseValues({ mode: 'list', list: ' ', from: '', to: '', step: '' })).toMatchObject({ ok: false });
    expect(parseValues({ mode: 'list', list: '1, x', from: '', to: '', step: '' })).toEqual({
      ok: false,
      message: '" x" is not a number',
    });
    expect(parseValues({ mode: 'range', list: '', from: '4', to: '1', step: '1' })).toMatchObject({
      ok: false,
      message: 'TO (1) is less than FROM (4)',
    });
  });
});

describe('objectives', () => {
  it('suggests only metric paths the report has, for every template', () => {
    for (const t of TEMPLATES) {
      const flow = template(t.id);
      const ids = flow.nodes.map((n) => n.id);
      for (const m of metricOptions(flow)) expect(metricPathProblem(m.path, ids), m.path).toBeNull();
    }
    expect(
      metricOptions(orderFlow())
        .slice(0, 3)
        .map((m) => m.label),
    ).toEqual(['End-to-end p50', 'End-to-end p95', 'End-to-end p99']);
  });

  it('enters times in ms and other figures as they are', () => {
    expect(isTimeMetric('endToEnd.p99')).toBe(true);
    expect(isTimeMetric('endToEnd.count')).toBe(false);
    expect(isTimeMetric('nodes.a.b.wait.p95')).toBe(true);
    expect(isTimeMetric('nodes.q.queueDepth.max')).toBe(false);
    expect(targetUnit('nodes.billing.sojourn.mean')).toEqual({ unit: 'ms', scale: 1000 });
    expect(targetUnit('nodes.billing.utilization')).toEqual({ unit: '0–1', scale: 1 });
    expect(targetUnit('totals.dropped')).toEqual({ unit: '', scale: 1 });
  });

  it('changes the comparison and keeps the target and the others', () => {
    expect(firstOp({ metric: 'm', gte: 1, lt: 2 })).toBe('lt');
    expect(withOp({ metric: 'm', lt: 0.1 }, 'lte')).toEqual({ metric: 'm', lte: 0.1 });
    expect(withOp({ metric: 'm', lt: 0.1, gt: 0 }, 'gte')).toEqual({ metric: 'm', gte: 0.1, gt: 0 });
    expect(newSlo([])).toEqual({ metric: 'endToEnd.p99', lt: 0.1 });
    expect(newSlo([{ metric: 'endToEnd.p99', lt: 1 }]).metric).toBe('endToEnd.p95');
  });
});

const point = (over: { util?: number; emitted?: number; dropped?: number; inFlight?: number }): SweepPoint =>
  ({
    value: 1,
    seeds: [1],
    mean: {
      nodes: { h: { kind: 'handler', utilization: over.util ?? 0.5 } },
      endToEnd: {},
      totals: {
        emitted: over.emitted ?? 1000,
        dropped: over.dropped ?? 0,
        expired: 0,
        inFlight: over.inFlight ?? 0,
      },
    },
    ci95: { nodes: { h: { utilization: 0.01 } }, endToEnd: {}, totals: {} },
  }) as unknown as SweepPoint;

describe('reading a sweep', () => {
  it('calls a point saturated when its busiest node is at 95 % or more of what is sent does not get through', () => {
    expect(saturated(point({ util: 0.94 }))).toBe(false);
    expect(saturated(point({ util: 0.95 }))).toBe(true);
    expect(saturated(point({ dropped: 40, inFlight: 10 }))).toBe(false);
    expect(saturated(point({ dropped: 40, inFlight: 11 }))).toBe(true);
  });

  it('marks the knee where the flow changes between keeping up and not, either way', () => {
    const s = (...xs: boolean[]) => xs.map((saturated) => ({ saturated }));
    expect(kneeOf(s(false, false, true, true))).toEqual({ index: 2, kind: 'saturates' });
    expect(kneeOf(s(true, true, false))).toEqual({ index: 2, kind: 'keeps up' });
    expect(kneeOf(s(false, false))).toBeNull();
    expect(kneeOf(s(true))).toBeNull();
  });

  it('flags an interval wider than a quarter of its mean, or none at all', () => {
    expect(tooWide({ mean: 0.1, half: 0.025 })).toBe(false);
    expect(tooWide({ mean: 0.1, half: 0.026 })).toBe(true);
    expect(tooWide({ mean: 0.1, half: null })).toBe(true);
    expect(tooWide({ mean: null, half: null })).toBe(false);
  });

  it('reads the engine document: sorted by value, the busiest handler, theory where a model applies', () => {
    // orderFlow: 100/s into an M/M/c with 12 ms service and 2 ms of network time (a constant
    // latency on the bus → handler edge holds the delivery slot too).
    const flow = orderFlow();
    const spec = { path: 'nodes.billing.config.concurrency', values: [4, 1, 2] };
    const flows = pointFlows(flow, spec);
    if (!flows.ok) throw new Error(flows.message);
    const settings = { duration: 200, warmup: 20 };
    const results = unitsOf(3, 4, 3).map((unit) => ranUnit(flows.flows[unit.point]!, unit, settings));
    const doc = sweepDocument(spec, 4, 3, results, [{ metric: 'endToEnd.p99', lt: 0.1 }]);
    const views = pointViews(doc, flows.flows, settings.duration);
    expect(views.map((v) => [v.value, v.index])).toEqual([
      [1, 1],
      [2, 2],
      [4, 0],
    ]);
    const [one, two, four] = views as [(typeof views)[0], (typeof views)[0], (typeof views)[0]];
    // One worker at ρ = 1.4: saturated, no steady state to predict.
    expect(one.saturated).toBe(true);
    expect(one.theory.meanLatency).toBeNull();
    expect(one.busiest).toMatchObject({ id: 'billing', label: 'Billing' });
    expect(two.saturated).toBe(false);
    expect(kneeOf(views)).toEqual({ index: 1, kind: 'keeps up' });
    // Theory against the measured mean, within its interval widened a little.
    for (const v of [two, four]) {
      const theory = v.theory.meanLatency!;
      expect(Math.abs(v.meanLatency.mean! - theory)).toBeLessThan(2 * v.meanLatency.half! + 0.02 * theory);
      expect(Math.abs(v.busiest!.utilization.mean! - v.theory.utilization!)).toBeLessThan(0.02);
    }
    expect(four.offered).toBeCloseTo(100, -1);
    expect(four.wide).toEqual([]);

    const csv = sweepCsv(doc, views, spec.path).trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv[0]!.split(',').slice(0, 3)).toEqual(['field', 'value', 'replications']);
    expect(csv[1]!.split(',').slice(0, 3)).toEqual([spec.path, '4', '4']);
    expect(csv[2]!.split(',').at(-1)).toBe('no');
  });

  it('predicts the mean end to end only where every path has a model and their mix is known', () => {
    // orderFlow: 2 ms latency + Erlang C wait + 12 ms service.
    expect(predictedMeanLatency(orderFlow())).toBeGreaterThan(0.014);
    // The work queue's failures are redelivered into its queue: no model.
    expect(predictedMeanLatency(template('work-queue'))).toBeNull();
  });
});

describe('a run a guard stops', () => {
  it('reaches the region as an error naming the field, its value, the seed and the reason', async () => {
    const store = createAppStore(blockLoopFlow(100));
    store.getState().setExperiment({
      path: 'nodes.qa.config.capacity',
      values: { mode: 'list', list: '100, 1', from: '', to: '', step: '' },
      replications: 2,
    });
    const pool = createSweepPool(inProcessSweepWorker, 2);
    await startSweep(store, pool);
    const { experimentProblem, experimentTask, sweepRecord } = store.getState();
    expect(experimentTask).toBeNull();
    expect(sweepRecord).toBeNull();
    expect(experimentProblem?.tone).toBe('error');
    expect(experimentProblem?.text).toMatch(
      /^qa · capacity = 1: the run with seed [12] stopped at [\d.]+ ms of 20 s\. Deadlock by t = .* The sweep has no result: a stopped run covers only part of its time, so it is not averaged in\./,
    );
    pool.destroy();
  });
});
