// What the pure model knows about one node kind. Each kind's module (producer.ts, …) exports one
// of these, and kinds/index.ts gathers them in a registry typed per kind, so a kind without a
// module (or a module whose kind is not listed) does not compile.
import type { z } from 'zod';

/** A node config schema: a zod object that keeps unknown fields, so they survive a round trip. */
export type ConfigSchema = z.ZodObject<z.core.$ZodShape, z.core.$loose>;

/** Whether an edge may end (input) or start (output) at a node of the kind; if not, why not. */
export type Port = { readonly open: true } | { readonly open: false; readonly why: string };
export const OPEN: Port = { open: true };
export const closed = (why: string): Port => ({ open: false, why });

export interface ModelKind<
  K extends string = string,
  S extends ConfigSchema = ConfigSchema,
  D extends object = object,
  B extends boolean = boolean,
> {
  readonly kind: K;
  /** Its name for people: "Producer". */
  readonly label: string;
  /** The schema of `node.config`; import, the inspector and the engine all check through it. */
  readonly config: S;
  /** What each absent optional field means (README, "Semantics"); the engine runs with these. */
  readonly fieldDefaults: D;
  /** A node freshly added from the palette starts with this: sensible and runnable. */
  newConfig(): z.output<S>;
  /** Its key settings in one line for the canvas: "Poisson 80/s", "×4 · exp 12 ms". */
  summary(config: z.output<S>): string;
  readonly input: Port;
  readonly output: Port;
  /** A bus (queue, topic, stream) holds messages for its consumers and can take dead letters. */
  readonly bus: B;
}

/**
 * Declares a kind: `defineKind(config)({ kind, label, … })`. Curried so that the config schema's
 * type is settled before the rest is checked; a default config's literals ("exponential") then keep
 * their types, and the registry sees the exact schema, defaults and bus flag.
 */
export const defineKind =
  <S extends ConfigSchema>(config: S) =>
  <
    const K extends string,
    const D extends { [F in keyof S['shape']]?: z.output<S['shape'][F]> },
    const B extends boolean,
  >(
    kind: Omit<ModelKind<K, S, D, B>, 'config'>,
  ): ModelKind<K, S, D, B> => ({ ...kind, config });
