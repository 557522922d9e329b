import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'process', 'url', 'util'];

/** A relative import that climbs, from any depth, into one of `folders` under src/: ../ui/x, ../../ui/x, … */
const climbsInto = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})(/|$)`, message });
const REACT = ['react', 'react-dom', '@xyflow/react', 'zustand'];
const reactSubpaths = (message) => ({
  group: ['react/*', 'react-dom/*', '@xyflow/react/*', 'zustand/*'],
  message,
});

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The core must run unchanged in a Worker and in Node: no React, DOM or Node built-ins,
    // and no hidden sources of nondeterminism.
    files: ['src/model/**/*.ts', 'src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...REACT, ...nodeBuiltins],
          patterns: [
            reactSubpaths('The core runs in a Worker and in Node: no React.'),
            { group: ['node:*'], message: 'The core runs in a browser Worker too: no Node built-ins.' },
            climbsInto(
              ['ui', 'store', 'runtime', 'cli', 'io'],
              'The core (model, engine) is imported by the shell (ui, store, runtime, cli, io), never the reverse.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG in engine/rng.ts.' },
        { object: 'Date', property: 'now', message: 'Simulated time only; the host passes wall time in.' },
      ],
    },
  },
  {
    // The image renderer draws in the browser app and in the CLI alike (docs/images.md): no React,
    // DOM or Node built-ins, nothing from the shell that hosts it, and the same drawing every time.
    files: ['src/io/image/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...REACT, ...nodeBuiltins],
          patterns: [
            reactSubpaths('The image renderer runs in the CLI too: no React.'),
            { group: ['node:*'], message: 'The image renderer runs in the browser too: no Node built-ins.' },
            climbsInto(
              ['ui', 'store', 'runtime', 'cli'],
              'The image renderer is imported by the app and the CLI, never the reverse.',
            ),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'performance'],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The same flow gives the same image.' },
        { object: 'Date', property: 'now', message: 'The same flow gives the same image.' },
      ],
    },
  },
  {
    // Tests of the core may time what they run (a time bound is part of what they check).
    files: ['src/model/**/*.test.ts', 'src/engine/**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval'],
    },
  },
  {
    // The host and its protocol run in a Web Worker and in tests: no React and no DOM. Time and the
    // message port are handed in by the worker entry (worker.ts: self, performance, setTimeout).
    files: ['src/runtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: REACT,
          patterns: [
            reactSubpaths('The runtime runs in a Worker: no React.'),
            climbsInto(['ui', 'store'], 'The runtime serves the UI and the store; it must not import them.'),
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document'],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.mjs', 'e2e/**/*.ts', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
