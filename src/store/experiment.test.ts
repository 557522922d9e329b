// Objectives are part of the document (one undo step per edit); the sweep's setup, its results
// and a pinned baseline are not, and the baseline survives loading another flow.
import { describe, expect, it } from 'vitest';
import type { SimulationReport } from '../engine/api';
import { orderFlow } from '../runtime/testing/flows';
import { createAppStore } from './createAppStore';
import { emptyFlow } from './slices/flowSlice';

const series = () => ({
  time: new Float64Array(0),
  throughput: new Float64Array(0),
  p50: new Float64Array(0),
  p95: new Float64Array(0),
  p99: new Float64Array(0),
  depth: [],
  depthLabels: [],
});

describe('objectives, experiments and the baseline in the store', () => {
  it('edits objectives one undo step at a time; no objectives leaves no key', () => {
    const store = createAppStore(orderFlow());
    const { setSlos } = store.getState();
    setSlos([{ metric: 'endToEnd.p99', lt: 0.1 }]);
    setSlos([{ metric: 'endToEnd.p99', lt: 0.1 }]);
    setSlos([{ metric: 'endToEnd.p99', lt: 0.2 }]);
    expect(store.temporal.getState().pastStates).toHaveLength(2);
    store.temporal.getState().undo();
    expect(store.getState().flow.slos).toEqual([{ metric: 'endToEnd.p99', lt: 0.1 }]);
    setSlos([]);
    expect('slos' in store.getState().flow).toBe(false);
  });

  it('keeps the sweep setup, its progress and a pinned baseline out of history; the baseline outlives the flow', () => {
    const store = createAppStore(orderFlow());
    const s = store.getState();
    s.setExperiment({ path: 'nodes.billing.config.concurrency', replications: 3 });
    s.beginTask('sweep', 9);
    s.progressTask(4, 9);
    expect(store.getState().experimentTask).toEqual({ kind: 'sweep', done: 4, total: 9, value: null });
    s.failTask({ tone: 'info', text: 'Cancelled after 4 of 9 runs.' });
    expect(store.getState().experimentTask).toBeNull();
    const report = { seed: 1, duration: 60 } as SimulationReport;
    s.pinBaseline({ report, series: series(), flowName: 'orders', labels: {} });
    store.getState().replaceFlow(emptyFlow('other'));
    expect(store.getState().baseline?.report).toBe(report);
    expect(store.getState().experiment.replications).toBe(3);
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.getState().clearBaseline();
    expect(store.getState().baseline).toBeNull();
  });
});
