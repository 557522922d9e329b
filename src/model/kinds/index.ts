// The node kinds, in palette order, and each kind's model module. The registry's type lists every
// kind, so adding one to KINDS without a module (or the other way round) is a compile error, and
// so is every exhaustive switch (assertNever) and per-kind table that does not handle it yet.
import { dependency } from './dependency';
import { handler } from './handler';
import type { ModelKind } from './modelKind';
import { producer } from './producer';
import { queue } from './queue';
import { store } from './store';
import { stream } from './stream';
import { topic } from './topic';

export const KINDS = ['producer', 'queue', 'topic', 'stream', 'handler', 'dependency', 'store'] as const;
export type Kind = (typeof KINDS)[number];

export const MODEL_KINDS = { producer, queue, topic, stream, handler, dependency, store } as const satisfies {
  [K in Kind]: ModelKind<K>;
};

/** The kinds whose module says they are buses. */
export type BusKind = { [K in Kind]: (typeof MODEL_KINDS)[K]['bus'] extends true ? K : never }[Kind];
export const isBusKind = (k: Kind): k is BusKind => MODEL_KINDS[k].bus;
