// Share links (DESIGN.md): the whole flow travels in the URL fragment, `#flow=` followed by
// base64url(deflate-raw(minified Flow JSON)). A fragment never reaches a server, so nothing is
// uploaded; the link is the document. Opening one reads it through the same validation as a file.
// A link comes from anywhere, so it is distrusted: its length is capped before decoding, and the
// inflated text is counted chunk by chunk and abandoned past a cap (a few KiB of deflate can
// inflate to gigabytes).
import type { Flow } from '../model/flow';
import { serializeFlow } from '../model/serialize';
import { type ParseResult, parseFlowText } from '../model/validate';
import { formatSize } from './flowFile';

export const SHARE_KEY = 'flow';
/** Chromium's limit on a URL's length; a longer link would be cut by the browser itself. */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
/** The most Flow JSON a link may inflate to: far above any flow that fits in a link honestly. */
export const MAX_SHARED_JSON_BYTES = 32 * 1024 * 1024;
/** Longer links are often cut by chat tools and mail clients; the Share dialog says so. */
export const LONG_LINK_CHARS = 8 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/** The fragment's value for a flow: base64url of its deflated, minified, stably ordered JSON. */
export async function encodeFlowForLink(flow: Flow): Promise<string> {
  const json = JSON.stringify(JSON.parse(serializeFlow(flow)));
  const deflated = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return toBase64Url(new Uint8Array(await new Response(deflated).arrayBuffer()));
}

/** The whole link: this page's address with the flow in its fragment. */
export async function shareLink(flow: Flow, base: string): Promise<string> {
  const url = new URL(base);
  url.hash = '';
  return `${url.href}#${SHARE_KEY}=${await encodeFlowForLink(flow)}`;
}

/** The encoded flow in a URL fragment (`#flow=…`), or null when the fragment holds none. */
export function sharedFragment(hash: string): string | null {
  const prefix = `#${SHARE_KEY}=`;
  return hash.startsWith(prefix) ? hash.slice(prefix.length) : null;
}

/** Reads a link's encoded flow back, checked exactly as an imported file is. */
export async function decodeSharedFlow(encoded: string): Promise<ParseResult> {
  if (encoded.length === 0) return damaged('it holds no flow after “#flow=”');
  if (encoded.length > MAX_LINK_CHARS)
    return damaged(`it is ${formatSize(encoded.length)} long, more than a browser keeps in a link`);
  if (!BASE64URL.test(encoded))
    return damaged('it has characters a share link never has (it may have been cut or edited)');
  const bytes = fromBase64Url(encoded);
  if (!bytes) return damaged('it is cut short (its length is not one a share link can have)');
  let inflated: Uint8Array | null;
  try {
    inflated = await drain(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
      MAX_SHARED_JSON_BYTES,
    );
  } catch {
    return damaged('its compressed data is corrupt (the link may have been cut or edited)');
  }
  if (!inflated)
    return damaged(
      `it unpacks to more than ${formatSize(MAX_SHARED_JSON_BYTES)}, far beyond any flow a link carries; nothing was read`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    return damaged('it does not unpack to text');
  }
  return parseFlowText(text);
}

function damaged(why: string): ParseResult {
  return { ok: false, problems: [{ path: '', message: `the link is damaged: ${why}` }] };
}

/** Every byte of a stream, or null (and the stream cancelled) once it passes `max` bytes. */
async function drain(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array | null> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

/** base64url without padding; by hand, since btoa needs a binary string as large as the input. */
export function toBase64Url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let line = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    line += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!;
    if (line.length >= 8192) {
      parts.push(line);
      line = '';
    }
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    line += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    line += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]!;
  }
  parts.push(line);
  return parts.join('');
}

/** The bytes of unpadded base64url text (checked against BASE64URL first), or null if cut short. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < text.length; i += 4) {
    const n =
      (VALUE[text.charCodeAt(i)]! << 18) |
      (VALUE[text.charCodeAt(i + 1)]! << 12) |
      (VALUE[text.charCodeAt(i + 2)]! << 6) |
      VALUE[text.charCodeAt(i + 3)]!;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = text.length - i;
  if (rest >= 2) {
    const n = (VALUE[text.charCodeAt(i)]! << 18) | (VALUE[text.charCodeAt(i + 1)]! << 12);
    out[o] = n >> 16;
    if (rest === 3) out[o + 1] = ((n | (VALUE[text.charCodeAt(i + 2)]! << 6)) >> 8) & 255;
  }
  return out;
}
