// Every example document of the AsyncAPI 3.0.0 specification (fixtures/) imports to a valid flow
// that runs, and becomes what docs/asyncapi.md says it becomes.
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/simulation';
import type { Flow } from '../../model/flow';
import { runnableProblems } from '../../model/runnable';
import { formatProblem, parseFlow } from '../../model/validate';
import { importAsyncApi } from '.';
import { FIXTURE_IMPORTS } from './testing/fixtures';

/** Node labels by kind, in flow order: what a fixture became, as docs/asyncapi.md lists it. */
const byKind = (flow: Flow): Record<string, string[]> => {
  const out: Record<string, string[]> = {};
  for (const n of flow.nodes) (out[n.kind] ??= []).push(n.label ?? n.id);
  return out;
};

const BECAME: Record<string, Record<string, string[]>> = {
  'adeo-kafka-request-reply-asyncapi.yml': {
    stream: [
      'adeo-{env}-case-study-COSTING-REQUEST-{version}',
      'adeo-{env}-case-study-COSTING-RESPONSE-{version}',
    ],
    handler: ['Adeo AsyncAPI Case Study'],
    producer: ['adeo-{env}-case-study-COSTING-REQUEST-{version} source'],
  },
  'rpc-client-asyncapi.yml': {
    queue: ['{queue}', 'rpc_queue'],
    handler: ['RPC Client Example'],
    producer: ['{queue} source'],
  },
  'rpc-server-asyncapi.yml': {
    queue: ['{queue}', 'rpc_queue'],
    handler: ['RPC Server Example'],
    producer: ['rpc_queue source'],
  },
  'simple-asyncapi.yml': { topic: ['user/signedup'], producer: ['Account Service'] },
  'streetlights-kafka-asyncapi.yml': {
    stream: [
      'smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured',
      'smartylighting.streetlights.1.0.action.{streetlightId}.turn.on',
      'smartylighting.streetlights.1.0.action.{streetlightId}.turn.off',
      'smartylighting.streetlights.1.0.action.{streetlightId}.dim',
    ],
    handler: ['Streetlights Kafka API'],
    producer: ['smartylighting.streetlights.1.0.event.{streetlightId}.lighting.measured source'],
  },
  'streetlights-mqtt-asyncapi.yml': {
    topic: [
      'smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured',
      'smartylighting/streetlights/1/0/action/{streetlightId}/turn/on',
      'smartylighting/streetlights/1/0/action/{streetlightId}/turn/off',
      'smartylighting/streetlights/1/0/action/{streetlightId}/dim',
    ],
    handler: ['Streetlights MQTT API'],
    producer: ['smartylighting/streetlights/1/0/event/{streetlightId}/lighting/measured source'],
  },
  'social-media/ (all nine files)': {
    topic: ['comment/liked', 'like/comment', 'comment/{commentId}/changed', 'update/comment/likes'],
    producer: ['Website Backend'],
    handler: ['Comments Service', 'Website WebSocket Client', 'Notifications Service', 'Public API'],
  },
  'rpc-client + rpc-server': {
    queue: ['{queue}', 'rpc_queue'],
    producer: ['RPC Client Example'],
    handler: ['RPC Server Example'],
  },
};

describe('AsyncAPI 3.0.0 specification examples', () => {
  it('are all covered here', () => {
    expect(FIXTURE_IMPORTS.map((f) => f.title).sort()).toEqual(Object.keys(BECAME).sort());
  });

  for (const { title, files } of FIXTURE_IMPORTS) {
    describe(title, () => {
      const result = importAsyncApi(files);

      it('imports to a valid flow that can run at once', () => {
        expect(result.ok ? [] : result.problems).toEqual([]);
        if (!result.ok) return;
        const parsed = parseFlow(result.flow);
        expect(parsed.ok ? [] : parsed.problems.map(formatProblem)).toEqual([]);
        expect(runnableProblems(result.flow).map(formatProblem)).toEqual([]);
      });

      it('becomes what docs/asyncapi.md says', () => {
        if (result.ok) expect(byKind(result.flow)).toEqual(BECAME[title]);
      });

      it('runs: events flow from its producers to the end of their journeys', () => {
        if (!result.ok) return;
        const created = createSimulation(result.flow, { duration: 20, seed: 7 });
        expect(created.ok).toBe(true);
        if (!created.ok) return;
        created.sim.advanceTo(20);
        const report = created.sim.report();
        expect(created.sim.halted).toBeNull();
        expect(report.totals.emitted).toBeGreaterThan(0);
        expect(report.totals.completed).toBeGreaterThan(0);
        for (const n of result.flow.nodes.filter((x) => x.kind === 'handler'))
          expect(report.nodes[n.id]?.in, `${n.id} receives events`).toBeGreaterThan(0);
      });

      it('lists every figure it assumed in a notice', () => {
        if (!result.ok) return;
        for (const n of result.flow.nodes.filter((x) => x.kind === 'producer' || x.kind === 'handler'))
          expect(result.notices.some((m) => m.includes(`"${n.label}"`) && m.includes('assumed'))).toBe(true);
      });
    });
  }

  it('names the remote Avro schemas of the Adeo example without fetching them', () => {
    const adeo = FIXTURE_IMPORTS.find((f) => f.title.startsWith('adeo'))!;
    const r = importAsyncApi(adeo.files);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const notice = r.notices.find((n) => n.includes('not read'));
    expect(notice).toContain('3 $refs were not read');
    expect(notice).toContain('CostingRequestPayload.avsc');
    expect(notice).toContain('components.messages.costingRequestV1.payload.schema.$ref');
  });

  it('reads the Kafka binding: partitions, retention in seconds, and the default where none is given', () => {
    const r = importAsyncApi(FIXTURE_IMPORTS.find((f) => f.title.startsWith('adeo'))!.files);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const streams = r.flow.nodes.filter((n) => n.kind === 'stream').map((n) => n.config);
    expect(streams).toEqual([{ partitions: 3, retention: 604_800 }, { partitions: 6 }]);
    expect(r.notices).toContain(
      'Stream "adeo-{env}-case-study-COSTING-RESPONSE-{version}": no partitions in its kafka binding; 6 assumed',
    );
  });

  it('joins the social-media services on their channel addresses, resolving $refs across files', () => {
    const r = importAsyncApi(FIXTURE_IMPORTS.find((f) => f.title.startsWith('social'))!.files);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const label = (id: string) => r.flow.nodes.find((n) => n.id === id)!.label;
    const edges = r.flow.edges.map((e) => `${label(e.source)} → ${label(e.target)}`);
    expect(edges).toEqual([
      'comment/liked → Comments Service',
      'update/comment/likes → Website WebSocket Client',
      'comment/liked → Notifications Service',
      'comment/liked → Public API',
      'Website Backend → comment/liked',
      'Website Backend → update/comment/likes',
      'Comments Service → comment/{commentId}/changed',
      'Website WebSocket Client → like/comment',
    ]);
    // Message types come from the shared messages file's keys.
    expect(r.flow.nodes.find((n) => n.label === 'Comments Service')?.config).toMatchObject({
      emits: 'commentChanged',
    });
    expect(r.notices.filter((n) => n.includes('left out: it closes the loop'))).toHaveLength(2);
    expect(r.notices.some((n) => n.includes('not read'))).toBe(false);
  });
});
