// A queue's or a topic's delivery settings (a topic's apply to each subscription), folded under
// one "Delivery" heading: delivery guarantee, deliveries before dead-lettering, lease, retry,
// time to live, dead-letter target, and for a queue the per-key ordering.
import { DELIVERIES, DELIVERY_DEFAULTS } from '../../model/delivery';
import type { NodeOfKind } from '../../model/flow';
import { ORDER_BY } from '../../model/kinds/queue';
import { DeadLetterField } from './DeadLetterField';
import { describeDelivery } from './deliverySummary';
import { DistField } from './DistField';
import { NumberField } from './NumberField';
import { RetryField } from './RetryField';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { useConfigEditor } from './useConfigEditor';

const DELIVERY_NAMES = { 'at-least-once': 'At least once (redeliver)', 'at-most-once': 'At most once' };
const ORDER_NAMES = { none: 'Arrival order, any number per key', key: 'One at a time per key' } as const;

export function DeliverySection({ node }: { node: NodeOfKind<'queue'> | NodeOfKind<'topic'> }) {
  // One editor for either kind: the fields below are the ones both share (model/delivery.ts).
  const { set, check, problem } = useConfigEditor(node as NodeOfKind<'queue'>);
  const c = node.config;
  const where = node.kind === 'topic' ? 'its subscription' : 'the queue';
  return (
    <Section title="Delivery" summary={describeDelivery(c)}>
      <SelectField
        label="Delivery"
        value={c.delivery ?? DELIVERY_DEFAULTS.delivery}
        options={DELIVERIES.map((v) => ({ value: v, label: DELIVERY_NAMES[v] }))}
        onChange={(v) => set({ delivery: v })}
      />
      <NumberField
        label="Max deliveries"
        unit="deliveries"
        value={c.maxDeliveries}
        placeholder={String(DELIVERY_DEFAULTS.maxDeliveries)}
        check={check('maxDeliveries')}
        onCommit={(v) => set({ maxDeliveries: v })}
        hint="After this many, a message is dead-lettered (or dropped)."
      />
      <NumberField
        label="Lease"
        unit="s"
        value={c.lease}
        placeholder="none"
        check={check('lease')}
        onCommit={(v) => set({ lease: v })}
        hint={`Visibility timeout or ack deadline: a delivery not acknowledged by then goes back to ${where}.`}
      />
      <RetryField
        value={c.retry}
        withPosition
        check={(retry, at) => problem({ retry }, ['retry', ...at])}
        onCommit={(retry) => set({ retry })}
      />
      <DistField
        legend="Time to live"
        unit="s"
        optional
        noneLabel="None (never expires)"
        value={c.ttl}
        onCommit={(ttl) => set({ ttl })}
        hint="Drawn per message; one past it at the head is removed (dead-lettered if a target is set)."
      />
      <DeadLetterField
        nodeId={node.id}
        value={c.deadLetter}
        onChange={(deadLetter) => set({ deadLetter })}
        hint="A queue, topic or stream that receives messages after the last delivery."
      />
      {node.kind === 'queue' && (
        <SelectField
          label="Order"
          value={node.config.orderBy ?? 'none'}
          options={(['none', ...ORDER_BY] as const).map((v) => ({ value: v, label: ORDER_NAMES[v] }))}
          onChange={(v) => set({ orderBy: v === 'none' ? undefined : v })}
          hint="One at a time per key: the next message of a key waits for the previous one's acknowledgement (SQS FIFO message groups)."
        />
      )}
    </Section>
  );
}
