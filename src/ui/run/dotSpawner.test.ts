import { describe, expect, it } from 'vitest';
import type { SnapshotLayout } from '../../engine/api';
import { newSnapshotArrays } from '../../engine/snapshot';
import type { SnapshotHolder } from '../../runtime/client';
import type { SnapshotMessage } from '../../runtime/protocol';
import { DotField } from './dotField';
import { DotSpawner } from './dotSpawner';

const layout: SnapshotLayout = {
  nodeIds: ['p', 'q'],
  edgeIds: ['e'],
  eventTypes: ['a'],
  partitionStart: [0, 0, 0],
};

/** Feeds snapshots of one edge's cumulative count at the given times; returns the rate after each. */
function feed(points: { time: number; count: number }[]): number[] {
  const holder: SnapshotHolder = { layout, snapshot: null, version: 0, epoch: 1 };
  const spawner = new DotSpawner();
  const dots = new DotField(64);
  const drawable = new Uint8Array([1]);
  const rates: number[] = [];
  let visual = 0;
  for (const p of points) {
    const buffers = newSnapshotArrays(layout);
    buffers.edgeTransits[0] = p.count;
    const msg: SnapshotMessage = {
      type: 'snapshot',
      time: p.time,
      events: 0,
      done: false,
      wall: 0,
      speed: 1,
      buffers,
    };
    holder.snapshot = msg;
    holder.version++;
    spawner.update(holder, dots, (visual += 33), 33, drawable);
    dots.expire(visual, 900);
    rates.push(spawner.rate[0]!);
  }
  return rates;
}

/** A Poisson stream's cumulative count at each time (seeded, so the test is repeatable). */
function poissonCounts(rate: number, times: number[], seed = 12345): number[] {
  let s = seed;
  const uniform = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  let next = -Math.log(uniform()) / rate;
  let n = 0;
  return times.map((t) => {
    while (next <= t) {
      n++;
      next += -Math.log(uniform()) / rate;
    }
    return n;
  });
}

describe('edge rate labels', () => {
  it('read the true rate after a fast run of a few snapshots far apart', () => {
    // 80/s for 60 simulated seconds, seen in 4 snapshots (a Fastest run that took a moment).
    const rates = feed([0, 15, 30, 60].map((t) => ({ time: t, count: 80 * t })));
    expect(rates.at(-1)).toBeCloseTo(80, 6);
    // 2,000/s in two snapshots.
    expect(feed([0, 60].map((t) => ({ time: t, count: 2000 * t }))).at(-1)).toBeCloseTo(2000, 6);
  });

  it('at 1× (thirty snapshots a second, one or two events each) stay within a few percent', () => {
    const times = Array.from({ length: 30 * 60 }, (_, i) => i / 30);
    const counts = poissonCounts(45, times);
    const rates = feed(times.map((time, i) => ({ time, count: counts[i]! })));
    // After the first window every reading is a 5-second average of a 45/s Poisson stream.
    const settled = rates.slice(30 * 6);
    for (const r of settled) expect(Math.abs(r / 45 - 1)).toBeLessThan(0.22);
    const mean = settled.reduce((a, b) => a + b, 0) / settled.length;
    expect(Math.abs(mean / 45 - 1)).toBeLessThan(0.05);
  });

  it('follow a change of rate within the window', () => {
    const times = Array.from({ length: 30 * 20 }, (_, i) => i / 30);
    const count = (t: number) => (t < 10 ? 100 * t : 1000 + 20 * (t - 10));
    const rates = feed(times.map((time) => ({ time, count: count(time) })));
    expect(rates[30 * 9]).toBeCloseTo(100, 0);
    expect(rates.at(-1)).toBeCloseTo(20, 0);
  });
});
