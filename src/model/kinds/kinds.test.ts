import { describe, expect, it } from 'vitest';
import { kindProblem } from '../connect';
import { FIELD_DEFAULTS, newConfig } from '../defaults';
import { BUS_KINDS, configSchemas } from '../flow';
import { summarize } from '../summary';
import { parseFlow } from '../validate';
import { KINDS, MODEL_KINDS } from '.';

describe('model kind registry', () => {
  it('has one module per kind, filed under its own name', () => {
    expect(Object.keys(MODEL_KINDS)).toEqual([...KINDS]);
    for (const k of KINDS) expect(MODEL_KINDS[k].kind).toBe(k);
  });

  it('gives every kind a runnable starting config that its schema accepts, fresh each time', () => {
    const nodes = KINDS.map((kind) => ({
      id: kind,
      kind,
      position: { x: 0, y: 0 },
      config: newConfig(kind),
    }));
    const parsed = parseFlow({ format: 'eventflow', version: 1, name: 'all kinds', nodes, edges: [] });
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
    for (const k of KINDS) expect(newConfig(k)).not.toBe(newConfig(k));
  });

  it('documents defaults only for fields of the kind, and a field two kinds share means the same', () => {
    for (const k of KINDS) {
      const fields = Object.keys(configSchemas[k].shape);
      for (const [field, value] of Object.entries(MODEL_KINDS[k].fieldDefaults)) {
        expect(fields, `${k}.${field}`).toContain(field);
        expect(FIELD_DEFAULTS[field as keyof typeof FIELD_DEFAULTS], `${k}.${field}`).toEqual(value);
      }
    }
  });

  it('summarizes each kind in one line', () => {
    const summary = (kind: (typeof KINDS)[number], config: object) =>
      summarize({ id: 'n', kind, position: { x: 0, y: 0 }, config } as Parameters<typeof summarize>[0]);
    expect(summary('producer', { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.0125 } })).toBe(
      'Poisson 80/s',
    );
    expect(summary('queue', newConfig('queue'))).toBe('cap 1,000 · drop newest');
    expect(summary('queue', { delivery: 'at-most-once' })).toBe('unbounded · at most once');
    expect(summary('topic', {})).toBe('pub/sub');
    // Leases and expiry change what a bus does to slow consumers: the canvas says so.
    expect(summary('queue', { lease: 30, ttl: { dist: 'constant', value: 345600 } })).toBe(
      'unbounded · lease 30 s · ttl 96 h',
    );
    expect(summary('topic', { capacity: 100, lease: 10 })).toBe('pub/sub · cap 100 · lease 10 s');
    expect(summary('stream', { partitions: 1 })).toBe('1 partition');
    expect(summary('handler', { concurrency: 4, service: { dist: 'exponential', mean: 0.012 } })).toBe(
      '×4 · exp 12 ms',
    );
    expect(summary('store', {})).toBe('terminal');
  });

  it('states the connection rules: nothing into a producer, nothing out of a store', () => {
    expect(kindProblem('handler', 'producer')).toBe('nothing flows into a producer: it only emits events');
    expect(kindProblem('store', 'queue')).toBe('a store is terminal: nothing flows out of it');
    expect(kindProblem('producer', 'store')).toBeNull();
    expect(BUS_KINDS).toEqual(['queue', 'topic', 'stream']);
  });
});
