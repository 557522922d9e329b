// Dependency: a database or API that handlers call synchronously (Flow JSON version 2). Its
// `pool` slots serve one call each; a call waits for a slot, takes `service` and fails with
// `failureRate`. What a caller does about slow or failed calls is on its edge (calls, timeout,
// attempts, backoff; docs/flow-json.md).
import { describeDist } from '../describe';
import { distSchema } from '../dist';
import { openObject, probability, wholeAtLeast } from '../fields';
import { formatPercent } from '../format';
import { MAX_CONCURRENCY } from '../limits';
import { closed, defineKind, OPEN } from './modelKind';

const config = openObject({
  pool: wholeAtLeast(1, MAX_CONCURRENCY),
  service: distSchema,
  failureRate: probability().optional(),
});

export const dependency = defineKind(config)({
  kind: 'dependency',
  label: 'Dependency',
  fieldDefaults: { failureRate: 0 },
  newConfig: () => ({ pool: 10, service: { dist: 'exponential', mean: 0.02 } }),
  summary: (c) => {
    const parts = [`pool ${c.pool}`, describeDist(c.service)];
    if (c.failureRate) parts.push(`${formatPercent(c.failureRate)} fail`);
    return parts.join(' · ');
  },
  input: OPEN,
  output: closed('a dependency answers the handlers that call it; it sends no events'),
  bus: false,
});
