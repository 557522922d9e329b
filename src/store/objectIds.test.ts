// Issue 13, item 8: node ids are whatever a file says, including names of Object.prototype's
// members. Moving any node used to look every id up on a plain object, so a node "constructor"
// got Object itself as its position: Run then failed to clone the flow and the saved flow could
// not be read back.
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { serializeFlow } from '../model/serialize';
import { parseFlowText } from '../model/validate';
import { createAppStore } from './createAppStore';

const IDS = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

const flow = (): Flow => ({
  format: 'eventflow',
  version: 2,
  name: 'Prototype ids',
  nodes: [
    {
      id: 'p',
      kind: 'producer',
      position: { x: 0, y: 0 },
      config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
    },
    ...IDS.map((id, i) => ({
      id,
      kind: 'handler' as const,
      position: { x: 300, y: 100 * i },
      config: { concurrency: 1, service: { dist: 'constant' as const, value: 0.01 } },
    })),
  ],
  edges: IDS.map((id) => ({ id: `p-${id}`, source: 'p', target: id })),
});

describe('ids named like Object members', () => {
  it('moving, dragging and measuring other nodes leaves their positions alone', () => {
    const store = createAppStore(parseFlowText(serializeFlow(flow())).ok ? flow() : undefined);
    expect(store.getState().flow.nodes.map((n) => n.id)).toEqual(['p', ...IDS]);
    store.getState().moveNodes(new Map([['p', { x: 10, y: 20 }]]));
    store.getState().setMeasured(new Map([['p', { width: 100, height: 40 }]]));
    store.getState().dragTo(new Map([['p', { x: 30, y: 40 }]]));
    store.getState().endDrag();
    const { nodes } = store.getState().flow;
    expect(nodes[0]!.position).toEqual({ x: 30, y: 40 });
    IDS.forEach((id, i) => expect(nodes[i + 1]!.position, id).toEqual({ x: 300, y: 100 * i }));
    expect(store.getState().measured.get('constructor')).toBeUndefined();
    // What Run and autosave do with the flow: clone it for the worker, write and read it back.
    const cloned = structuredClone(store.getState().flow);
    const back = parseFlowText(serializeFlow(cloned));
    expect(back.ok && back.flow).toEqual(store.getState().flow);
  });

  it('moving the node itself moves it', () => {
    const store = createAppStore(flow());
    store.getState().moveNodes(new Map([['__proto__', { x: 1, y: 2 }]]));
    expect(store.getState().flow.nodes.find((n) => n.id === '__proto__')!.position).toEqual({ x: 1, y: 2 });
  });
});
