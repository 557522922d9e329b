import { describe, expect, it } from 'vitest';
import type { Flow } from '../../model/flow';
import { orderFlow } from '../../runtime/testing/flows';
import { predictAll } from './predictions';

const withQueue = (f: Flow, capacity: number | undefined, concurrency: number): Flow => {
  const q = f.nodes[1]!;
  const h = f.nodes[2]!;
  if (q.kind === 'queue') {
    if (capacity === undefined) delete q.config.capacity;
    else q.config.capacity = capacity;
  }
  if (h.kind === 'handler') h.config.concurrency = concurrency;
  return f;
};

describe('queueing-theory predictions beside handlers', () => {
  it('models a Poisson-fed queue with exponential service as M/M/c', () => {
    const p = predictAll(withQueue(orderFlow(), undefined, 2)).get('billing')!;
    expect(p.prediction.model).toBe('M/M/c');
    expect(p.load.arrivalRate).toBeCloseTo(100);
    expect(p.prediction.rho).toBeCloseTo(0.6);
    expect(p.unbounded).toBe(true);
  });

  it('flags an overloaded unbounded queue', () => {
    const p = predictAll(withQueue(orderFlow(), undefined, 1)).get('billing')!;
    expect(p.prediction.rho).toBeGreaterThanOrEqual(1);
    expect(p.prediction.stable).toBe(false);
  });

  it('gives no prediction where no closed form applies', () => {
    const f = orderFlow();
    const h = f.nodes[2]!;
    if (h.kind === 'handler') h.config.service = { dist: 'uniform', min: 0, max: 0.02 };
    expect(predictAll(f).has('billing')).toBe(false);
  });
});
