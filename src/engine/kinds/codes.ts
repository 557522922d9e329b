// Node kinds as small integers for the engine's tables and switches. Typed as a union of literals
// so that a switch over a node's code can end in assertNever: a new kind that some switch does
// not handle is a compile error there. A leaf module (it imports no engine code), so that every
// other engine module can use these constants while modules import each other.
import { KINDS, type Kind } from '../../model/flow';

/** The position of V in the tuple T, as a number literal type. */
type Position<T extends readonly unknown[], V> = {
  [I in keyof T]: T[I] extends V ? (I extends `${infer N extends number}` ? N : never) : never;
}[number];

/** A kind's code is its position in KINDS, so a new kind needs no entry here. */
export type KindCode = Position<typeof KINDS, Kind>;
export const KIND_CODE = Object.fromEntries(KINDS.map((k, i) => [k, i])) as {
  readonly [K in Kind]: Position<typeof KINDS, K>;
};

/** The kind's name for a code (the report's `kind`). */
export const KIND_NAME: readonly Kind[] = KINDS;

/** The kind code of node n. */
export const kindAt = (topo: { kind: Int32Array }, n: number): KindCode => topo.kind[n] as KindCode;

/** Where a handler takes work from: a queue (shared), a topic subscription, a stream consumer group, or its inbox. */
export const SOURCE = { queue: 0, subscription: 1, group: 2, inbox: 3 } as const;
export type SourceKind = (typeof SOURCE)[keyof typeof SOURCE];

/** Overflow policies of a full bus. */
export const OVERFLOW = { dropNewest: 0, dropOldest: 1, block: 2 } as const;
/** How a bus spaces a retry: the handler's retryDelay (v1), the bus's own delay, or backoff. */
export const RETRY = { handlerDelay: 0, delay: 1, backoff: 2 } as const;
export const JITTER = { none: 0, full: 1, equal: 2 } as const;
/** A stream consumer's failure: retry in place (the partition waits), dead-letter after maxDeliveries, or lose it. */
export const ON_FAILURE = { block: 0, deadLetter: 1, drop: 2 } as const;
