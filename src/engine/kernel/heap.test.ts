import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { EventHeap } from './heap';
import { Fifo } from './fifo';

describe('EventHeap', () => {
  it('pops by time, and events at equal times in the order they were scheduled', () => {
    const h = new EventHeap(2);
    const rng = new Rng(1);
    const pushed: [number, number][] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(rng.next() * 50);
      h.push(t, i);
      pushed.push([t, i]);
    }
    const popped: number[] = [];
    while (h.size > 0) {
      popped.push(h.peekCode());
      h.pop();
    }
    const expected = [...pushed].sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((p) => p[1]);
    expect(popped).toEqual(expected);
    expect(h.peekTime()).toBe(Infinity);
  });
});

describe('Fifo', () => {
  it('keeps order across growth and wrap-around, and removes from the middle', () => {
    const f = new Fifo(2);
    const model: number[] = [];
    for (let i = 0; i < 1000; i++) {
      f.push(i);
      model.push(i);
      if (i % 3 === 0) expect(f.shift()).toBe(model.shift());
    }
    expect(f.removeAt(5)).toBe(model.splice(5, 1)[0]);
    expect(Array.from({ length: f.length }, (_, i) => f.at(i))).toEqual(model);
  });
});
