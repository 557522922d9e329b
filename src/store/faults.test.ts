import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { parseFlow } from '../model/validate';
import { createAppStore } from './createAppStore';

const flow = (): Flow => ({
  format: 'eventflow',
  version: 2,
  name: 'Faults',
  nodes: [
    {
      id: 'producer-1',
      kind: 'producer',
      label: 'Producer 1',
      position: { x: 0, y: 0 },
      config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
    },
    { id: 'queue-1', kind: 'queue', label: 'Queue 1', position: { x: 300, y: 0 }, config: {} },
    {
      id: 'handler-1',
      kind: 'handler',
      label: 'Handler 1',
      position: { x: 600, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
    },
  ],
  edges: [
    { id: 'e1', source: 'producer-1', target: 'queue-1' },
    { id: 'e2', source: 'queue-1', target: 'handler-1' },
  ],
});

const crash = { kind: 'crash', target: 'handler-1', at: 10, duration: 5 } as const;
const outage = { kind: 'outage', target: 'queue-1', at: 20, duration: 5 } as const;

describe('faults in the flow document', () => {
  it('are set as one undo step each; none at all leaves no key', () => {
    const store = createAppStore(flow());
    store.getState().setFaults([crash]);
    store.getState().setFaults([crash, outage]);
    store.getState().setFaults([crash, outage]); // no change: no step
    expect(store.getState().flow.faults).toEqual([crash, outage]);
    store.temporal.getState().undo();
    expect(store.getState().flow.faults).toEqual([crash]);
    store.getState().setFaults([]);
    expect(store.getState().flow).not.toHaveProperty('faults');
    expect(store.temporal.getState().pastStates).toHaveLength(2);
  });

  it('go with the node or connection they aim at, so the document stays valid', () => {
    const store = createAppStore(flow());
    store.getState().setFaults([crash, outage, { kind: 'partition', target: 'e2', at: 1, duration: 1 }]);
    store.getState().deleteElements({ nodes: ['handler-1'], edges: [] });
    expect(store.getState().flow.faults).toEqual([outage]);
    expect(parseFlow(JSON.parse(JSON.stringify(store.getState().flow))).ok).toBe(true);
    store.getState().deleteElements({ nodes: ['queue-1'], edges: [] });
    expect(store.getState().flow).not.toHaveProperty('faults');
  });

  it('bring the Faults tab forward, and selecting something brings the Inspector back', () => {
    const store = createAppStore(flow());
    store.getState().showSideTab('faults', 0);
    expect(store.getState()).toMatchObject({ sideTab: 'faults', faultFocus: 0 });
    store.getState().setSelection({ nodes: [], edges: [] });
    expect(store.getState().sideTab).toBe('faults');
    store.getState().setSelection({ nodes: ['queue-1'], edges: [] });
    expect(store.getState().sideTab).toBe('inspector');
  });
});
