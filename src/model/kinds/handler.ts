// Handler: workers that process events, may fail, and emit one event on each outgoing edge.
import { describeDist } from '../describe';
import { distSchema } from '../dist';
import { nonEmptyText, openObject, probability, wholeAtLeast } from '../fields';
import { formatPercent } from '../format';
import { z } from 'zod';
import { MAX_CONCURRENCY, MAX_EVENT_TYPES } from '../limits';
import { defineKind, OPEN } from './modelKind';

const config = openObject({
  concurrency: wholeAtLeast(1, MAX_CONCURRENCY),
  service: distSchema,
  failureRate: probability().optional(),
  retryDelay: distSchema.optional(),
  emits: nonEmptyText('event type').optional(),
  /** Event types the handler cannot process: every delivery of one fails (a poison message). */
  failsOn: z
    .array(nonEmptyText('event type'), { error: 'must be a list of event types' })
    .max(MAX_EVENT_TYPES, {
      error: `must list at most ${MAX_EVENT_TYPES.toLocaleString('en-US')} event types`,
    })
    .optional(),
});

export const handler = defineKind(config)({
  kind: 'handler',
  label: 'Handler',
  fieldDefaults: { failureRate: 0, retryDelay: { dist: 'constant', value: 0 } },
  newConfig: () => ({ concurrency: 4, service: { dist: 'exponential', mean: 0.012 } }),
  summary: (c) => {
    const parts = [`×${c.concurrency}`, describeDist(c.service)];
    if (c.failureRate) parts.push(`${formatPercent(c.failureRate)} fail`);
    if (c.failsOn?.length) parts.push(`fails on ${c.failsOn.join(', ')}`);
    return parts.join(' · ');
  },
  input: OPEN,
  output: OPEN,
  bus: false,
});
