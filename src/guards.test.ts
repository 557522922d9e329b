// The purity rules in eslint.config.js, proved on small sources linted as if they sat at various
// depths of the tree: the core (model, engine), the runtime and the image renderer must not reach
// into the shell, React or the DOM, however deep the file.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The rules each finding came from, for `code` linted as the file `path`. */
async function findings(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages.map((m) => m.ruleId ?? m.message);
}

const imports = (from: string) => `import { x } from '${from}';\nexport const y = x;\n`;

describe('core purity (src/model, src/engine)', () => {
  it.each([
    ['src/model/x.ts', '../ui/x'],
    ['src/model/kinds/x.ts', '../../ui/kinds'],
    ['src/engine/x.ts', '../store/useAppStore'],
    ['src/engine/kernel/x.ts', '../../ui/x'],
    ['src/engine/kernel/x.ts', '../../runtime/protocol'],
    ['src/engine/kernel/deep/x.ts', '../../../cli/run'],
    ['src/model/testing/x.ts', '../../io/download'],
    ['src/engine/kernel/x.ts', 'react'],
    ['src/model/kinds/x.ts', 'zustand/react/shallow'],
    ['src/model/x.ts', '@xyflow/react'],
    ['src/engine/kernel/x.ts', 'node:fs'],
    ['src/engine/x.ts', 'fs'],
  ])('%s may not import %s', async (path, from) => {
    expect(await findings(path, imports(from))).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['window', 'export const w = window.innerWidth;\n', 'no-restricted-globals'],
    ['document', 'export const t = document.title;\n', 'no-restricted-globals'],
    ['timers', 'setTimeout(() => {}, 1);\n', 'no-restricted-globals'],
    ['Math.random', 'export const r = Math.random();\n', 'no-restricted-properties'],
    ['Date.now', 'export const t = Date.now();\n', 'no-restricted-properties'],
  ])('refuses %s deep in the engine', async (_what, code, rule) => {
    expect(await findings('src/engine/kernel/x.ts', code)).toEqual([rule]);
  });

  it('lets the core import itself and zod', async () => {
    expect(await findings('src/engine/kernel/x.ts', imports('../../model/flow'))).toEqual([]);
    expect(await findings('src/model/kinds/x.ts', imports('../fields'))).toEqual([]);
    expect(await findings('src/model/kinds/x.ts', imports('zod'))).toEqual([]);
  });
});

describe('runtime purity (src/runtime)', () => {
  it.each([
    ['src/runtime/host.ts', 'react'],
    ['src/runtime/protocol.ts', 'react-dom/client'],
    ['src/runtime/host.ts', '@xyflow/react'],
    ['src/runtime/host.ts', 'zustand'],
    ['src/runtime/host.ts', '../ui/run/runContext'],
    ['src/runtime/transport/x.ts', '../../store/useAppStore'],
    ['src/runtime/a/b/x.ts', '../../../ui/x'],
  ])('%s may not import %s', async (path, from) => {
    expect(await findings(path, imports(from))).toEqual(['no-restricted-imports']);
  });

  it('refuses the DOM', async () => {
    expect(await findings('src/runtime/host.ts', 'export const t = document.title;\n')).toEqual([
      'no-restricted-globals',
    ]);
    expect(await findings('src/runtime/transport/x.ts', 'export const w = window;\n')).toEqual([
      'no-restricted-globals',
    ]);
  });

  it('lets the runtime use the engine and the model, and the worker entry its scope, clock and timers', async () => {
    expect(await findings('src/runtime/host.ts', imports('../engine'))).toEqual([]);
    expect(await findings('src/runtime/transport/x.ts', imports('../../model/flow'))).toEqual([]);
    const worker =
      'export const s = self;\nexport const now = () => performance.now();\nsetTimeout(() => {}, 1);\n';
    expect(await findings('src/runtime/worker.ts', worker)).toEqual([]);
  });
});

describe('image renderer purity (src/io/image)', () => {
  it.each([
    ['src/io/image/x.ts', 'react'],
    ['src/io/image/x.ts', '@xyflow/react'],
    ['src/io/image/x.ts', 'node:fs'],
    ['src/io/image/x.ts', 'path'],
    ['src/io/image/x.ts', '../../ui/kinds'],
    ['src/io/image/testing/x.ts', '../../../store/useAppStore'],
    ['src/io/image/x.ts', '../../cli/readFile'],
    ['src/io/image/x.ts', '../../runtime/protocol'],
  ])('%s may not import %s', async (path, from) => {
    expect(await findings(path, imports(from))).toEqual(['no-restricted-imports']);
  });

  it.each([
    ['document', 'export const t = document.title;\n', 'no-restricted-globals'],
    ['Math.random', 'export const r = Math.random();\n', 'no-restricted-properties'],
  ])('refuses %s', async (_what, code, rule) => {
    expect(await findings('src/io/image/x.ts', code)).toEqual([rule]);
  });

  it('lets the renderer use the model, the engine types and itself', async () => {
    expect(await findings('src/io/image/x.ts', imports('../../model/flow'))).toEqual([]);
    expect(await findings('src/io/image/x.ts', imports('../../engine/api'))).toEqual([]);
    expect(await findings('src/io/image/testing/x.ts', imports('../xml'))).toEqual([]);
  });
});
