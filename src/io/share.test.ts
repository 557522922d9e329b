// Share links carry a flow whole and refuse, with the reason, anything that is not one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Flow } from '../model/flow';
import { flowArb } from '../model/testing/arbitraries';
import { parseFlow } from '../model/validate';
import {
  decodeSharedFlow,
  encodeFlowForLink,
  fromBase64Url,
  MAX_SHARED_JSON_BYTES,
  sharedFragment,
  shareLink,
  toBase64Url,
} from './share';
import { TEMPLATES } from './templates';

const normalised = (flow: unknown): Flow => {
  const r = parseFlow(flow);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.flow;
};

async function deflate(text: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(stream).arrayBuffer()));
}

async function problem(encoded: string): Promise<string> {
  const r = await decodeSharedFlow(encoded);
  if (r.ok) throw new Error('the link was accepted');
  return r.problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}

describe('base64url', () => {
  it('is the standard alphabet without padding, both ways, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(fromBase64Url(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('says a length no encoding has is cut short', () => {
    expect(fromBase64Url('abcde')).toBeNull();
  });
});

describe('share links', () => {
  it('bring back every template exactly', async () => {
    for (const t of TEMPLATES) {
      const flow = normalised(t.json);
      const back = await decodeSharedFlow(await encodeFlowForLink(flow));
      expect(back).toEqual({ ok: true, flow, notices: [] });
    }
  });

  it('bring back any valid flow exactly', async () => {
    await fc.assert(
      fc.asyncProperty(flowArb(), async (raw) => {
        const flow = normalised(raw);
        const back = await decodeSharedFlow(await encodeFlowForLink(flow));
        expect(back.ok && back.flow).toEqual(flow);
      }),
      { numRuns: 150 },
    );
  });

  it('are the page’s address with the flow in the fragment, replacing any fragment it had', async () => {
    const flow = normalised(TEMPLATES[0]!.json);
    const link = await shareLink(flow, 'https://studio.example/app/?x=1#flow=old');
    expect(link.startsWith('https://studio.example/app/?x=1#flow=')).toBe(true);
    const encoded = sharedFragment(new URL(link).hash);
    expect(encoded).not.toBeNull();
    expect(await decodeSharedFlow(encoded!)).toMatchObject({ ok: true, flow });
  });

  it('are compact: a template of a dozen nodes fits in a few KiB', async () => {
    const flow = normalised(TEMPLATES.find((t) => t.id === 'cqrs-orders')!.json);
    const encoded = await encodeFlowForLink(flow);
    expect(encoded.length).toBeLessThan(JSON.stringify(flow).length / 2);
  });

  it('open a version 1 flow as a file would, telling what reading it changed', async () => {
    const v1 = {
      format: 'eventflow',
      version: 1,
      name: 'Old',
      nodes: [{ id: 'q', kind: 'queue', position: { x: 0, y: 0 }, config: {} }],
      edges: [],
    };
    const r = await decodeSharedFlow(await deflate(JSON.stringify(v1)));
    expect(r.ok && r.flow.version).toBe(2);
  });

  it('find only `#flow=` fragments', () => {
    expect(sharedFragment('#flow=abc')).toBe('abc');
    expect(sharedFragment('#other=abc')).toBeNull();
    expect(sharedFragment('')).toBeNull();
  });
});

describe('damaged links', () => {
  it('are refused with what is wrong, never thrown', async () => {
    const good = await encodeFlowForLink(normalised(TEMPLATES[0]!.json));
    expect(await problem('')).toMatch(/holds no flow/);
    expect(await problem(`${good.slice(0, 10)}%20${good.slice(10)}`)).toMatch(
      /characters a share link never has/,
    );
    expect(await problem(good.slice(0, good.length - (good.length % 4 === 2 ? 1 : 3)))).toMatch(/cut short/);
    expect(await problem(good.slice(0, Math.floor(good.length / 2) * 1 - 2))).toMatch(/damaged/);
    expect(await problem('AAAA')).toMatch(/damaged/);
  });

  it('are refused when they unpack to something not a flow', async () => {
    expect(await problem(await deflate('{"format": "eventflow"'))).toMatch(/not valid JSON/);
    expect(await problem(await deflate(new Uint8Array([0xff, 0xfe, 0x00])))).toMatch(
      /does not unpack to text/,
    );
    expect(await problem(await deflate('{"format":"other"}'))).toMatch(/format: must be "eventflow"/);
  });

  it('stop unpacking a decompression bomb at the cap instead of filling memory', async () => {
    // Valid JSON all the way: a flow followed by more blank space than the cap allows.
    const flow = JSON.stringify(normalised(TEMPLATES[0]!.json));
    const pad = new Uint8Array(MAX_SHARED_JSON_BYTES + 1).fill(0x20);
    const bytes = new Uint8Array(flow.length + pad.length);
    bytes.set(new TextEncoder().encode(flow));
    bytes.set(pad, flow.length);
    const encoded = await deflate(bytes);
    expect(encoded.length).toBeLessThan(100_000);
    expect(await problem(encoded)).toMatch(/unpacks to more than 32 MiB/);
  });
});
