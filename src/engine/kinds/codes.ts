// Node kinds as small integers for the engine's tables and switches. Typed as a union of literals
// so that a switch over a node's code can end in assertNever: a new kind that some switch does
// not handle is a compile error there. A leaf module (it imports no engine code), so that every
// other engine module can use these constants while modules import each other.
import type { Kind } from '../../model/flow';

export const KIND_CODE = {
  producer: 0,
  queue: 1,
  topic: 2,
  stream: 3,
  handler: 4,
  store: 5,
} as const satisfies Record<Kind, number>;
export type KindCode = (typeof KIND_CODE)[Kind];

/** The kind's name for a code (the report's `kind`). */
export const KIND_NAME: readonly Kind[] = (Object.keys(KIND_CODE) as Kind[]).sort(
  (a, b) => KIND_CODE[a] - KIND_CODE[b],
);

/** The kind code of node n. */
export const kindAt = (topo: { kind: Int32Array }, n: number): KindCode => topo.kind[n] as KindCode;

/** Where a handler takes work from: a queue (shared), a topic subscription, a stream consumer group, or its inbox. */
export const SOURCE = { queue: 0, subscription: 1, group: 2, inbox: 3 } as const;
export type SourceKind = (typeof SOURCE)[keyof typeof SOURCE];
