// Field-level checks for the inspector, built on the same zod schemas import uses: a value the
// inspector accepts is exactly a value a file may hold.
import type { z } from 'zod';
import { distSchema } from './dist';
import { configSchemas, type Kind, settingsSchema } from './flow';

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
 * Why `config` with `patch` applied is refused where `config` itself is not, or null: the rules
 * that join fields (a producer without a count must let time advance) show on the field edited.
 */
export function configPatchProblem(
  kind: Kind,
  config: object,
  patch: Record<string, unknown>,
): string | null {
  const schema = configSchemas[kind] as z.ZodType;
  const key = (i: z.core.$ZodIssue) => `${i.path.join('.')}: ${i.message}`;
  const before = schema.safeParse(config);
  const known = new Set(before.success ? [] : before.error.issues.map(key));
  const after = schema.safeParse({ ...config, ...patch });
  if (after.success) return null;
  return after.error.issues.find((i) => !known.has(key(i)))?.message ?? null;
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
