import { describe, expect, it } from 'vitest';
import { checkEventArg, EV, EVENT_KIND_BITS, eventArg, eventCode, eventKind, MAX_EVENT_ARG } from './events';
import { EventHeap } from './heap';

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

describe('EventHeap take and replace', () => {
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
