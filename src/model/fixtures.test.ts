// Files of every Flow JSON version keep loading. fixtures/v<N>/ hold files as that version wrote
// them and never change; a file of an older version must read as the same flow as its newest copy.
import { describe, expect, it } from 'vitest';
import v1CqrsOrders from './fixtures/v1/cqrs-orders.json';
import v1KafkaStream from './fixtures/v1/kafka-stream.json';
import v1Mm1 from './fixtures/v1/mm1.json';
import v1Orders from './fixtures/v1/orders.json';
import v1SignupTopic from './fixtures/v1/signup-topic.json';
import v1WorkQueue from './fixtures/v1/work-queue.json';
import v2CqrsOrders from './fixtures/v2/cqrs-orders.json';
import v2KafkaStream from './fixtures/v2/kafka-stream.json';
import v2Mm1 from './fixtures/v2/mm1.json';
import v2Orders from './fixtures/v2/orders.json';
import v2SignupTopic from './fixtures/v2/signup-topic.json';
import v2WorkQueue from './fixtures/v2/work-queue.json';
import { FLOW_VERSION } from './flow';
import { formatProblem, parseFlow } from './validate';

/** Each fixture by name, its copies indexed by version − 1. */
const FIXTURES: Record<string, readonly { version: number }[]> = {
  'cqrs-orders': [v1CqrsOrders, v2CqrsOrders],
  'kafka-stream': [v1KafkaStream, v2KafkaStream],
  mm1: [v1Mm1, v2Mm1],
  orders: [v1Orders, v2Orders],
  'signup-topic': [v1SignupTopic, v2SignupTopic],
  'work-queue': [v1WorkQueue, v2WorkQueue],
};

describe.each(Object.entries(FIXTURES))('fixture %s', (_, copies) => {
  const newest = copies.at(-1)!;

  it('has a copy of each version up to the current one', () => {
    expect(copies.map((c) => c.version)).toEqual(copies.map((_c, i) => i + 1));
    expect(newest.version).toBe(FLOW_VERSION);
  });

  it.each(copies.map((c) => [c.version, c] as const))('loads as version %i', (_v, copy) => {
    const r = parseFlow(copy);
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });

  it('reads every older copy as the same flow as the newest', () => {
    const current = parseFlow(newest);
    if (!current.ok) throw new Error('the newest copy must load');
    expect(current.notices).toEqual([]);
    for (const copy of copies) {
      const r = parseFlow(copy);
      expect(r.ok && r.flow).toEqual(current.flow);
    }
  });
});

describe('version 1 files whose meaning changes in version 2', () => {
  /** Nodes named in the v1 → v2 notices of each fixture (the three changes of meaning, docs/flow-json.md). */
  const EXPECTED: Record<string, string[]> = {
    // Billing's group: 2 workers on 4 partitions, assigned round robin now.
    'cqrs-orders': ['stream-1'],
    'kafka-stream': [],
    mm1: [],
    orders: [],
    // Three subscribers over edges with latency; one of them can fail, so the topic redelivers now.
    'signup-topic': ['handler-1', 'handler-2', 'handler-3', 'topic-1'],
    'work-queue': [],
  };
  it.each(Object.entries(FIXTURES))('%s: the notice names exactly the nodes concerned', (name, copies) => {
    const r = parseFlow(copies[0]!);
    if (!r.ok) throw new Error('fixture must load');
    expect(r.notices.map((n) => n.nodeId)).toEqual(EXPECTED[name]);
    for (const n of r.notices) expect(n.path).toMatch(/^nodes\[\d+\]$/);
  });
});
