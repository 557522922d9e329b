import { describe, expect, it } from 'vitest';
import type { NodeReport } from '../../engine/api';
import { NODE_ROW } from '../../engine/snapshot';
import { callFigures, callRowAt } from './callFigures';

const stats = { count: 0, mean: 0, p50: 0, p95: 0, p99: 0, max: 0 };
const node: NodeReport = {
  kind: 'handler',
  in: 10,
  out: 10,
  dropped: 0,
  failed: 0,
  lost: 0,
  deadLettered: 0,
  redelivered: 0,
  throughput: 1,
  utilization: 0.5,
  queueDepth: { mean: 0, max: 0 },
  wait: stats,
  service: stats,
  sojourn: stats,
  expired: 0,
  duplicates: 0,
  age: { mean: 0, max: 0 },
};

describe('call figures', () => {
  it('are read from a report that has them', () => {
    expect(callFigures({ ...node, calls: 20, attempts: 23, timeouts: 2 } as NodeReport)).toEqual({
      calls: 20,
      attempts: 23,
      timeouts: 2,
    });
  });

  it('are absent from a report without them, or with only some', () => {
    expect(callFigures(node)).toBeNull();
    expect(callFigures({ ...node, calls: 20 } as NodeReport)).toBeNull();
  });

  it('sit in the snapshot row at the position NODE_ROW gives their name, when it has them', () => {
    const names: readonly string[] = NODE_ROW.names;
    for (const name of ['calls', 'attempts', 'timeouts'] as const) {
      const at = callRowAt(name);
      if (at === undefined) expect(names).not.toContain(name);
      else expect(names[at]).toBe(name);
    }
  });
});
