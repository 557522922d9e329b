// The part of AsyncAPI 3.0 the import reads, as zod schemas. Objects are loose: everything else a
// document holds is allowed and left alone. Each schema is applied after $refs are followed
// (resolve.ts), so a field given as a Reference Object is never mistaken for a wrong value.
import { z } from 'zod';

const map = (what: string) => z.record(z.string(), z.unknown(), { error: `must be a map of ${what} by key` });

export const rootSchema = z.looseObject({
  asyncapi: z.union([z.string(), z.number()]),
  servers: map('servers').optional(),
  channels: map('channels').optional(),
  operations: map('operations').optional(),
});

export const serverSchema = z.looseObject({ protocol: z.string() });

export const channelSchema = z.looseObject(
  {
    address: z.string({ error: 'must be text, or null when the address is not known' }).nullable().optional(),
    title: z.unknown().optional(),
    messages: map('messages').optional(),
    servers: z.array(z.unknown(), { error: 'must be a list of $refs to servers' }).optional(),
    bindings: z.looseObject({}, { error: 'must be a map of bindings by protocol' }).optional(),
  },
  { error: 'must be a channel object' },
);

export const operationSchema = z.looseObject({
  action: z.enum(['send', 'receive'], { error: 'must be "send" or "receive"' }),
  channel: z
    .unknown()
    .refine((v) => v !== undefined, { error: 'is required (the channel it sends to or receives from)' }),
  messages: z.array(z.unknown(), { error: 'must be a list of $refs to messages of its channel' }).optional(),
  reply: z.unknown().optional(),
  bindings: z.looseObject({}, { error: 'must be a map of bindings by protocol' }).optional(),
});

export const replySchema = z.looseObject({
  channel: z.unknown().optional(),
  messages: z.array(z.unknown()).optional(),
  address: z.unknown().optional(),
});

export const messageSchema = z.looseObject({ name: z.unknown().optional() });

/** A whole number ≥ 1, as Kafka counts partitions. */
const partitions = z.number().int().min(1);

export const kafkaChannelSchema = z.looseObject({
  partitions: partitions.optional(),
  topicConfiguration: z.looseObject({ 'retention.ms': z.number().int().min(-1).optional() }).optional(),
});

export const amqpChannelSchema = z.looseObject({ is: z.string().optional() });

export const amqpOperationSchema = z.looseObject({ ack: z.boolean().optional() });

/**
 * A kafka operation binding's groupId is a Schema Object that describes the id; a single value is
 * read from its `const`, a one-value `enum`, or its `default`.
 */
export const groupIdSchema = z.looseObject({
  const: z.unknown().optional(),
  enum: z.array(z.unknown()).optional(),
  default: z.unknown().optional(),
});

/** A zod error as one line: `partitions: must be …`. */
export function zodLine(error: z.ZodError): string {
  const iss = error.issues[0];
  if (!iss) return 'is not valid';
  const path = iss.path.map(String).join('.');
  return path ? `${path}: ${iss.message}` : iss.message;
}
