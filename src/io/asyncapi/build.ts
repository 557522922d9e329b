// The mapping from an AsyncAPI system (system.ts) to a flow, as docs/asyncapi.md describes it:
// channels become buses, applications producers or handlers, messages event types and filters.
// Loops the documents cannot tell apart from real ones are cut (loops.ts), channels and handlers
// nothing feeds get a producer (sources.ts), and every figure AsyncAPI does not give is assumed
// and said so in a notice.
import type { Flow, FlowNode } from '../../model/flow';
import {
  HANDLER_CONCURRENCY,
  HANDLER_SERVICE,
  handlerAssumed,
  PRODUCER_INTERARRIVAL,
  producerAssumed,
  STREAM_PARTITIONS,
} from './defaults';
import { Graph, named, type NewNode } from './graph';
import { layered } from './layout';
import { loopEdges } from './loops';
import { quote, type Report } from './report';
import { addSources } from './sources';
import type { SpecApp, SpecChannel, SpecOperation, SpecSystem } from './system';
import { typeFlow } from './typeflow';

/** A handler being put together from one or more receive operations. */
interface HandlerPlan {
  node: FlowNode;
  apps: string[];
  groupId?: string;
  /** Channels it sends to, with the types each operation sends, in order. */
  sends: { channel: SpecChannel; types: string[] }[];
}

export function buildFlow(system: SpecSystem, name: string, report: Report): Flow {
  const g = new Graph();
  const buses = new Map<SpecChannel, FlowNode>();
  for (const c of system.channels) buses.set(c, g.add(busNode(c, system, report)));
  const bus = (c: SpecChannel) => buses.get(c)!;

  /** Types each channel → handler edge receives, by edge id: the candidates for its filter. */
  const received = new Map<string, string[]>();
  const receive = (c: SpecChannel, handler: FlowNode, types: readonly string[]) => {
    const e = g.connect(bus(c).id, handler.id);
    const list = received.get(e.id) ?? [];
    for (const t of types) if (!list.includes(t)) list.push(t);
    received.set(e.id, list);
  };

  const handlers = new Map<string, HandlerPlan>();
  const handler = (key: string, make: () => Omit<HandlerPlan, 'node' | 'sends'> & { label: string }) => {
    let plan = handlers.get(key);
    if (!plan) {
      const { label, ...rest } = make();
      const node = g.add({
        kind: 'handler',
        label,
        config: { concurrency: HANDLER_CONCURRENCY, service: HANDLER_SERVICE },
      });
      plan = { node, sends: [], ...rest };
      handlers.set(key, plan);
    }
    return plan;
  };

  for (const app of system.apps) {
    const receives = app.operations.filter((o) => o.action === 'receive');
    const sends = app.operations.filter((o) => o.action === 'send');
    const own: HandlerPlan[] = [];
    for (const op of receives) {
      const group = op.groupId !== undefined && op.channel.kafka ? op.groupId : undefined;
      const plan = group
        ? handler(`group ${op.channel.id} ${group}`, () => ({
            label: app.title,
            apps: [],
            groupId: group,
          }))
        : handler(`app ${app.doc}`, () => ({ label: app.title, apps: [] }));
      if (!plan.apps.includes(app.title)) plan.apps.push(app.title);
      if (!own.includes(plan)) own.push(plan);
      receive(op.channel, plan.node, op.types);
      // A request received with a reply: this handler answers on the reply channel.
      if (op.reply?.channel) plan.sends.push({ channel: op.reply.channel, types: op.reply.types });
      else if (op.reply) report.notice(`${op.where}.reply: ${replyNowhere(op)}; the reply is left out`);
    }
    if (own.length > 0) {
      for (const plan of own)
        for (const op of sends) plan.sends.push({ channel: op.channel, types: op.types });
    } else producers(g, app, sends, bus);
    requests(app, sends, handler, receive, report);
  }

  for (const plan of handlers.values()) {
    if (plan.groupId !== undefined) plan.node.label = `${plan.apps.join(' + ')} (group ${plan.groupId})`;
    const types: string[] = [];
    for (const s of plan.sends) {
      g.connect(plan.node.id, bus(s.channel).id);
      for (const t of s.types) if (!types.includes(t)) types.push(t);
    }
    if (types.length > 0 && plan.node.kind === 'handler') plan.node.config.emits = types[0]!;
    if (types.length > 1)
      report.notice(
        `Handler ${named(plan.node)} sends ${types.join(', ')}: a handler emits one event type on all its edges; ${types[0]} assumed`,
      );
  }

  for (const d of loopEdges(g.nodes, g.edges)) {
    g.remove(d.edge);
    const loop = [...d.loop, d.loop[0]!].map((id) => named(g.node(id))).join(' → ');
    report.notice(
      `Edge ${named(g.node(d.edge.source))} → ${named(g.node(d.edge.target))} left out: it closes the loop ${loop}, and the documents do not say which message an application sends in answer to which, so every event would circle it for ever`,
    );
  }

  const firstReceived = (id: string): string | undefined =>
    g.edges.filter((e) => e.target === id).flatMap((e) => received.get(e.id) ?? [])[0];
  addSources(
    g,
    report,
    (busNode) => {
      const c = [...buses].find(([, n]) => n === busNode)?.[0];
      const fromReceivers = g.edges
        .filter((e) => e.source === busNode.id)
        .flatMap((e) => received.get(e.id) ?? []);
      return c?.types[0] ?? fromReceivers[0];
    },
    firstReceived,
  );

  setFilters(g, received);
  for (const n of g.nodes) {
    if (n.kind === 'producer') report.notice(`Producer ${named(n)}: ${producerAssumed}`);
    if (n.kind === 'handler') report.notice(`Handler ${named(n)}: ${handlerAssumed}`);
  }
  return layered(g.toFlow(name));
}

function busNode(c: SpecChannel, system: SpecSystem, report: Report): NewNode {
  if (c.kafka) {
    if (c.partitions === undefined)
      report.notice(
        `Stream ${quote(c.label)}: no partitions in its kafka binding; ${STREAM_PARTITIONS} assumed`,
      );
    return {
      kind: 'stream',
      label: c.label,
      config: {
        partitions: c.partitions ?? STREAM_PARTITIONS,
        ...(c.retention !== undefined && { retention: c.retention }),
      },
    };
  }
  // amqp's `ack` is the consumer's: acknowledged messages are redelivered after a failure.
  const acks = system.apps.flatMap((a) =>
    a.operations
      .filter((o) => o.action === 'receive' && o.channel === c && o.ack !== undefined)
      .map((o) => o.ack),
  );
  const delivery = acks.includes(true) ? 'at-least-once' : acks.length > 0 ? 'at-most-once' : undefined;
  const kind = c.amqpIs === 'queue' || c.sqs ? 'queue' : 'topic';
  return { kind, label: c.label, config: delivery ? { delivery } : {} };
}

/** An application that only sends: a producer per event type it sends, to each channel it sends it on. */
function producers(
  g: Graph,
  app: SpecApp,
  sends: readonly SpecOperation[],
  bus: (c: SpecChannel) => FlowNode,
): void {
  const byType = new Map<string, SpecOperation[]>();
  for (const op of sends) {
    const type = op.types[0] ?? op.key;
    byType.set(type, [...(byType.get(type) ?? []), op]);
  }
  for (const [type, ops] of byType) {
    const label = byType.size === 1 ? app.title : `${app.title} · ${type}`;
    const p = g.add({
      kind: 'producer',
      label,
      config: { eventType: type, interarrival: PRODUCER_INTERARRIVAL },
    });
    for (const op of ops) g.connect(p.id, bus(op.channel).id);
  }
}

/**
 * Requests an application sends with a `reply`: their answers come back on the reply channel to a
 * handler of its own, "(replies)", where the exchange ends. Feeding the answers into the
 * application's other handlers would send new requests for every answer, a loop no real client runs.
 */
function requests(
  app: SpecApp,
  sends: readonly SpecOperation[],
  handler: (key: string, make: () => { label: string; apps: string[] }) => HandlerPlan,
  receive: (c: SpecChannel, h: FlowNode, types: readonly string[]) => void,
  report: Report,
): void {
  for (const op of sends) {
    if (!op.reply) continue;
    if (!op.reply.channel) {
      report.notice(`${op.where}.reply: ${replyNowhere(op)}; the replies are left out`);
      continue;
    }
    const plan = handler(`replies ${app.doc}`, () => ({
      label: `${app.title} (replies)`,
      apps: [app.title],
    }));
    receive(op.reply.channel, plan.node, op.reply.types);
  }
}

const replyNowhere = (op: SpecOperation): string =>
  op.reply?.location
    ? `the reply address is set at run time (${op.reply.location}) and no reply channel is given`
    : 'no reply channel is given';

/**
 * A channel → handler edge gets a filter of the types its operations receive when the channel
 * carries other types too. When none of what arrives is among them, the documents name one
 * message two ways (the rpc examples' "requestSum" and "sum"), and a filter would stop everything.
 */
function setFilters(g: Graph, received: ReadonlyMap<string, string[]>): void {
  const { along } = typeFlow(g);
  for (const e of g.edges) {
    const wanted = received.get(e.id);
    const arriving = along.get(e.id);
    if (!wanted?.length || !arriving) continue;
    const some = [...arriving].some((t) => wanted.includes(t));
    const other = [...arriving].some((t) => !wanted.includes(t));
    if (some && other) e.filter = [...wanted];
  }
}
