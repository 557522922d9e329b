// The sizing question in the browser, timed: "how many consumers do we need at 2,000 orders/s so
// that p99 stays under 100 ms?" — a 5-node flow, 8 values of the handler's concurrency × 10
// replications of about 100,000 engine events each, run by the app's Experiment region ("Run
// sweep", then "Find smallest") in headless Chromium against the built app. Prints wall time and
// events per second with 1 sweep worker and with 2, the parallel efficiency T₁ / (2·T₂), whether
// both gave the same sweep document, and the answer. `npx tsx bench/sweep-browser.ts [--no-build]`.
import { chromium, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { BROWSER_ARGS, findBrowser } from '../scripts/find-browser.mjs';
import { freePort } from '../scripts/free-port.mjs';

const PORT = freePort();
const STORAGE_KEY = 'eventflow-studio.flow';
const VITE = 'node_modules/vite/bin/vite.js';
const ROUNDS = 3;
const VALUES = '6, 7, 8, 9, 10, 11, 12, 13';
const REPLICATIONS = '10';

/** 2,000 orders/s into a queue drained by one handler pool; about 100,000 engine events per run. */
const FLOW = {
  format: 'eventflow',
  version: 2,
  name: 'Orders at 2,000/s',
  settings: { seed: 1, duration: 12.5, warmup: 2.5 },
  slos: [{ metric: 'endToEnd.p99', lt: 0.1 }],
  nodes: [
    {
      id: 'orders',
      kind: 'producer',
      label: 'Orders',
      position: { x: 0, y: 100 },
      config: { eventType: 'order.placed', interarrival: { dist: 'exponential', mean: 0.0005 } },
    },
    {
      id: 'queue',
      kind: 'queue',
      label: 'orders',
      position: { x: 260, y: 100 },
      config: { capacity: 20000, deadLetter: 'dlq', maxDeliveries: 3 },
    },
    {
      id: 'billing',
      kind: 'handler',
      label: 'Billing',
      position: { x: 520, y: 100 },
      config: {
        concurrency: 8,
        service: { dist: 'lognormal', mean: 0.003, stddev: 0.002 },
        failureRate: 0.001,
      },
    },
    { id: 'ledger', kind: 'store', label: 'Ledger', position: { x: 780, y: 100 }, config: {} },
    { id: 'dlq', kind: 'queue', label: 'orders.dlq', position: { x: 260, y: 260 }, config: {} },
  ],
  edges: [
    { id: 'e1', source: 'orders', target: 'queue' },
    { id: 'e2', source: 'queue', target: 'billing', latency: { dist: 'constant', value: 0.001 } },
    { id: 'e3', source: 'billing', target: 'ledger', latency: { dist: 'exponential', mean: 0.002 } },
  ],
};

function sh(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

async function serve(): Promise<ChildProcess> {
  // vite's own entry, not npx: one process, so kill() really stops the server.
  const p = spawn(
    process.execPath,
    [VITE, 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
    {
      stdio: 'ignore',
    },
  );
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) return p;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  p.kill();
  throw new Error(`preview on port ${PORT} did not start`);
}

interface Timing {
  wallMs: number;
  events: number;
  /** The workers' time in runs, summed. */
  busyMs: number;
}

/** Waits for the cost line `testid` to show a new wall time, and reads it. */
async function finished(page: Page, testid: string, previous: string | null): Promise<Timing> {
  // A string, not a function: tsx's transform would wrap a closure in a helper the page lacks.
  await page.waitForFunction(
    `(() => { const el = document.querySelector('[data-testid="${testid}"]'); return el !== null && el.getAttribute('data-wall-ms') !== ${JSON.stringify(previous)}; })()`,
    undefined,
    { timeout: 600_000, polling: 50 },
  );
  const el = page.getByTestId(testid);
  return {
    wallMs: Number(await el.getAttribute('data-wall-ms')),
    events: Number(await el.getAttribute('data-events')),
    busyMs: Number(await el.getAttribute('data-busy-ms')),
  };
}

async function measure(browser: import('@playwright/test').Browser, workers: number) {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  // The app sizes its sweep pool by navigator.hardwareConcurrency, read when it starts.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: workers });
  await page.addInitScript(
    ([key, text]) => localStorage.setItem(key!, text!),
    [STORAGE_KEY, JSON.stringify(FLOW)],
  );
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page
    .locator('.react-flow__node[data-id="billing"]')
    .waitFor()
    .catch(async (err: unknown) => {
      await page.screenshot({ path: '/tmp/bench-sweep-failed.png' });
      throw err;
    });
  await page.getByRole('tab', { name: 'Experiment' }).click();
  const region = page.getByRole('region', { name: 'Experiment' });
  await region.getByRole('combobox', { name: 'Field' }).selectOption('nodes.billing.config.concurrency');
  await region.getByRole('radio', { name: 'List' }).check();
  await region.getByRole('textbox', { name: /^Values/ }).fill(VALUES);
  await region.getByRole('spinbutton', { name: 'Replications' }).fill(REPLICATIONS);
  const rounds: Timing[] = [];
  let previous: string | null = null;
  for (let r = 0; r < ROUNDS; r++) {
    await region.getByRole('button', { name: 'Run sweep' }).click();
    const t = await finished(page, 'sweep-cost', previous);
    previous = String(t.wallMs);
    rounds.push(t);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: 'Export sweep JSON' }).click(),
  ]);
  const document = await readFile((await download.path())!, 'utf8');
  await region.getByRole('button', { name: 'Find smallest' }).click();
  const search = await finished(page, 'search-cost', null);
  const answer = await region.getByTestId('search-answer').innerText();
  await page.close();
  return { rounds, document, search, answer };
}

/**
 * What this machine lets two Web Workers do right now: a bare loop run in 1 worker, then in 2
 * at once, in the same browser. On a machine other work shares, this is the most the sweep's
 * efficiency can be, so both are printed side by side.
 */
async function bareEfficiency(browser: import('@playwright/test').Browser): Promise<number> {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${PORT}/`);
  const [one, two] = (await page.evaluate(`(async () => {
    const code = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; postMessage(x);';
    const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
    const run = async (n) => {
      const t = performance.now();
      await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => {
        const w = new Worker(url);
        w.onmessage = () => { w.terminate(); resolve(); };
      })));
      return performance.now() - t;
    };
    return [await run(1), await run(2)];
  })()`)) as [number, number];
  await page.close();
  return (2 * one) / (2 * two);
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) sh('npx', ['vite', 'build', '--logLevel', 'warn']);
  const server = await serve();
  const browser = await chromium.launch({ executablePath: findBrowser(), args: BROWSER_ARGS });
  try {
    const before = await bareEfficiency(browser);
    const one = await measure(browser, 1);
    const two = await measure(browser, 2);
    const after = await bareEfficiency(browser);
    const line = (n: number, t: Timing, what: string) =>
      console.log(
        `${String(n).padStart(7)} | ${what.padEnd(14)} | ${(t.wallMs / 1000).toFixed(2).padStart(6)} s | ${(t.events / 1e6).toFixed(2).padStart(6)} M | ${(((t.events / t.wallMs) * 1000) / 1e6).toFixed(2).padStart(6)} M/s | ${((100 * t.busyMs) / (n * t.wallMs)).toFixed(0).padStart(4)} %`,
      );
    console.log(`\nsweep: 8 values × ${REPLICATIONS} replications, about 100,000 events per run`);
    // Busy: the workers' time in runs over workers × wall, how well the pool kept them fed. On a
    // machine other work shares, a worker can be busy and still slow: compare rounds of one run.
    console.log('workers | round          |     wall |   events | events/s | busy');
    console.log('------- | -------------- | -------- | -------- | -------- | ----');
    for (const [n, m] of [
      [1, one],
      [2, two],
    ] as const) {
      m.rounds.forEach((t, i) => line(n, t, i === 0 ? 'sweep (cold)' : `sweep ${i + 1}`));
      line(n, m.search, 'find smallest');
    }
    const t1 = median(one.rounds.map((r) => r.wallMs));
    const t2 = median(two.rounds.map((r) => r.wallMs));
    console.log(
      `\nmedian sweep: 1 worker ${(t1 / 1000).toFixed(2)} s, 2 workers ${(t2 / 1000).toFixed(2)} s`,
    );
    console.log(`parallel efficiency T1 / (2 · T2): ${(t1 / (2 * t2)).toFixed(2)}`);
    console.log(
      `a bare loop in 2 workers against 1, same browser, before and after: ${before.toFixed(2)}, ${after.toFixed(2)}`,
    );
    console.log(`same sweep document with 1 and 2 workers: ${one.document === two.document ? 'yes' : 'NO'}`);
    console.log(`answer: ${two.answer}`);
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
