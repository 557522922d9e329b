// Where events come from in an imported system. A flow runs only when every handler is reachable
// from a producer, and AsyncAPI documents often describe one side of a system: a channel that the
// given documents only receive from gets a producer of its own ("<channel> source"), and a handler
// that nothing feeds once loops are cut (loops.ts) becomes the producer it effectively is.
import type { FlowNode } from '../../model/flow';
import { MAX_ID_LENGTH } from '../../model/limits';
import { PRODUCER_INTERARRIVAL } from './defaults';
import { type Graph, named } from './graph';
import type { Report } from './report';

export function addSources(
  g: Graph,
  report: Report,
  busType: (bus: FlowNode) => string | undefined,
  handlerType: (handlerId: string) => string | undefined,
): void {
  const fed = (id: string) => g.edges.some((e) => e.target === id);
  const feeds = (id: string) => g.edges.some((e) => e.source === id);
  for (const bus of [...g.nodes]) {
    if (bus.kind === 'producer' || bus.kind === 'handler' || fed(bus.id) || !feeds(bus.id)) continue;
    const label = bus.label || bus.id;
    const type = eventType(busType(bus) ?? label);
    const p = g.add({
      kind: 'producer',
      label: `${label} source`,
      config: { eventType: type, interarrival: PRODUCER_INTERARRIVAL },
    });
    g.connect(p.id, bus.id);
    report.notice(
      `Channel ${named(bus)}: nothing in these documents sends to it; producer ${named(p)} of ${type} added`,
    );
  }
  for (const [i, n] of g.nodes.entries()) {
    if (n.kind !== 'handler' || fed(n.id)) continue;
    const type = eventType(n.config.emits ?? handlerType(n.id) ?? n.label ?? n.id);
    if (feeds(n.id)) {
      // It still sends what it sent as a handler, now at a producer's rate.
      const { id, label } = n;
      g.nodes[i] = {
        id,
        kind: 'producer',
        ...(label !== undefined && { label }),
        position: n.position,
        config: { eventType: type, interarrival: PRODUCER_INTERARRIVAL },
      };
      report.notice(
        `Handler ${named(n)}: nothing feeds it once its loops are cut; it becomes a producer of ${type}`,
      );
    } else {
      const p = g.add({
        kind: 'producer',
        label: `${n.label || n.id} input`,
        config: { eventType: type, interarrival: PRODUCER_INTERARRIVAL },
      });
      g.connect(p.id, n.id);
      report.notice(`Handler ${named(n)}: nothing feeds it; producer ${named(p)} of ${type} added`);
    }
  }
}

const eventType = (t: string): string => (t.trim() === '' ? 'event' : t.slice(0, MAX_ID_LENGTH));
