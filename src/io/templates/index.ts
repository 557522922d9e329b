// Starting points offered under "Templates". The JSON files are Flow JSON of the current version,
// validated by templates.test.ts, and bundled into the app by Vite's JSON import.
import consumersDown from './consumers-down.json';
import cqrsOrders from './cqrs-orders.json';
import crashPrefetch from './crash-prefetch.json';
import hotTenant from './hot-tenant.json';
import kafkaStream from './kafka-stream.json';
import poisonMessage from './poison-message.json';
import retryStorm from './retry-storm.json';
import signupTopic from './signup-topic.json';
import workQueue from './work-queue.json';

export interface Template {
  id: string;
  title: string;
  description: string;
  /** Raw JSON: validated with parseFlow when loaded, like any imported file. */
  json: unknown;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'work-queue',
    title: 'Work queue with competing consumers',
    description:
      'RabbitMQ-style: 45 uploads/s into one queue shared by three workers that take ~60 ms each. ' +
      'Running at 90% utilisation, the queue builds up; failed jobs are retried, then dead-lettered.',
    json: workQueue,
  },
  {
    id: 'kafka-stream',
    title: 'Partitioned stream, two consumer groups',
    description:
      'Kafka-style: 400 order events/s keyed over 6 partitions, read by billing and by a search ' +
      'indexer. The indexer has 8 workers but only 6 can work at once — it falls behind.',
    json: kafkaStream,
  },
  {
    id: 'signup-topic',
    title: 'User sign-up fan-out on a topic',
    description:
      'Each sign-up is published once and delivered to mail, analytics and audit subscribers, ' +
      'each with its own subscription queue. The slow mailer lags while the others keep up.',
    json: signupTopic,
  },
  {
    id: 'cqrs-orders',
    title: 'Order service with CQRS and event sourcing',
    description:
      'Commands go through a command handler that appends to the event store and publishes to a ' +
      'stream; two projections build the order summary and customer history read models.',
    json: cqrsOrders,
  },
  {
    id: 'consumers-down',
    title: 'Consumers down at peak',
    description:
      'Orders ramp up to a peak of 80/s against 100/s of capacity; at 2 min the fulfilment workers ' +
      'crash for a minute. Look for the backlog near λD = 4,800 and its drain in about ' +
      'λD/(cμ − λ) = 4 min, in the queue depth and the fault summary.',
    json: consumersDown,
  },
  {
    id: 'crash-prefetch',
    title: 'Consumer crash with a large prefetch',
    description:
      'Two ledger consumers with a prefetch of 200; the slow one keeps its buffer full. When it ' +
      'crashes at 1 min, its ~200 prefetched payments go back to the queue for the other, and the ' +
      '4 in service are redelivered: look at the queue’s redelivered count and the consumers’ depth.',
    json: crashPrefetch,
  },
  {
    id: 'hot-tenant',
    title: 'Hot tenant',
    description:
      'Events keyed by 200 tenants with Zipf skew into 12 partitions; one tenant doubles its ' +
      'traffic for a minute. Only the partition holding the hottest tenant falls behind: look at ' +
      'the stream’s hottest partition and its lag, while the other eleven stay near zero.',
    json: hotTenant,
  },
  {
    id: 'retry-storm',
    title: 'Retry storm after a brownout',
    description:
      'Two payment pipelines, each 140/s against a card API of 10 connections × 50 ms (200/s), ' +
      'browned out 4× for 30 s at 2 min; calls time out at 250 ms, 3 attempts. The top one retries ' +
      'at once: its abandoned calls keep the API busy and it never comes back (a metastable ' +
      'failure). The bottom one backs off with jitter and drains. Compare attempts per call and ' +
      'the two dead-letter queues.',
    json: retryStorm,
  },
  {
    id: 'poison-message',
    title: 'Poison message on a stream',
    description:
      'Billing reads 300 orders/s from 6 partitions; at 1 min a legacy client sends one order ' +
      'billing cannot process. With onFailure "block" it is retried in place and its partition ' +
      'stops: look at one partition’s lag growing while the other five stay near zero. Set the ' +
      'stream’s onFailure to "dead-letter" to see it move on.',
    json: poisonMessage,
  },
];
