// `npm run bench:ui`: frames per second and p95 frame time in headless Chromium, for the app
// running a generated flow and for bare React Flow with CSS-animated edges, at 200 and 1,000
// nodes. Builds both, serves them with `vite preview`, measures requestAnimationFrame timestamps.
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { BROWSER_ARGS, findBrowser } from '../../scripts/find-browser.mjs';
import { freePort } from '../../scripts/free-port.mjs';
import { generatedFlow } from './flows';

const SIZES = [200, 1000];
const WARMUP_MS = 2000;
const MEASURE_MS = 5000;
// Ports of our own: never measure a server another checkout started.
const APP_PORT = freePort();
const BARE_PORT = freePort();
/** Where the app keeps its document (src/io/autosave.ts): the bench seeds it before load. */
const STORAGE_KEY = 'eventflow-studio.flow';
const VITE = 'node_modules/vite/bin/vite.js';

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function serve(port: number, outDir: string[], probe: string): Promise<ChildProcess> {
  // vite's own entry, not npx: one process, so kill() really stops the server.
  const p = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...outDir],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/${probe}`)).ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  p.kill();
  throw new Error(`preview on port ${port} did not start`);
}

interface Figures {
  fps: number;
  p95: number;
}

/** rAF timestamps over MEASURE_MS after WARMUP_MS: mean fps and the 95th-percentile frame time. */
async function measure(page: Page): Promise<Figures> {
  await page.waitForTimeout(WARMUP_MS);
  // A string, not a function: tsx's transform would wrap a named closure in a helper the page
  // does not have.
  const stamps = (await page.evaluate(`new Promise((resolve) => {
    const ts = [];
    const tick = (t) => {
      ts.push(t);
      if (t - ts[0] < ${MEASURE_MS}) requestAnimationFrame(tick);
      else resolve(ts);
    };
    requestAnimationFrame(tick);
  })`)) as number[];
  const gaps = stamps.slice(1).map((t, i) => t - stamps[i]!);
  gaps.sort((a, b) => a - b);
  const span = stamps.at(-1)! - stamps[0]!;
  return { fps: (gaps.length * 1000) / span, p95: gaps[Math.floor(gaps.length * 0.95)] ?? NaN };
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    sh('npx', ['vite', 'build', '--logLevel', 'warn']);
    sh('npx', ['vite', 'build', '--config', 'bench/ui/vite.config.ts']);
  }
  const servers = [
    await serve(APP_PORT, [], ''),
    await serve(BARE_PORT, ['--outDir', 'node_modules/.bench-ui'], 'bare.html'),
  ];
  const browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS });
  const rows: { n: number; app: Figures; bare: Figures }[] = [];
  try {
    for (const n of SIZES) {
      const flow = JSON.stringify(generatedFlow(n));
      const app = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await app.addInitScript(([key, text]) => localStorage.setItem(key!, text!), [STORAGE_KEY, flow]);
      await app.goto(`http://127.0.0.1:${APP_PORT}/`);
      await app
        .locator('.react-flow__node')
        .nth(n - 1)
        .waitFor({ state: 'attached' });
      await app.getByRole('button', { name: 'Run', exact: true }).click();
      await app.getByRole('button', { name: 'Pause' }).waitFor();
      const appFigures = await measure(app);
      const running = await app.getByRole('button', { name: 'Pause' }).isEnabled();
      if (!running) throw new Error(`the app stopped running with ${n} nodes`);
      await app.screenshot({ path: `/tmp/bench-app-${n}.png` });
      await app.close();

      const bare = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await bare.goto(`http://127.0.0.1:${BARE_PORT}/bare.html?n=${n}`);
      await bare
        .locator('.react-flow__node')
        .nth(n - 1)
        .waitFor({ state: 'attached' });
      const bareFigures = await measure(bare);
      await bare.close();
      rows.push({ n, app: appFigures, bare: bareFigures });
    }
  } finally {
    await browser.close();
    for (const s of servers) s.kill();
  }

  const f = (x: number) => x.toFixed(1);
  console.log('\nnodes | app fps | app p95 ms | bare fps | bare p95 ms | fps app/bare');
  console.log('----- | ------- | ---------- | -------- | ----------- | ------------');
  for (const r of rows) {
    console.log(
      `${String(r.n).padStart(5)} | ${f(r.app.fps).padStart(7)} | ${f(r.app.p95).padStart(10)} | ${f(r.bare.fps).padStart(8)} | ${f(r.bare.p95).padStart(11)} | ${(r.app.fps / r.bare.fps).toFixed(2).padStart(12)}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
