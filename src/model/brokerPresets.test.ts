import { describe, expect, it } from 'vitest';
import {
  applyPreset,
  BROKER_PRESETS,
  matchingPreset,
  PRESET_FIELDS,
  presetById,
  presetsFor,
} from './brokerPresets';
import type { Flow, FlowNode } from './flow';
import { KINDS } from './kinds';
import { parseFlow } from './validate';

const at = { x: 0, y: 0 };

/** producer → bus → two handlers, the bus with settings a preset must keep (or clear). */
function flowWith(bus: FlowNode): Flow {
  return {
    format: 'eventflow',
    version: 2,
    name: 'presets',
    nodes: [
      {
        id: 'p',
        kind: 'producer',
        position: at,
        config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 1 } },
      },
      bus,
      { id: 'dlq', kind: 'queue', position: at, config: {} },
      {
        id: 'h1',
        kind: 'handler',
        position: at,
        config: { concurrency: 2, service: { dist: 'constant', value: 0.1 } },
      },
      {
        id: 'h2',
        kind: 'handler',
        position: at,
        config: { concurrency: 3, service: { dist: 'constant', value: 0.1 } },
      },
    ],
    edges: [
      { id: 'in', source: 'p', target: 'bus' },
      { id: 'c1', source: 'bus', target: 'h1', latency: { dist: 'constant', value: 0.01 } },
      { id: 'c2', source: 'bus', target: 'h2' },
    ],
  };
}

const busOf = (kind: 'queue' | 'topic' | 'stream'): FlowNode =>
  kind === 'stream'
    ? { id: 'bus', kind, position: at, config: { partitions: 4, deadLetter: 'dlq', maxDeliveries: 9 } }
    : {
        id: 'bus',
        kind,
        position: at,
        config: { capacity: 50, deadLetter: 'dlq', lease: 1, maxDeliveries: 9 },
      };

describe('broker presets', () => {
  it('every preset validates against the schema, applied to a bus with its consumers', () => {
    expect(BROKER_PRESETS.length).toBe(6);
    for (const p of BROKER_PRESETS) {
      const applied = applyPreset(flowWith(busOf(p.kind)), 'bus', p);
      const parsed = parseFlow(applied);
      expect(parsed.ok ? [] : parsed.problems, p.id).toEqual([]);
    }
  });

  it('names its sources and gives a note per value', () => {
    for (const p of BROKER_PRESETS) {
      expect(p.source, p.id).toMatch(/docs|Guide|Reference/);
      expect(p.notes.length, p.id).toBeGreaterThanOrEqual(Object.keys(p.config).length - 1);
      for (const field of Object.keys(p.config)) expect(PRESET_FIELDS[p.kind], p.id).toContain(field);
    }
    expect(new Set(BROKER_PRESETS.map((p) => p.id)).size).toBe(BROKER_PRESETS.length);
  });

  it('holds the documented figures the issue names', () => {
    expect(presetById('rabbitmq-quorum')?.config).toMatchObject({ maxDeliveries: 20 });
    expect(presetById('sqs-standard')?.config).toMatchObject({ lease: 30 });
    expect(presetById('sqs-fifo')?.config).toMatchObject({ orderBy: 'key', lease: 30 });
    expect(presetById('pubsub')?.config).toMatchObject({ lease: 10, maxDeliveries: 5 });
    expect(presetsFor('queue').map((p) => p.id)).toEqual([
      'rabbitmq-classic',
      'rabbitmq-quorum',
      'sqs-standard',
      'sqs-fifo',
    ]);
    expect(presetsFor('topic').map((p) => p.id)).toEqual(['pubsub']);
    expect(presetsFor('stream').map((p) => p.id)).toEqual(['kafka']);
    expect(presetsFor('handler')).toEqual([]);
  });

  it('sets its fields, clears the other delivery fields, keeps the rest, and sets prefetch on consumers', () => {
    const flow = applyPreset(flowWith(busOf('queue')), 'bus', presetById('rabbitmq-quorum')!);
    expect(flow.nodes[1]!.config).toEqual({
      capacity: 50,
      deadLetter: 'dlq',
      delivery: 'at-least-once',
      maxDeliveries: 20,
      lease: 1800,
    });
    expect(flow.edges.map((e) => e.prefetch)).toEqual([undefined, 100, 100]);
    expect(flow.edges[1]!.latency).toEqual({ dist: 'constant', value: 0.01 });

    // Another preset after it leaves nothing of the first: its prefetch goes too.
    const sqs = applyPreset(flow, 'bus', presetById('sqs-standard')!);
    expect(sqs).toEqual(applyPreset(flowWith(busOf('queue')), 'bus', presetById('sqs-standard')!));
    expect(sqs.edges.some((e) => 'prefetch' in e)).toBe(false);
    expect(sqs.nodes[1]!.config).not.toHaveProperty('maxDeliveries');
  });

  it('recognises the preset a node holds, until one of its fields is edited', () => {
    for (const p of BROKER_PRESETS) {
      const flow = applyPreset(flowWith(busOf(p.kind)), 'bus', p);
      expect(matchingPreset(flow, 'bus')?.id, p.id).toBe(p.id);
    }
    const quorum = applyPreset(flowWith(busOf('queue')), 'bus', presetById('rabbitmq-quorum')!);
    const edited = {
      ...quorum,
      edges: quorum.edges.map((e) => (e.id === 'c2' ? { ...e, prefetch: 10 } : e)),
    };
    expect(matchingPreset(edited, 'bus')).toBeUndefined();
    expect(matchingPreset(flowWith(busOf('queue')), 'bus')).toBeUndefined();
    expect(matchingPreset(quorum, 'h1')).toBeUndefined();
  });

  it('changes nothing on a node of another kind', () => {
    const flow = flowWith(busOf('topic'));
    expect(applyPreset(flow, 'bus', presetById('kafka')!)).toBe(flow);
    expect(applyPreset(flow, 'missing', presetById('pubsub')!)).toBe(flow);
    expect(KINDS.filter((k) => presetsFor(k).length)).toEqual(['queue', 'topic', 'stream']);
  });
});
