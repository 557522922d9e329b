// What the import reads out of the AsyncAPI documents before deciding what becomes of it: the
// applications (one per document), the channels joined on their address across documents, and
// each application's operations with what the bindings say. build.ts turns this into a flow.

export interface SpecChannel {
  /** The join key: its address, or where it is declared when its address is unknown. */
  readonly id: string;
  readonly address: string | null;
  /** Its title, else its address, else its key in `channels`. */
  readonly label: string;
  /** Where it was first declared, for messages. */
  readonly where: string;
  /** Event types its messages stand for, over every document that declares it. */
  readonly types: string[];
  /** A kafka channel binding, or a kafka server it is on. */
  kafka: boolean;
  partitions?: number;
  /** Seconds, from the kafka binding's `retention.ms`. */
  retention?: number;
  /** The amqp binding's `is` ("queue" or "routingKey"). */
  amqpIs?: string;
  /** An SQS binding: a queue. */
  sqs: boolean;
}

export interface SpecReply {
  readonly channel?: SpecChannel;
  readonly types: string[];
  /** Where a runtime reply address comes from (`$message.header#/REPLY_TOPIC`), if given. */
  readonly location?: string;
}

export interface SpecOperation {
  readonly key: string;
  readonly where: string;
  readonly action: 'send' | 'receive';
  readonly channel: SpecChannel;
  /** Event types it sends or receives: the messages it lists, else its channel's. */
  readonly types: string[];
  /** A single kafka consumer group id, where its binding names one. */
  readonly groupId?: string;
  /** The amqp binding's `ack`. */
  readonly ack?: boolean;
  readonly reply?: SpecReply;
}

export interface SpecApp {
  readonly doc: number;
  /** The document's `info.title`, else its file name. */
  readonly title: string;
  readonly operations: SpecOperation[];
}

export interface SpecSystem {
  readonly apps: SpecApp[];
  /** In the order they first appear. */
  readonly channels: SpecChannel[];
}
