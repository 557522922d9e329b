// Reads the applications, channels and operations out of the AsyncAPI documents (system.ts),
// following $refs, applying traits and reading the bindings the mapping needs. What cannot be
// read at all (an operation without a channel, a $ref cycle) is a problem; what is only odd (a
// binding value of the wrong type, a message that cannot be found) is a notice and is left out.
import type { z } from 'zod';
import { MAX_ID_LENGTH, MAX_PARTITIONS, MAX_SECONDS } from '../../model/limits';
import { formatCount } from '../../model/format';
import { quote, type Report } from './report';
import { type Deref, isObject, type Loc, type Resolver } from './resolve';
import {
  amqpChannelSchema,
  amqpOperationSchema,
  channelSchema,
  groupIdSchema,
  kafkaChannelSchema,
  messageSchema,
  operationSchema,
  replySchema,
  rootSchema,
  serverSchema,
  zodLine,
} from './schema';
import type { SpecApp, SpecChannel, SpecOperation, SpecReply, SpecSystem } from './system';
import { applyTraits, resolveDeep } from './traits';

const KAFKA_PROTOCOLS = new Set(['kafka', 'kafka-secure']);

/** A channel as one document declares it: the joined channel, and the types this declaration lists. */
interface Declared {
  channel: SpecChannel;
  types: string[];
}

export function readSystem(resolver: Resolver, apis: readonly number[], report: Report): SpecSystem {
  const reader = new Reader(resolver, report);
  const apps = apis.map((doc) => reader.app(doc));
  return { apps, channels: [...reader.channels.values()] };
}

class Reader {
  readonly channels = new Map<string, SpecChannel>();
  private readonly declared = new Map<string, Declared | null>();

  constructor(
    private readonly resolver: Resolver,
    private readonly report: Report,
  ) {}

  app(doc: number): SpecApp {
    const value = this.resolver.docs[doc]!.value;
    const name = this.resolver.docs[doc]!.name;
    const parsed = rootSchema.safeParse(value);
    if (!parsed.success) {
      this.report.problem(name, zodLine(parsed.error));
      return { doc, title: name, operations: [] };
    }
    const root = parsed.data;
    const info = isObject(root.info) ? root.info : {};
    const title = (typeof info.title === 'string' && info.title.trim()) || name.replace(/^.*\//, '');
    const kafkaDefault = this.kafkaServers(
      doc,
      Object.keys(root.servers ?? {}).map((k) => ['servers', k]),
    );
    // Channels declared but never used still become buses: the document says they exist.
    for (const key of Object.keys(root.channels ?? {}))
      this.channel({ doc, path: ['channels', key] }, kafkaDefault);
    const operations: SpecOperation[] = [];
    for (const key of Object.keys(root.operations ?? {})) {
      const op = this.operation(doc, key, kafkaDefault);
      if (op) operations.push(op);
    }
    return { doc, title, operations };
  }

  /** Whether any of these servers speaks Kafka. */
  private kafkaServers(doc: number, paths: readonly (readonly string[])[]): boolean {
    return paths.some((path) => {
      const loc = { doc, path };
      const d = this.resolver.deref(this.resolver.valueAt(loc), loc);
      if (!d.ok) return false;
      const server = serverSchema.safeParse(d.value);
      return server.success && KAFKA_PROTOCOLS.has(server.data.protocol.toLowerCase());
    });
  }

  /** The channel declared at `loc` (after its $refs), joined with others of the same address. */
  private channel(loc: Loc, kafkaDefault: boolean): Declared | null {
    const d = this.resolver.deref(this.resolver.valueAt(loc), loc);
    if (!d.ok) {
      if (d.why === 'unreadable')
        this.report.notice(`${this.resolver.where(loc)}: channel ${d.message}; left out`);
      else this.report.problem(this.resolver.where(loc), d.message);
      return null;
    }
    const key = `${d.loc.doc} ${d.loc.path.join('\u0000')}`;
    const seen = this.declared.get(key);
    if (seen !== undefined) return seen;
    const where = this.resolver.where(d.loc);
    const parsed = channelSchema.safeParse(d.value);
    if (!parsed.success) {
      this.report.problem(where, `not a channel (${zodLine(parsed.error)})`);
      this.declared.set(key, null);
      return null;
    }
    const c = parsed.data;
    const address = c.address ?? null;
    const id = address === null ? `@${key}` : `address ${address}`;
    let channel = this.channels.get(id);
    if (!channel) {
      channel = {
        id,
        address,
        label:
          (typeof c.title === 'string' && c.title.trim()) ||
          address ||
          d.loc.path[d.loc.path.length - 1] ||
          'channel',
        where,
        types: [],
        kafka: false,
        sqs: false,
      };
      this.channels.set(id, channel);
    }
    const types: string[] = [];
    for (const mKey of Object.keys(c.messages ?? {})) {
      const mLoc = { doc: d.loc.doc, path: [...d.loc.path, 'messages', mKey] };
      const type = this.messageType(mLoc, mKey);
      if (type !== undefined && !types.includes(type)) types.push(type);
    }
    for (const t of types) if (!channel.types.includes(t)) channel.types.push(t);
    const servers = c.servers;
    const onKafka = servers
      ? servers.some((_, i) => {
          const sLoc = { doc: d.loc.doc, path: [...d.loc.path, 'servers', String(i)] };
          const s = this.resolver.deref(this.resolver.valueAt(sLoc), sLoc);
          return s.ok && this.kafkaServers(s.loc.doc, [s.loc.path]);
        })
      : kafkaDefault;
    this.bindings(channel, c.bindings, d.loc, onKafka);
    const declared = { channel, types };
    this.declared.set(key, declared);
    return declared;
  }

  private bindings(channel: SpecChannel, raw: unknown, loc: Loc, onKafka: boolean): void {
    const bindingsLoc = { doc: loc.doc, path: [...loc.path, 'bindings'] };
    const resolved = raw === undefined ? undefined : this.resolveDeep(raw, bindingsLoc);
    const b = isObject(resolved) ? resolved : {};
    const where = this.resolver.where(bindingsLoc);
    if (onKafka || b.kafka !== undefined) channel.kafka = true;
    if (b.sqs !== undefined) channel.sqs = true;
    const kafka = this.parse(kafkaChannelSchema, b.kafka, `${where}.kafka`);
    if (kafka?.partitions !== undefined) {
      const partitions = Math.min(kafka.partitions, MAX_PARTITIONS);
      if (partitions < kafka.partitions)
        this.report.notice(
          `${where}.kafka.partitions: ${formatCount(kafka.partitions)} is more than this app runs; ${formatCount(MAX_PARTITIONS)} used`,
        );
      if (channel.partitions === undefined) channel.partitions = partitions;
      else if (channel.partitions !== partitions)
        this.report.notice(
          `${where}.kafka.partitions: ${partitions} differs from ${channel.partitions} where ${quote(channel.label)} is declared first (${channel.where}); ${channel.partitions} used`,
        );
    }
    const ms = kafka?.topicConfiguration?.['retention.ms'];
    // -1 is Kafka's "keep for ever"; beyond the app's longest time it is as good as for ever.
    if (ms !== undefined && ms > 0 && ms / 1000 <= MAX_SECONDS && channel.retention === undefined)
      channel.retention = ms / 1000;
    const amqp = this.parse(amqpChannelSchema, b.amqp, `${where}.amqp`);
    if (amqp?.is !== undefined && channel.amqpIs === undefined) channel.amqpIs = amqp.is;
  }

  private operation(doc: number, key: string, kafkaDefault: boolean): SpecOperation | undefined {
    const loc = { doc, path: ['operations', key] };
    const d = this.resolver.deref(this.resolver.valueAt(loc), loc);
    const where = this.resolver.where(loc);
    if (!d.ok) {
      if (d.why === 'unreadable') this.report.notice(`${where}: ${d.message}; the operation is left out`);
      else this.report.problem(where, d.message);
      return undefined;
    }
    if (!isObject(d.value)) {
      this.report.problem(where, 'must be an operation object (action, channel, …)');
      return undefined;
    }
    const merged = applyTraits(this.resolver, d.value, d.loc);
    if (!merged.ok) {
      this.report.problem(where, merged.message);
      return undefined;
    }
    const parsed = operationSchema.safeParse(merged.value);
    if (!parsed.success) {
      this.report.problem(where, zodLine(parsed.error));
      return undefined;
    }
    const op = parsed.data;
    const channelLoc = { doc: d.loc.doc, path: [...d.loc.path, 'channel'] };
    const declared = this.channelOf(channelLoc, kafkaDefault, 'operation');
    if (!declared) return undefined;
    const types = op.messages
      ? this.typesOf(op.messages, { doc: d.loc.doc, path: [...d.loc.path, 'messages'] })
      : declared.types;
    const bindings = isObject(op.bindings) ? op.bindings : {};
    const bWhere = `${this.resolver.where(d.loc)}.bindings`;
    const amqp = this.parse(amqpOperationSchema, bindings.amqp, `${bWhere}.amqp`);
    const groupId = this.groupId(bindings.kafka, `${bWhere}.kafka.groupId`);
    const reply =
      op.reply === undefined
        ? undefined
        : this.reply(op.reply, { doc: d.loc.doc, path: [...d.loc.path, 'reply'] }, kafkaDefault);
    return {
      key,
      where,
      action: op.action,
      channel: declared.channel,
      types,
      ...(groupId !== undefined && { groupId }),
      ...(amqp?.ack !== undefined && { ack: amqp.ack }),
      ...(reply && { reply }),
    };
  }

  /** The channel a `channel` field ($ref) names; a missing one stops the import (it is where the operation happens). */
  private channelOf(loc: Loc, kafkaDefault: boolean, what: string): Declared | undefined {
    const raw = this.resolver.valueAt(loc);
    const d = this.resolver.deref(raw, loc);
    if (!d.ok) {
      if (d.why === 'unreadable') {
        this.report.notice(`${this.resolver.where(loc)}: ${d.message}; the ${what} is left out`);
        return undefined;
      }
      this.report.problem(
        this.resolver.where(loc),
        d.why === 'missing' ? `the ${what} has no channel: ${d.message}` : d.message,
      );
      return undefined;
    }
    return this.channel(d.loc, kafkaDefault) ?? undefined;
  }

  private reply(raw: unknown, loc: Loc, kafkaDefault: boolean): SpecReply | undefined {
    const d = this.resolver.deref(raw, loc);
    if (!d.ok) {
      if (d.why === 'cycle') this.report.problem(this.resolver.where(loc), d.message);
      return undefined;
    }
    const parsed = replySchema.safeParse(d.value);
    if (!parsed.success) return undefined;
    const r = parsed.data;
    const declared =
      r.channel === undefined
        ? undefined
        : this.channelOf({ doc: d.loc.doc, path: [...d.loc.path, 'channel'] }, kafkaDefault, 'reply');
    const types = r.messages
      ? this.typesOf(r.messages, { doc: d.loc.doc, path: [...d.loc.path, 'messages'] })
      : (declared?.types ?? []);
    let location: string | undefined;
    if (r.address !== undefined) {
      const aLoc = { doc: d.loc.doc, path: [...d.loc.path, 'address'] };
      const a = this.resolver.deref(r.address, aLoc);
      if (a.ok && isObject(a.value) && typeof a.value.location === 'string') location = a.value.location;
    }
    return {
      ...(declared && { channel: declared.channel }),
      types,
      ...(location !== undefined && { location }),
    };
  }

  /** The event types of a list of message $refs, in order, without repeats. */
  private typesOf(list: readonly unknown[], loc: Loc): string[] {
    const types: string[] = [];
    list.forEach((_, i) => {
      const t = this.messageType({ doc: loc.doc, path: [...loc.path, String(i)] });
      if (t !== undefined && !types.includes(t)) types.push(t);
    });
    return types;
  }

  /**
   * The event type a message stands for: its `name` (traits applied), else the key it is filed
   * under (`components.messages.UserSignedUp`, or `commentLiked` in a shared messages file), also
   * when the file it is in was not given.
   */
  private messageType(loc: Loc, fallback?: string): string | undefined {
    const raw = this.resolver.valueAt(loc);
    const d: Deref = this.resolver.deref(raw, loc);
    const where = this.resolver.where(loc);
    let type: string | undefined;
    if (d.ok) {
      if (isObject(d.value)) {
        const merged = applyTraits(this.resolver, d.value, d.loc);
        if (!merged.ok) {
          this.report.problem(where, merged.message);
          return undefined;
        }
        const m = messageSchema.safeParse(merged.value);
        if (m.success && typeof m.data.name === 'string' && m.data.name.trim()) type = m.data.name;
      }
      type ??= d.loc.path[d.loc.path.length - 1];
    } else if (d.why === 'cycle') {
      this.report.problem(where, d.message);
      return undefined;
    } else {
      if (d.why === 'missing')
        this.report.notice(`${where}: ${d.message}; its key is taken as the event type`);
      type = d.ref.slice(d.ref.lastIndexOf('/') + 1) || fallback;
    }
    type ??= fallback;
    if (type === undefined || type.trim() === '') return undefined;
    if (type.length > MAX_ID_LENGTH) {
      this.report.notice(`${where}: the message name is longer than ${MAX_ID_LENGTH} characters; shortened`);
      return type.slice(0, MAX_ID_LENGTH);
    }
    return type;
  }

  private groupId(kafka: unknown, where: string): string | undefined {
    if (!isObject(kafka) || kafka.groupId === undefined) return undefined;
    const schema = this.parse(groupIdSchema, kafka.groupId, where);
    const value =
      schema?.const ?? (schema?.enum?.length === 1 ? schema.enum[0] : undefined) ?? schema?.default;
    return typeof value === 'string' && value.trim() !== '' ? value : undefined;
  }

  private resolveDeep(raw: unknown, loc: Loc): unknown {
    const r = resolveDeep(this.resolver, raw, loc);
    if (r.ok) return r.value;
    this.report.problem(this.resolver.where(loc), r.message);
    return undefined;
  }

  /** A binding read through its schema; a value of the wrong type is named and left out. */
  private parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> | undefined {
    if (value === undefined) return undefined;
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    this.report.notice(`${where}: ${zodLine(r.error)}; left out`);
    return undefined;
  }
}
