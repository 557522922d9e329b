import { describe, expect, it } from 'vitest';
import { normalize, parsePointer, Resolver } from './resolve';
import { mergePatch } from './traits';

describe('$ref resolution', () => {
  it('reads JSON pointers, escapes included', () => {
    expect(parsePointer('/components/messages/a~1b~0c')).toEqual(['components', 'messages', 'a/b~c']);
    expect(parsePointer('/channels/user%20signed')).toEqual(['channels', 'user signed']);
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('components')).toBeUndefined();
    expect(parsePointer('/bad%')).toBeUndefined();
  });

  it('normalises paths', () => {
    expect(normalize('a/./b/../c.yaml')).toBe('a/c.yaml');
    expect(normalize('../common/x.yaml')).toBe('../common/x.yaml');
    expect(normalize('C:\\specs\\a.yaml')).toBe('C:/specs/a.yaml');
    expect(normalize('/abs/a/../b.yaml')).toBe('/abs/b.yaml');
  });

  it('finds a relative file by its path, else by the end of its path, else by its name alone', () => {
    const r = new Resolver([
      { name: 'sys/backend/asyncapi.yaml', value: {} },
      { name: 'sys/common/messages.yaml', value: {} },
      { name: 'other/messages.yaml', value: {} },
      { name: 'schemas.yaml', value: {} },
    ]);
    expect(r.findFile('../common/messages.yaml', 0)).toBe(1);
    expect(r.findFile('./schemas.yaml', 1)).toBe(3);
    expect(r.findFile('../elsewhere/schemas.yaml', 0)).toBe(3);
    // Two files of that name and neither at that path: which one is meant is not known.
    expect(r.findFile('../x/messages.yaml', 0)).toBeUndefined();
  });

  it('never reads a key from an object’s prototype', () => {
    const r = new Resolver([{ name: 'a.yaml', value: { channels: {} } }]);
    expect(r.valueAt({ doc: 0, path: ['channels', 'constructor'] })).toBeUndefined();
    expect(r.deref({ $ref: '#/channels/toString' }, { doc: 0, path: ['x'] })).toMatchObject({
      ok: false,
      why: 'missing',
    });
  });
});

describe('JSON Merge Patch (RFC 7386)', () => {
  it('merges objects, replaces the rest, deletes with null', () => {
    expect(mergePatch({ a: { b: 1, c: 2 }, d: [1] }, { a: { c: null, e: 3 }, d: [2] })).toEqual({
      a: { b: 1, e: 3 },
      d: [2],
    });
    expect(mergePatch('x', { a: 1 })).toEqual({ a: 1 });
  });

  it('never assigns __proto__', () => {
    const merged = mergePatch({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
