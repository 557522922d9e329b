// The app ships this module: it must not pull in the official parser (about 420 KB gzipped; tests
// use it to check exports), ELK (the app lays out on its own), Node built-ins (it runs in the
// browser) or the network.
import { describe, expect, it } from 'vitest';

const sources = import.meta.glob<string>(['./*.ts', '!./*.test.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('the AsyncAPI module the app ships', () => {
  it('has its sources here', () => {
    expect(Object.keys(sources)).toContain('./index.ts');
  });

  for (const [file, text] of Object.entries(sources))
    it(`${file} imports only the model, zod and yaml`, () => {
      const imports = [...text.matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      for (const from of imports) expect(from, file).toMatch(/^(\.\/|\.\.\/\.\.\/model\/|zod$|yaml$)/);
      expect(text).not.toMatch(/\bfetch\(|XMLHttpRequest|@asyncapi\/parser|elkjs/);
    });
});
