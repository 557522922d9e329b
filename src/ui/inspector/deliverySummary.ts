// One line for a folded Delivery or Failures section: what the fields under it hold, defaults
// included, so folding hides nothing a person needs to know at a glance.
import { assertNever } from '../../model/assertNever';
import { describeDist } from '../../model/describe';
import { type Backoff, DELIVERY_DEFAULTS, type Retry } from '../../model/delivery';
import type { ConfigOf } from '../../model/flow';
import { formatCount, formatDuration } from '../../model/format';

/** "backoff 10 s ×2 up to 10 min, full jitter" */
export function describeBackoff(b: Backoff): string {
  const upTo = b.max === undefined ? '' : ` up to ${formatDuration(b.max)}`;
  const jitter = b.jitter && b.jitter !== 'none' ? `, ${b.jitter} jitter` : '';
  const times = b.multiplier ?? DELIVERY_DEFAULTS.backoffMultiplier;
  return `backoff ${formatDuration(b.initial)} ×${formatCount(times)}${upTo}${jitter}`;
}

export function describeRetry(r: Retry | undefined): string {
  const where = r?.position === 'head' ? ' to the front' : '';
  if (r?.backoff) return `retry${where} after ${describeBackoff(r.backoff)}`;
  if (r?.delay) return `retry${where} after ${describeDist(r.delay)}`;
  return `retry${where} after the handler's delay`;
}

export function describeDelivery(c: ConfigOf<'queue'> | ConfigOf<'topic'>): string {
  const parts = [
    (c.delivery ?? DELIVERY_DEFAULTS.delivery).replace(/-/g, ' '),
    `${formatCount(c.maxDeliveries ?? DELIVERY_DEFAULTS.maxDeliveries)} deliveries`,
    c.lease === undefined ? 'no lease' : `lease ${formatDuration(c.lease)}`,
    describeRetry(c.retry),
  ];
  if (c.ttl) parts.push(`TTL ${describeDist(c.ttl)}`);
  if ('orderBy' in c && c.orderBy === 'key') parts.push('one at a time per key');
  if (c.deadLetter) parts.push(`dead letters to ${c.deadLetter}`);
  return parts.join(' · ');
}

export function describeStreamFailure(c: ConfigOf<'stream'>): string {
  const onFailure = c.onFailure ?? DELIVERY_DEFAULTS.onFailure;
  switch (onFailure) {
    case 'drop':
      return 'a failed message is dropped';
    case 'block':
      return `the partition waits: ${describeRetry(c.retry)}`;
    case 'dead-letter':
      return `${describeRetry(c.retry)}, dead-lettered after ${formatCount(
        c.maxDeliveries ?? DELIVERY_DEFAULTS.maxDeliveries,
      )} deliveries${c.deadLetter ? ` to ${c.deadLetter}` : ' (dropped)'}`;
    default:
      return assertNever(onFailure, 'stream failure handling');
  }
}
