import { describe, expect, it } from 'vitest';
import type { Flow } from './flow';
import { consumerGroups, hottestPartition, ownedPartitions, partitionOwner } from './partitions';

const at = { x: 0, y: 0 };
const handler = (id: string, concurrency: number, label?: string) => ({
  id,
  kind: 'handler' as const,
  position: at,
  ...(label ? { label } : {}),
  config: { concurrency, service: { dist: 'constant' as const, value: 0.01 } },
});

const flow: Flow = {
  format: 'eventflow',
  version: 2,
  name: 'groups',
  nodes: [
    { id: 's', kind: 'stream', position: at, config: { partitions: 6 } },
    handler('billing', 4, 'Billing group'),
    handler('search', 8),
    { id: 'archive', kind: 'store', position: at, config: {} },
  ],
  edges: [
    { id: 'e1', source: 's', target: 'billing' },
    { id: 'e2', source: 's', target: 'archive' },
    { id: 'e3', source: 's', target: 'search' },
    { id: 'e4', source: 'billing', target: 'archive' },
  ],
};

describe('stream partition ownership', () => {
  it('makes each connection to a handler a consumer group of its concurrency', () => {
    expect(consumerGroups(flow, 's')).toEqual([
      { edgeId: 'e1', handlerId: 'billing', label: 'Billing group', workers: 4 },
      { edgeId: 'e3', handlerId: 'search', label: 'search', workers: 8 },
    ]);
    expect(consumerGroups(flow, 'billing')).toEqual([]);
  });

  it('assigns partitions round robin: worker i of c owns i, i + c, …', () => {
    expect([0, 1, 2, 3, 4, 5].map((p) => partitionOwner(p, 4))).toEqual([0, 1, 2, 3, 0, 1]);
    expect(ownedPartitions(1, 4, 6)).toEqual([1, 5]);
    expect(ownedPartitions(3, 4, 6)).toEqual([3]);
    // More workers than partitions: the extra ones own nothing.
    expect(ownedPartitions(7, 8, 6)).toEqual([]);
    // Every partition has exactly one owner in a group.
    for (const c of [1, 3, 4, 7]) {
      const all = Array.from({ length: c }, (_, w) => ownedPartitions(w, c, 12)).flat();
      expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, p) => p));
    }
  });

  it('finds the hottest partition, the first of equals, or none', () => {
    expect(hottestPartition([0, 3, 9, 9, 1])).toBe(2);
    expect(hottestPartition(new Float64Array([5, 0, 0]))).toBe(0);
    expect(hottestPartition([0, 0, 0])).toBe(-1);
    expect(hottestPartition([])).toBe(-1);
  });
});
