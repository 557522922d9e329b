// Starting points offered under "Templates". The JSON files are Flow JSON of the current version,
// validated by templates.test.ts, and bundled into the app by Vite's JSON import.
import cqrsOrders from './cqrs-orders.json';
import kafkaStream from './kafka-stream.json';
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
];
