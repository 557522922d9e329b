// Stream: a partitioned log; each consumer group reads every event, one worker per partition.
import { openObject, positiveSeconds, wholeAtLeast } from '../fields';
import { formatCount } from '../format';
import { MAX_PARTITIONS } from '../limits';
import { defineKind, OPEN } from './modelKind';

const config = openObject({
  partitions: wholeAtLeast(1, MAX_PARTITIONS),
  retention: positiveSeconds().optional(),
});

export const stream = defineKind(config)({
  kind: 'stream',
  label: 'Stream',
  fieldDefaults: {},
  newConfig: () => ({ partitions: 6 }),
  summary: (c) => `${formatCount(c.partitions)} partition${c.partitions === 1 ? '' : 's'}`,
  input: OPEN,
  output: OPEN,
  bus: true,
});
