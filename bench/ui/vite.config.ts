// Builds the bare React Flow page for `npm run bench:ui` (outside dist/, which is the app's).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'error',
  build: {
    target: 'es2022',
    outDir: fileURLToPath(new URL('../../node_modules/.bench-ui', import.meta.url)),
    emptyOutDir: true,
    rollupOptions: { input: fileURLToPath(new URL('./bare.html', import.meta.url)) },
  },
});
