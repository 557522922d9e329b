// The words a live badge (and an exported image) gives a node, from its snapshot row.
import { describe, expect, it } from 'vitest';
import { NODE_ROW } from '../../engine/snapshot';
import { alarmText, badgeText } from './badgeText';

const F = NODE_ROW.at;
function row(values: Partial<Record<keyof typeof F, number>>): Float64Array {
  const rows = new Float64Array(NODE_ROW.size * 2);
  // The second row, so that the offset is honoured.
  for (const [k, v] of Object.entries(values)) rows[NODE_ROW.size + F[k as keyof typeof F]] = v;
  return rows;
}

describe('badge text', () => {
  it('tells a handler’s busy workers and what waits, and shows the bar only while work waits', () => {
    expect(badgeText('handler', row({ busy: 3, concurrency: 4 }), NODE_ROW.size)).toEqual({
      text: '3/4 busy',
      bar: false,
    });
    expect(badgeText('handler', row({ busy: 4, concurrency: 4, depth: 12_345 }), NODE_ROW.size)).toEqual({
      text: '4/4 busy · 12k waiting',
      bar: true,
    });
  });

  it('tells a bus’s depth against its capacity, or queued when unbounded, with the oldest age', () => {
    expect(badgeText('queue', row({ depth: 7, capacity: 500 }), NODE_ROW.size).text).toBe('7 / 500');
    expect(badgeText('topic', row({ depth: 7, capacity: Infinity, age: 2.5 }), NODE_ROW.size).text).toBe(
      '7 queued · oldest 2.5 s',
    );
    expect(badgeText('stream', row({ depth: 40 }), NODE_ROW.size).text).toBe('40 lag');
  });

  it('counts what producers sent and stores kept', () => {
    expect(badgeText('producer', row({ out: 388 }), NODE_ROW.size).text).toBe('388 sent');
    expect(badgeText('store', row({ in: 385 }), NODE_ROW.size).text).toBe('385 stored');
  });

  it('lists only the alarms that are not zero', () => {
    expect(alarmText(row({}), NODE_ROW.size)).toBe('');
    expect(alarmText(row({ dropped: 3, deadLettered: 1, timeouts: 20_000 }), NODE_ROW.size)).toBe(
      '3 dropped · 1 dead-lettered · 20k timed out',
    );
  });
});
