import { describe, expect, it } from 'vitest';
import type { Fault } from '../../model/faults';
import type { Flow } from '../../model/flow';
import { faultLine, faultProblem, faultTargets, newFault, withKind } from './faultEdits';

const node = (id: string, kind: 'producer' | 'queue' | 'topic' | 'handler' | 'store', label = '') =>
  ({
    id,
    kind,
    label,
    position: { x: 0, y: 0 },
    config:
      kind === 'producer'
        ? { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } }
        : kind === 'handler'
          ? { concurrency: 1, service: { dist: 'constant', value: 0.01 } }
          : {},
  }) as Flow['nodes'][number];

const flow: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'f',
  nodes: [
    node('p', 'producer'),
    node('q', 'queue', 'Jobs'),
    node('h', 'handler', 'Worker'),
    node('s', 'store'),
  ],
  edges: [
    { id: 'e1', source: 'p', target: 'q' },
    { id: 'e2', source: 'q', target: 'h' },
    { id: 'e3', source: 'h', target: 's' },
  ],
};

const ids = (kind: Fault['kind']) => faultTargets(flow, kind).map((t) => t.id);

describe('fault targets', () => {
  it('are what the model lets each kind act on', () => {
    expect(ids('crash')).toEqual(['h']);
    expect(ids('pause')).toEqual(['h']);
    expect(ids('fail')).toEqual(['h']);
    expect(ids('slow')).toEqual(['h', 'e1', 'e2', 'e3']);
    expect(ids('partition')).toEqual(['e1', 'e2', 'e3']);
    expect(ids('outage')).toEqual(['q']);
  });

  it('are named for people: a label, or source → target', () => {
    expect(faultTargets(flow, 'partition')[1]).toEqual({ id: 'e2', label: 'Jobs → Worker' });
  });
});

describe('fault edits', () => {
  it('add a crash of the first handler, a third of the way into the run, for a sixth of it', () => {
    expect(newFault(flow, 120)).toEqual({ kind: 'crash', target: 'h', at: 40, duration: 20 });
    expect(newFault(flow, 120, 'q')).toEqual({ kind: 'outage', target: 'q', at: 40, duration: 20 });
    expect(newFault(flow, 120, 's')).toBeNull();
    expect(newFault({ ...flow, nodes: [node('s', 'store')], edges: [] }, 60)).toBeNull();
  });

  it('change kind: keep a target that fits, else take the first; give slow and fail their parameter', () => {
    const crash: Fault = { kind: 'crash', target: 'h', at: 1, duration: 2 };
    expect(withKind(crash, 'slow', flow)).toEqual({ ...crash, kind: 'slow', factor: 5 });
    expect(withKind({ ...crash, kind: 'slow', factor: 3 }, 'fail', flow)).toEqual({
      ...crash,
      kind: 'fail',
      rate: 0.5,
    });
    expect(withKind(crash, 'partition', flow)).toEqual({ ...crash, kind: 'partition', target: 'e1' });
  });

  it('are refused with the model reasons, the edited field first', () => {
    const pause: Fault = { kind: 'pause', target: 'h', at: 0, duration: 10 };
    const crash: Fault = { kind: 'crash', target: 'h', at: 5, duration: 10 };
    expect(faultProblem(flow, [{ ...pause, duration: 0 }], 0, 'duration')).toMatch(/must be/);
    expect(faultProblem(flow, [pause, crash], 1, 'at')).toMatch(/cannot be paused and crashed at once/);
    expect(faultProblem(flow, [pause, { ...crash, at: 10 }], 1, 'at')).toBeNull();
    expect(faultProblem(flow, [{ ...pause, kind: 'slow' }], 0, 'factor')).toMatch(/is required/);
  });

  it('read as one line', () => {
    expect(faultLine(flow, { kind: 'partition', target: 'e2', at: 40, duration: 20 })).toBe(
      'partition · Jobs → Worker · 40 s for 20 s',
    );
  });
});
