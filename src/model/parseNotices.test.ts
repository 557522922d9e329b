// parseFlow hands on what migration says. The real v1 → v2 step changes no meaning yet, so a
// test-only step stands in for the ⚑ changes of version 2 that come with later issues.
import { describe, expect, it, vi } from 'vitest';
import { parseFlow, parseFlowText } from './validate';

vi.mock('./migrations', async () => {
  const { nodeNotices } = await import('./migrate');
  return {
    MIGRATIONS: [
      {
        from: 1,
        to: 2,
        up: (doc: { readonly [key: string]: unknown }) => ({
          doc: { ...doc, version: 2 },
          notices: nodeNotices(
            doc,
            (n) => n.kind === 'topic',
            'subscriptions now redeliver a failed message',
          ),
        }),
      },
    ],
  };
});

const flow = (version: number) => ({
  format: 'eventflow',
  version,
  name: 'x',
  nodes: [
    {
      id: 'p',
      kind: 'producer',
      position: { x: 0, y: 0 },
      config: { eventType: 'e', interarrival: { dist: 'constant', value: 1 } },
    },
    { id: 'signups', kind: 'topic', position: { x: 0, y: 0 }, config: {} },
  ],
  edges: [{ id: 'e', source: 'p', target: 'signups' }],
});

describe('parseFlow with a step that changes meanings', () => {
  it('returns the migrated flow with a notice per changed node', () => {
    const notice = {
      path: 'nodes[1]',
      nodeId: 'signups',
      message: 'subscriptions now redeliver a failed message',
    };
    const r = parseFlow(flow(1));
    expect(r).toEqual({ ok: true, flow: flow(2), notices: [notice] });
    expect(parseFlowText(JSON.stringify(flow(1)))).toEqual(r);
  });

  it('has nothing to say about a current file', () => {
    expect(parseFlow(flow(2))).toEqual({ ok: true, flow: flow(2), notices: [] });
  });
});
