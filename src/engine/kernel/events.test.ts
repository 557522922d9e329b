import { describe, expect, it } from 'vitest';
import { checkEventArg, EV, EVENT_KIND_BITS, eventArg, eventCode, eventKind, MAX_EVENT_ARG } from './events';
import { EventHeap, PastEventError } from './heap';

describe('event codes', () => {
  const kinds = Object.values(EV);

  it('every kind is distinct and fits the kind bits, with room for more', () => {
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const k of kinds) expect(k).toBeLessThan(1 << EVENT_KIND_BITS);
    expect(kinds.length).toBeLessThan(1 << EVENT_KIND_BITS);
  });

  it('decodes what it encodes, for every kind, up to the largest argument', () => {
    for (const kind of kinds) {
      for (const arg of [0, 1, 7, 8, 1000, 123_456_789, MAX_EVENT_ARG]) {
        const code = eventCode(kind, arg);
        expect(code).toBeGreaterThanOrEqual(0);
        expect(code).toBeLessThanOrEqual(2 ** 31 - 1);
        expect([eventKind(code), eventArg(code)]).toEqual([kind, arg]);
      }
    }
  });

  it('refuses to number more things than a code can carry', () => {
    expect(() => checkEventArg(MAX_EVENT_ARG + 1, 'messages')).not.toThrow();
    expect(() => checkEventArg(MAX_EVENT_ARG + 2, 'messages')).toThrow(
      /more messages than the engine can number/,
    );
  });
});

describe('EventHeap guards the order of time', () => {
  it('refuses an event before the running one, and a time that is not a number', () => {
    const h = new EventHeap();
    h.push(5, 1);
    h.push(9, 2);
    h.take(); // the event at 5 runs
    expect(() => h.push(4.999, 3)).toThrow(PastEventError);
    expect(() => h.push(Number.NaN, 3)).toThrow(PastEventError);
    h.push(5, 3); // now is allowed
    h.settle();
    expect([h.peekTime(), h.peekCode()]).toEqual([5, 3]);
  });

  it('refuses an event before a time the clock moved to with nothing due', () => {
    const h = new EventHeap();
    h.advanceTo(10);
    expect(() => h.push(9, 1)).toThrow(/scheduled at t = 9, before the current time 10/);
    h.push(10, 1);
    expect(h.size).toBe(1);
  });

  it('take and push in its place give the same order as pop then push', () => {
    const a = new EventHeap(2);
    const b = new EventHeap(2);
    const times = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    times.forEach((t, i) => {
      a.push(t, i);
      b.push(t, i);
    });
    const order = (h: EventHeap, replace: boolean): number[] => {
      const out: number[] = [];
      let next = 100;
      while (h.size > 0) {
        const t = h.peekTime();
        out.push(h.peekCode());
        if (replace) {
          h.take();
          if (next < 110) h.push(t + 1, next++);
          h.settle();
        } else {
          h.pop();
          if (next < 110) h.push(t + 1, next++);
        }
      }
      return out;
    };
    expect(order(a, true)).toEqual(order(b, false));
  });
});
