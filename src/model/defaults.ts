// Documented defaults: what an absent optional field means, and what a new node starts with.
// Each kind's module holds its own; these are the views the engine and the store read.
import type { ConfigOf, FlowSettings, Kind } from './flow';
import { KINDS, MODEL_KINDS } from './kinds';

export const DEFAULT_SETTINGS = { seed: 1, duration: 60, warmup: 0 } as const satisfies Required<
  Pick<FlowSettings, 'seed' | 'duration' | 'warmup'>
>;

type AllFieldDefaults = UnionToIntersection<(typeof MODEL_KINDS)[Kind]['fieldDefaults']>;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;

/**
 * Every kind's field defaults in one object (see README, "Semantics"). A field that two kinds share
 * means the same in both (kinds.test.ts holds them to it), so merging loses nothing.
 */
export const FIELD_DEFAULTS = Object.freeze(
  Object.assign({}, ...KINDS.map((k) => MODEL_KINDS[k].fieldDefaults)) as AllFieldDefaults,
);

/** Config for a node freshly added from the palette: a sensible, runnable starting point. */
export function newConfig<K extends Kind>(kind: K): ConfigOf<K> {
  return MODEL_KINDS[kind].newConfig() as ConfigOf<K>;
}
