// Field-level checks for the inspector, built on the same zod schemas import uses: a value the
// inspector accepts is exactly a value a file may hold.
import type { z } from 'zod';
import { distSchema } from './dist';
import { configSchemas, edgeSchema, type Kind, settingsSchema } from './flow';
import { formatPath } from './validate';

function firstProblem(schema: z.ZodType, value: unknown, at: PropertyKey[] = []): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const hit = r.error.issues.find((i) => at.every((k, n) => i.path[n] === k)) ?? r.error.issues[0];
  return hit ? hit.message : null;
}

/** Why `value` is refused for `kind`'s config field `key` (undefined means "leave it out"), or null. */
export function configFieldProblem(kind: Kind, key: string, value: unknown): string | null {
  const shape = configSchemas[kind].shape as Record<string, z.ZodType | undefined>;
  const schema = shape[key];
  if (!schema) return null;
  return firstProblem(schema, value);
}

/**
 * Why a node's whole `config` (one field of it just edited) is refused, or null. The problem at
 * `at` (the edited field, or a part of it such as ['retry', 'backoff', 'max']) comes first; a rule
 * across fields that the edit breaks elsewhere is named with its path (`keySkew: needs keys …`),
 * so the inspector never stores a config that import would refuse.
 */
export function configProblem(kind: Kind, config: unknown, at: readonly PropertyKey[]): string | null {
  return problemAt(configSchemas[kind], config, at);
}

/** As configProblem, for an edge with one field (or a part of it, ['backoff', 'max']) just edited. */
export function edgeProblem(edge: unknown, at: readonly PropertyKey[]): string | null {
  return problemAt(edgeSchema, edge, at);
}

function problemAt(schema: z.ZodType, value: unknown, at: readonly PropertyKey[]): string | null {
  const r = schema.safeParse(value);
  if (r.success) return null;
  const startsWithAt = (path: readonly PropertyKey[]) => at.every((k, n) => path[n] === k);
  const own = r.error.issues.find((i) => startsWithAt(i.path));
  if (own) return own.message;
  const other = r.error.issues[0];
  return other ? `${formatPath(other.path)}: ${other.message}` : null;
}

/** Why an edge's field `key` (prefetch, ackLatency, …) would be refused with `value`, or null. */
export function edgeFieldProblem(key: 'prefetch', value: unknown): string | null {
  return firstProblem(edgeSchema.shape[key], value);
}

/** Why a distribution is refused, looking at its parameter `param` first, or null. */
export function distProblem(dist: Record<string, unknown>, param?: string): string | null {
  return firstProblem(distSchema, dist, param ? [param] : []);
}

/** Why the settings are refused at `key` (seed, duration, warmup), or null. */
export function settingsProblem(settings: Record<string, unknown>, key: string): string | null {
  const r = settingsSchema.safeParse(settings);
  if (r.success) return null;
  return r.error.issues.find((i) => i.path[0] === key)?.message ?? null;
}
