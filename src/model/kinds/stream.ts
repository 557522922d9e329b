// Stream: a partitioned log; each consumer group reads every event, one worker per partition.
import { retrySchema, STREAM_FAILURES } from '../delivery';
import { nonEmptyText, oneOf, openObject, positiveSeconds, wholeAtLeast } from '../fields';
import { formatCount } from '../format';
import { MAX_DELIVERIES, MAX_PARTITIONS } from '../limits';
import { defineKind, OPEN } from './modelKind';

const config = openObject({
  partitions: wholeAtLeast(1, MAX_PARTITIONS),
  retention: positiveSeconds().optional(),
  /** block: retry in place, the partition waits; dead-letter: after maxDeliveries; drop: lose it. */
  onFailure: oneOf(STREAM_FAILURES).optional(),
  maxDeliveries: wholeAtLeast(1, MAX_DELIVERIES).optional(),
  deadLetter: nonEmptyText('node id').optional(),
  retry: retrySchema.optional(),
});

export const stream = defineKind(config)({
  kind: 'stream',
  label: 'Stream',
  fieldDefaults: { onFailure: 'drop', maxDeliveries: 5 },
  newConfig: () => ({ partitions: 6 }),
  summary: (c) => `${formatCount(c.partitions)} partition${c.partitions === 1 ? '' : 's'}`,
  input: OPEN,
  output: OPEN,
  bus: true,
});
