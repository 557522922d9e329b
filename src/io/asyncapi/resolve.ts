// $ref resolution across the documents of one import. A local `#/components/…` pointer and a
// relative file (`../common/messages.yaml#/likeComment`) among the files given are read; nothing
// is ever fetched, so a URL or a file that was not given is "unreadable": the import names it in
// a notice and goes on without it. A chain of $refs that comes back to where it started is a cycle.
import { at, formatPath, quote } from './report';

export interface SourceDoc {
  /** The file's name as given (a path, or a bare name from a browser's file chooser). */
  readonly name: string;
  readonly value: unknown;
}

/** A place in one of the documents: its index and the keys leading there. */
export interface Loc {
  readonly doc: number;
  readonly path: readonly string[];
}

export type Deref =
  | { ok: true; value: unknown; loc: Loc }
  | { ok: false; why: 'unreadable' | 'missing' | 'cycle'; ref: string; message: string };

type Target = { ok: true; loc: Loc } | { ok: false; why: 'unreadable' | 'missing'; message: string };

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `$ref` of a Reference Object, if `value` is one. */
export const refOf = (value: unknown): string | undefined =>
  isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;

const hasScheme = (ref: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(ref);

export class Resolver {
  private readonly names: string[];

  constructor(readonly docs: readonly SourceDoc[]) {
    this.names = docs.map((d) => normalize(d.name));
  }

  where(loc: Loc): string {
    return at(this.docs[loc.doc]!.name, loc.path);
  }

  /** The value at a place, or undefined. Own keys only: a key may be "constructor". */
  valueAt(loc: Loc): unknown {
    let value: unknown = this.docs[loc.doc]!.value;
    for (const key of loc.path) {
      if (Array.isArray(value)) value = /^\d+$/.test(key) ? value[Number(key)] : undefined;
      else if (isObject(value)) value = Object.hasOwn(value, key) ? value[key] : undefined;
      else return undefined;
    }
    return value;
  }

  /** Follows `value` (found at `loc`) through its chain of $refs to what it stands for. */
  deref(value: unknown, loc: Loc): Deref {
    const seen = [loc];
    let current: Deref = { ok: true, value, loc };
    for (let ref = refOf(value); ref !== undefined; ref = refOf(current.value)) {
      const target = this.target(ref, current.loc.doc);
      if (!target.ok) return { ok: false, why: target.why, ref, message: target.message };
      if (seen.some((l) => sameLoc(l, target.loc))) {
        const chain = [...seen, target.loc].map((l) => formatPath(l.path) || '(top)').join(' → ');
        return { ok: false, why: 'cycle', ref, message: `$ref cycle: ${chain}` };
      }
      seen.push(target.loc);
      const found = this.valueAt(target.loc);
      if (found === undefined)
        return {
          ok: false,
          why: 'missing',
          ref,
          message: `$ref ${quote(ref)} points to nothing: there is no ${formatPath(target.loc.path) || 'document'} in ${this.docs[target.loc.doc]!.name}`,
        };
      current = { ok: true, value: found, loc: target.loc };
    }
    return current;
  }

  /** Where a $ref written in document `from` points. */
  target(ref: string, from: number): Target {
    const hash = ref.indexOf('#');
    const file = hash < 0 ? ref : ref.slice(0, hash);
    const fragment = hash < 0 ? '' : ref.slice(hash + 1);
    let doc = from;
    if (file !== '') {
      if (hasScheme(file))
        return {
          ok: false,
          why: 'unreadable',
          message: `${quote(ref)} is not fetched (Eventflow Studio reads only the files it is given)`,
        };
      const found = this.findFile(file, from);
      if (found === undefined)
        return {
          ok: false,
          why: 'unreadable',
          message: `${quote(ref)}: the file ${quote(file)} was not among the files given`,
        };
      doc = found;
    }
    const path = parsePointer(fragment);
    if (path === undefined)
      return { ok: false, why: 'missing', message: `$ref ${quote(ref)} is not a JSON pointer (#/…)` };
    return { ok: true, loc: { doc, path } };
  }

  /**
   * The document a relative file name means, seen from document `from`: the file at that path;
   * else the one file whose path ends the same way (a browser gives bare names, a command line
   * whatever path it was called with); else the one file of that name.
   */
  findFile(file: string, from: number): number | undefined {
    const wanted = normalize(joinPath(dirname(this.names[from]!), file));
    const exact = this.names.indexOf(wanted);
    if (exact >= 0) return exact;
    const tail = normalize(file).replace(/^(\.\.\/)+/, '');
    const unique = (match: (name: string) => boolean): number | undefined => {
      const hits = this.names.flatMap((n, i) => (match(n) ? [i] : []));
      return hits.length === 1 ? hits[0] : undefined;
    };
    return (
      unique((n) => n === tail || n.endsWith(`/${tail}`)) ?? unique((n) => basename(n) === basename(tail))
    );
  }

  /**
   * Every $ref in document `doc` that cannot be read, with where it is written, and the other
   * documents its refs point into. Iterative: a document is only bounded in depth (text.ts).
   */
  scan(doc: number): { unreadable: { ref: string; where: string; message: string }[]; uses: Set<number> } {
    const unreadable: { ref: string; where: string; message: string }[] = [];
    const uses = new Set<number>();
    const stack: { value: unknown; path: string[] }[] = [{ value: this.docs[doc]!.value, path: [] }];
    while (stack.length > 0) {
      const { value, path } = stack.pop()!;
      if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: [...path, String(i)] }));
      else if (isObject(value)) {
        const ref = refOf(value);
        if (ref !== undefined) {
          const t = this.target(ref, doc);
          if (!t.ok && t.why === 'unreadable')
            unreadable.push({ ref, where: at(this.docs[doc]!.name, [...path, '$ref']), message: t.message });
          else if (t.ok && t.loc.doc !== doc) uses.add(t.loc.doc);
        }
        // An extension (x-…) is not AsyncAPI: a $ref in it means nothing to the specification.
        for (const [k, v] of Object.entries(value))
          if (k !== '$ref' && !k.startsWith('x-')) stack.push({ value: v, path: [...path, k] });
      }
    }
    // The walk pops from the end: put them back in document order.
    return { unreadable: unreadable.reverse(), uses };
  }
}

export const sameLoc = (a: Loc, b: Loc): boolean =>
  a.doc === b.doc && a.path.length === b.path.length && a.path.every((k, i) => k === b.path[i]);

/** `#/components/messages/a~1b` → ["components", "messages", "a/b"]; undefined if not a pointer. */
export function parsePointer(fragment: string): string[] | undefined {
  if (fragment === '' || fragment === '/') return [];
  if (!fragment.startsWith('/')) return undefined;
  try {
    return fragment
      .slice(1)
      .split('/')
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
  } catch {
    return undefined;
  }
}

/** `a/./b/../c` → `a/c`; backslashes as slashes; leading `../` kept when there is nothing to climb. */
export function normalize(name: string): string {
  const out: string[] = [];
  const absolute = name.startsWith('/');
  for (const part of name.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return (absolute ? '/' : '') + out.join('/');
}

const dirname = (name: string): string => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '');
const basename = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
const joinPath = (dir: string, file: string): string =>
  file.startsWith('/') || dir === '' ? file : `${dir}/${file}`;
