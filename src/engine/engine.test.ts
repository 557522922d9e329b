// The event loop refuses to run time backwards: an event scheduled in the past fails loudly.
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './api';
import { Engine } from './engine';
import { EV, eventCode } from './kernel/events';
import { PastEventError } from './kernel/heap';
import { mmc } from './testing/models';
import { compileTopology } from './topology';

const engine = () =>
  new Engine(compileTopology(mmc(0.8, 1)), {
    seed: 1,
    duration: 100,
    warmup: 0,
    seriesInterval: 0,
    limits: DEFAULT_LIMITS,
  });

describe('the run loop', () => {
  it('throws on an event scheduled before the current time, naming both times', () => {
    const eng = engine();
    eng.run(10, Infinity);
    expect(eng.now).toBe(10);
    eng.heap.push(5, eventCode(EV.produce, 0));
    expect(() => eng.run(20, Infinity)).toThrow(PastEventError);
    expect(() => eng.run(20, Infinity)).toThrow('scheduled at t = 5, before the current time 10');
  });

  it('throws on an event at a time that is not a number', () => {
    const eng = engine();
    eng.run(10, Infinity);
    eng.heap.push(Number.NaN, eventCode(EV.produce, 0));
    expect(() => eng.run(20, Infinity)).toThrow(PastEventError);
  });

  it('runs events at the current time', () => {
    const eng = engine();
    eng.run(10, Infinity);
    eng.heap.push(10, eventCode(EV.produce, 0));
    expect(() => eng.run(20, Infinity)).not.toThrow();
  });
});
