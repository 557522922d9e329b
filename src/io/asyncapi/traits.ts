// Traits (AsyncAPI 3.0, "Traits Merge Mechanism"): each trait in order is merged with JSON Merge
// Patch (RFC 7386), and a property the object itself sets is never overridden by a trait. Only
// what the import reads is resolved before merging: $refs inside a trait's bindings are followed,
// so that two traits' kafka bindings merge field by field rather than as two opaque references.
import { isObject, type Loc, type Resolver, sameLoc } from './resolve';

/** RFC 7386: `patch` applied to `target`; null deletes, objects merge, anything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  // "__proto__" is never read, and assigning it would replace the prototype: it is left out.
  const out: Record<string, unknown> = {};
  if (isObject(target))
    for (const [k, v] of Object.entries(target)) if (k !== '__proto__' && patch[k] !== null) out[k] = v;
  for (const [k, v] of Object.entries(patch))
    if (k !== '__proto__' && v !== null) out[k] = mergePatch(out[k], v);
  return out;
}

export type Resolved = { ok: true; value: unknown } | { ok: false; message: string };

/**
 * `value` (found at `loc`) with every $ref inside it replaced by what it points to. An unreadable
 * or missing reference stays as it is (the scan has named it, and readers ignore what they do not
 * recognise); a reference back into one of its own ancestors is a cycle.
 */
export function resolveDeep(resolver: Resolver, value: unknown, loc: Loc, ancestors: Loc[] = []): Resolved {
  const d = resolver.deref(value, loc);
  if (!d.ok) return d.why === 'cycle' ? { ok: false, message: d.message } : { ok: true, value };
  if (ancestors.some((a) => sameLoc(a, d.loc)))
    return { ok: false, message: `$ref cycle: ${resolver.where(d.loc)} contains a $ref to itself` };
  const inner = [...ancestors, d.loc];
  if (Array.isArray(d.value)) {
    const out: unknown[] = [];
    for (let i = 0; i < d.value.length; i++) {
      const r = resolveDeep(
        resolver,
        d.value[i],
        { doc: d.loc.doc, path: [...d.loc.path, String(i)] },
        inner,
      );
      if (!r.ok) return r;
      out.push(r.value);
    }
    return { ok: true, value: out };
  }
  if (!isObject(d.value)) return { ok: true, value: d.value };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(d.value)) {
    if (k === '__proto__') continue; // as in mergePatch
    const r = resolveDeep(resolver, v, { doc: d.loc.doc, path: [...d.loc.path, k] }, inner);
    if (!r.ok) return r;
    out[k] = r.value;
  }
  return { ok: true, value: out };
}

/**
 * An operation or message object with its traits applied: the traits merged in order, then the
 * object's own fields over them. Only `bindings` is resolved deeply (see above); the rest of a
 * trait is merged as written.
 */
export function applyTraits(
  resolver: Resolver,
  object: Record<string, unknown>,
  loc: Loc,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  const own = withResolvedBindings(resolver, object, loc);
  if (!own.ok) return own;
  const traits = object.traits;
  if (!Array.isArray(traits) || traits.length === 0) return own;
  let merged: unknown = {};
  for (let i = 0; i < traits.length; i++) {
    const tLoc = { doc: loc.doc, path: [...loc.path, 'traits', String(i)] };
    const d = resolver.deref(traits[i], tLoc);
    if (!d.ok) {
      if (d.why === 'cycle') return { ok: false, message: d.message };
      continue; // unreadable or missing: named elsewhere; the trait adds nothing
    }
    if (!isObject(d.value)) continue;
    const trait = withResolvedBindings(resolver, d.value, d.loc);
    if (!trait.ok) return trait;
    merged = mergePatch(merged, trait.value);
  }
  const { traits: _applied, ...fields } = own.value;
  return { ok: true, value: mergePatch(merged, fields) as Record<string, unknown> };
}

function withResolvedBindings(
  resolver: Resolver,
  object: Record<string, unknown>,
  loc: Loc,
): { ok: true; value: Record<string, unknown> } | { ok: false; message: string } {
  if (object.bindings === undefined) return { ok: true, value: object };
  const r = resolveDeep(resolver, object.bindings, { doc: loc.doc, path: [...loc.path, 'bindings'] });
  return r.ok ? { ok: true, value: { ...object, bindings: r.value } } : r;
}
