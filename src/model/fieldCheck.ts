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
