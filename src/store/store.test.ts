import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { parseFlow } from '../model/validate';
import { createAppStore } from './createAppStore';

const base = (): Flow => ({
  format: 'eventflow',
  version: 2,
  name: 'Test',
  nodes: [
    {
      id: 'producer-1',
      kind: 'producer',
      label: 'Producer 1',
      position: { x: 0, y: 0 },
      config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
    },
    { id: 'queue-1', kind: 'queue', label: 'Queue 1', position: { x: 300, y: 0 }, config: {} },
    {
      id: 'handler-1',
      kind: 'handler',
      label: 'Handler 1',
      position: { x: 600, y: 0 },
      config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
    },
  ],
  edges: [
    { id: 'e1', source: 'producer-1', target: 'queue-1' },
    { id: 'e2', source: 'queue-1', target: 'handler-1' },
  ],
});

const history = (store: ReturnType<typeof createAppStore>) => store.temporal.getState();

describe('app store', () => {
  it('adds nodes with readable ids and labels, each one undo entry', () => {
    const store = createAppStore();
    const a = store.getState().addNode('queue', { x: 0, y: 0 });
    const b = store.getState().addNode('queue', { x: 40, y: 40 });
    expect([a, b]).toEqual(['queue-1', 'queue-2']);
    expect(store.getState().flow.nodes[1]!.label).toBe('Queue 2');
    expect(history(store).pastStates).toHaveLength(2);
    history(store).undo();
    expect(store.getState().flow.nodes.map((n) => n.id)).toEqual(['queue-1']);
    history(store).redo();
    expect(store.getState().flow.nodes.map((n) => n.id)).toEqual(['queue-1', 'queue-2']);
  });

  it('keeps selection, dialogs and toasts out of undo history', () => {
    const store = createAppStore(base());
    store.getState().setSelection({ nodes: ['queue-1'], edges: [] });
    store.getState().openDialog('templates');
    store.getState().notify('info', 'hello');
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('deleting a node removes its edges too, in one undoable step', () => {
    const store = createAppStore(base());
    store.getState().deleteElements({ nodes: ['queue-1'], edges: [] });
    expect(store.getState().flow.nodes.map((n) => n.id)).toEqual(['producer-1', 'handler-1']);
    expect(store.getState().flow.edges).toEqual([]);
    history(store).undo();
    expect(store.getState().flow).toEqual(base());
  });

  it('clears a deadLetter that pointed at a deleted node, keeping the flow valid', () => {
    const flow = base();
    flow.nodes.push({ id: 'queue-2', kind: 'queue', position: { x: 0, y: 200 }, config: {} });
    flow.nodes[1] = {
      ...flow.nodes[1]!,
      kind: 'queue',
      config: { deadLetter: 'queue-2' },
    } as Flow['nodes'][number];
    const store = createAppStore(flow);
    store.getState().deleteElements({ nodes: ['queue-2'], edges: [] });
    expect(parseFlow(store.getState().flow).ok).toBe(true);
  });

  it('does the same for a topic or stream dead-lettering into a deleted bus, and a paste follows the copy', () => {
    const flow = base();
    flow.nodes.push(
      { id: 'dlq', kind: 'queue', position: { x: 0, y: 200 }, config: {} },
      { id: 'topic-1', kind: 'topic', position: { x: 0, y: 300 }, config: { deadLetter: 'dlq' } },
      {
        id: 'stream-1',
        kind: 'stream',
        position: { x: 0, y: 400 },
        config: { partitions: 2, deadLetter: 'dlq' },
      },
    );
    const store = createAppStore(flow);
    store.getState().setSelection({ nodes: ['dlq', 'stream-1'], edges: [] });
    store.getState().copySelection();
    const [dlq2, stream2] = store.getState().paste(store.getState().clipboard!, { x: 32, y: 32 });
    const pasted = store.getState().flow.nodes.find((n) => n.id === stream2);
    expect(pasted?.config).toEqual({ partitions: 2, deadLetter: dlq2 });
    store.getState().deleteElements({ nodes: ['dlq'], edges: [] });
    const after = store.getState().flow;
    expect(parseFlow(after).ok).toBe(true);
    expect(after.nodes.find((n) => n.id === 'topic-1')?.config).toEqual({});
    expect(after.nodes.find((n) => n.id === 'stream-1')?.config).toEqual({ partitions: 2 });
  });

  it('a broker preset fills a bus and its consumer connections in one undoable step', () => {
    const store = createAppStore(base());
    store.getState().applyBrokerPreset('queue-1', 'rabbitmq-quorum');
    const { flow } = store.getState();
    expect(flow.nodes[1]!.config).toMatchObject({ maxDeliveries: 20, lease: 1800 });
    expect(flow.edges.find((e) => e.source === 'queue-1')!.prefetch).toBe(100);
    expect(parseFlow(flow).ok).toBe(true);
    // The same preset again, or one for another kind, is no step at all.
    store.getState().applyBrokerPreset('queue-1', 'rabbitmq-quorum');
    store.getState().applyBrokerPreset('queue-1', 'kafka');
    expect(history(store).pastStates.length).toBe(1);
    history(store).undo();
    expect(store.getState().flow).toEqual(base());
  });

  it('copy and paste gives new ids, offset positions and keeps internal edges only', () => {
    const store = createAppStore(base());
    store.getState().setSelection({ nodes: ['queue-1', 'handler-1'], edges: [] });
    expect(store.getState().copySelection()).toBe(2);
    const ids = store.getState().paste(store.getState().clipboard!, { x: 32, y: 32 });
    expect(ids).toEqual(['queue-2', 'handler-2']);
    const { flow, selection } = store.getState();
    expect(flow.nodes.find((n) => n.id === 'queue-2')!.position).toEqual({ x: 332, y: 32 });
    expect(flow.edges.filter((e) => ids.includes(e.source) || ids.includes(e.target))).toEqual([
      { id: 'e-queue-2-handler-2', source: 'queue-2', target: 'handler-2' },
    ]);
    expect(selection.nodes).toEqual(ids);
    expect(parseFlow(flow).ok).toBe(true);
    history(store).undo();
    expect(store.getState().flow).toEqual(base());
  });

  it('connect refuses with a reason and changes nothing', () => {
    const store = createAppStore(base());
    expect(store.getState().connect('handler-1', 'producer-1')).toMatch(/nothing flows into a producer/);
    expect(store.getState().connect('queue-1', 'queue-1')).toMatch(/cannot connect to itself/);
    expect(store.getState().connect('producer-1', 'queue-1')).toMatch(/already connected/);
    expect(history(store).pastStates).toHaveLength(0);
    expect(store.getState().connect('producer-1', 'handler-1')).toBeNull();
    expect(store.getState().flow.edges).toHaveLength(3);
  });

  it('a drag is one undo entry, however many moves it took', () => {
    const store = createAppStore(base());
    for (let i = 1; i <= 20; i++) store.getState().dragTo(new Map([['queue-1', { x: 300 + i, y: i }]]));
    expect(history(store).pastStates).toHaveLength(0);
    expect(store.getState().flow.nodes[1]!.position).toEqual({ x: 300, y: 0 });
    store.getState().endDrag();
    expect(store.getState().flow.nodes[1]!.position).toEqual({ x: 320, y: 20 });
    expect(history(store).pastStates).toHaveLength(1);
    history(store).undo();
    expect(store.getState().flow.nodes[1]!.position).toEqual({ x: 300, y: 0 });
  });

  it('edits config and clears optional fields', () => {
    const store = createAppStore(base());
    store.getState().updateNode('queue-1', { config: { capacity: 10 } });
    expect(store.getState().flow.nodes[1]!.config).toEqual({ capacity: 10 });
    store.getState().updateNode('queue-1', { config: { capacity: undefined } });
    expect(store.getState().flow.nodes[1]!.config).toEqual({});
    store.getState().updateEdge('e1', { filter: ['e'] });
    store.getState().updateEdge('e1', { filter: undefined });
    expect(store.getState().flow.edges[0]).toEqual({ id: 'e1', source: 'producer-1', target: 'queue-1' });
  });

  it('replacing the flow (import, template) is undoable', () => {
    const store = createAppStore(base());
    store.getState().replaceFlow({ format: 'eventflow', version: 2, name: 'Other', nodes: [], edges: [] });
    history(store).undo();
    expect(store.getState().flow.name).toBe('Test');
  });
});

describe('edits that change nothing', () => {
  it('leave no undo step', () => {
    const store = createAppStore(base());
    store.getState().updateNode('queue-1', { label: 'Queue 1' });
    store.getState().updateNode('handler-1', {
      config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
    });
    store.getState().updateNode('gone', { label: 'x' });
    store.getState().updateEdge('e1', { latency: undefined });
    store.getState().moveNodes(new Map([['queue-1', { x: 300, y: 0 }]]));
    store.getState().setName('Test');
    store.getState().setSettings({});
    expect(history(store).pastStates).toHaveLength(0);
    store.getState().setSettings({ seed: 7 });
    store.getState().setSettings({ seed: 7 });
    expect(history(store).pastStates).toHaveLength(1);
    expect(store.getState().flow.settings).toEqual({ seed: 7 });
  });
});
