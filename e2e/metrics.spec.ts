// The figures people come for, on screen and agreeing with each other: end-to-end percentiles,
// chart readouts, service and network time per node, where time goes per hop, queueing theory
// (or why not), one baseline, true edge rates, and a metrics export with its wall time.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { canvasNode, inspector, loadTemplate, metrics, openApp, runToEnd, toolbar } from './helpers';

const total = (page: Page, name: string): Locator => metrics(page).locator(`[data-total="${name}"]`);

/** "130 ms" → 0.13, "1.2 s" → 1.2, "850 µs" → 0.00085. */
function seconds(text: string): number {
  const m = /([\d.,]+)\s*(µs|ms|s|min)/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  const scale = { µs: 1e-6, ms: 1e-3, s: 1, min: 60 }[m[2] as 'µs' | 'ms' | 's' | 'min'];
  return Number(m[1]!.replace(/,/g, '')) * scale;
}
const count = (text: string): number => Number(text.replace(/[^\d]/g, ''));

async function runTemplate(page: Page, title: RegExp): Promise<void> {
  await openApp(page);
  await loadTemplate(page, title);
  await runToEnd(page);
}

test('end-to-end p50/p95/p99, chart readouts under the pointer, service and network time', async ({
  page,
}) => {
  await runTemplate(page, /User sign-up/);
  const [p50, p95, p99] = await Promise.all(['p50', 'p95', 'p99'].map((p) => total(page, p).innerText()));
  expect(seconds(p50!)).toBeGreaterThan(0);
  expect(seconds(p50!)).toBeLessThanOrEqual(seconds(p95!));
  expect(seconds(p95!)).toBeLessThanOrEqual(seconds(p99!));

  // Every chart reads out its values under the pointer, and the latest values elsewhere.
  for (const title of ['Throughput', 'End-to-end latency', 'Queue depth']) {
    const figure = metrics(page).getByRole('figure', { name: title });
    const readout = figure.locator('.chart-readout');
    await expect(readout).not.toHaveText(/^t \d/);
    const plot = figure.getByRole('img', { name: `${title} chart` });
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.35, box.y + box.height * 0.4);
    await expect(readout).toContainText(/^t \d/);
    const early = await readout.innerText();
    await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.4);
    await expect(readout).not.toHaveText(early);
    if (title === 'End-to-end latency') expect(early).toMatch(/p50.*\d.*p95.*\d.*p99.*\d/s);
    await page.mouse.move(0, 0);
    await expect(readout).not.toHaveText(/^t \d/);
  }

  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  await expect(table.getByRole('columnheader', { name: 'Service p50 / p95 / p99' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Network in (mean)' })).toBeVisible();
  const mailer = table.getByRole('row', { name: /Welcome mailer/ });
  await expect(mailer.locator('[data-metric="service"]')).toHaveText(/\d.* \/ .*\d.* \/ .*\d.*(ms|s)$/);
  // user.signed-up → Welcome mailer has a 2 ms (exponential) latency: measured, close to 2 ms.
  const network = seconds(await mailer.locator('[data-metric="network"]').innerText());
  expect(network).toBeGreaterThan(0.0015);
  expect(network).toBeLessThan(0.0025);
  await expect(mailer.locator('[data-metric="network"]')).not.toContainText('configured');
  await page.screenshot({ path: test.info().outputPath('metrics-signup.png') });
});

test('where time goes: queue wait + processing + network per hop of the slowest path', async ({ page }) => {
  await runTemplate(page, /Work queue/);
  const waterfall = metrics(page).getByRole('table', { name: /^Where time goes, slowest path: / });
  await expect(waterfall).toHaveAccessibleName(
    /Image uploads → thumbnail\.jobs → Worker pool [AB] → Thumbnail bucket/,
  );
  const worker = waterfall.getByRole('row', { name: /Worker pool/ });
  await expect(worker).toContainText(/queue wait \d.*processing \d/);
  const bucket = waterfall.getByRole('row', { name: /Thumbnail bucket/ });
  // Handler → store edges: 4 ms exponential, configured (two edges share the store).
  await expect(bucket).toContainText(/network 4 ms \(configured\)/);
  // The hops add up to the path's total.
  const hops = await waterfall.locator('tbody .breakdown__total').allInnerTexts();
  const sum = hops.reduce((s, t) => s + seconds(t.split(':').at(-1)!), 0);
  const end = seconds(await waterfall.locator('tfoot .breakdown__total').innerText());
  expect(Math.abs(sum - end) / end).toBeLessThan(0.02);
  // Another path can be picked; the slowest is first.
  const pick = metrics(page).getByRole('combobox', { name: 'Path' });
  await expect(pick.getByRole('option').first()).toHaveText(/^Slowest: /);
  expect(await pick.getByRole('option').count()).toBe(2);
});

test('queueing theory: an approximation is marked, and no figure comes with a reason', async ({ page }) => {
  await runTemplate(page, /User sign-up/);
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  // Behind a topic of 10,000 places the bound is treated as none: said to be an approximation.
  await expect(table.getByRole('row', { name: /Analytics/ })).toContainText(
    /M\/G\/1 approximation ρ 0\.\d\d · wait ≈ [\d.]+ (ms|µs) predicted/,
  );
  await expect(table.getByRole('row', { name: /Audit logger/ })).toContainText(/M\/G\/1.* predicted/);
  // Subscriptions are at least once: a failing subscriber's retries add to its arrivals.
  await expect(table.getByRole('row', { name: /Welcome mailer/ })).toContainText(
    'No prediction: failed messages go back into “user.signed-up”',
  );

  await loadTemplate(page, /Work queue/);
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(table.getByRole('row', { name: /Worker pool A/ })).toContainText(
    'No prediction: failed messages go back into “thumbnail.jobs”',
  );
});

test('one baseline for badges and totals, said on screen; the export has the wall time', async ({ page }) => {
  await runTemplate(page, /Work queue/);
  await expect(metrics(page).getByTestId('baseline')).toHaveText('Since warm-up (from 10.0 s)');
  const badge = canvasNode(page, 'producer-1').locator('[data-live-node]');
  await expect(badge).toContainText(/\d+ sent/);
  expect(count(await badge.innerText())).toBe(count(await total(page, 'sent').innerText()));
  const store = canvasNode(page, 'store-1').locator('[data-live-node]');
  const bucketRow = metrics(page).getByRole('row', { name: /Thumbnail bucket/ });
  expect(count(await store.innerText())).toBe(
    count(await bucketRow.locator('[data-metric="in"]').innerText()),
  );
  const wholeRun = metrics(page).getByTestId('whole-run');
  await expect(wholeRun).toContainText(/Whole run, warm-up included: [\d,]+ copies emitted = /);
  // Every end state of Flow JSON v2, expired included, and the books balance.
  const ends = (await wholeRun.innerText()).match(
    /([\d,]+) copies emitted = ([\d,]+) completed \+ ([\d,]+) dropped \+ ([\d,]+) expired \+ ([\d,]+) lost \+ ([\d,]+) dead-lettered \+ ([\d,]+) in flight/,
  );
  expect(ends).not.toBeNull();
  const [emitted, ...rest] = ends!.slice(1).map(count);
  expect(rest.reduce((a, b) => a + b, 0)).toBe(emitted);

  const download = page.waitForEvent('download');
  await metrics(page).getByRole('button', { name: 'Export metrics JSON' }).click();
  const doc = JSON.parse(await readFile((await (await download).path())!, 'utf8'));
  expect(doc.wallMs).toBeGreaterThan(0);
  expect(doc.seed).toBe(42);

  // During the warm-up the caption says the figures restart.
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('1');
  await toolbar(page).getByRole('button', { name: 'Reset' }).click();
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(metrics(page).getByTestId('baseline')).toHaveText('Warming up: figures restart at 10.0 s');
});

test('edge rates are right after a Fastest run and at 1×', async ({ page }) => {
  await runTemplate(page, /Work queue/);
  // The producer's edge carries 45/s.
  await page.getByRole('group', { name: 'Edge from producer-1 to queue-1' }).focus();
  await page.keyboard.press('Enter');
  const rate = inspector(page).getByTestId('edge-rate');
  await expect(rate).toContainText(/Rate: [\d.]+\/s/);
  const fast = Number(/([\d.]+)\/s/.exec(await rate.innerText())![1]);
  expect(Math.abs(fast / 45 - 1)).toBeLessThan(0.15);

  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await toolbar(page).getByRole('button', { name: 'Reset' }).click();
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForTimeout(2500);
  for (let i = 0; i < 5; i++) {
    const now = Number(/([\d.]+)\/s/.exec(await rate.innerText())![1]);
    expect(Math.abs(now / 45 - 1)).toBeLessThan(0.3);
    await page.waitForTimeout(300);
  }
});

test('a template loaded after a run runs as itself (its seed restarts it on the new flow)', async ({
  page,
}) => {
  await runTemplate(page, /Work queue/);
  await loadTemplate(page, /User sign-up/);
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(toolbar(page).getByRole('progressbar', { name: 'Simulation progress' })).toHaveJSProperty(
    'value',
    1,
    { timeout: 30_000 },
  );
  await expect(toolbar(page).getByText('Some edits apply on reset')).toBeHidden();
  // A topic gives every subscriber every sign-up (the old work queue would share them out).
  const sent = count(await total(page, 'sent').innerText());
  const mailer = metrics(page).getByRole('row', { name: /Welcome mailer/ });
  expect(count(await mailer.locator('[data-metric="in"]').innerText())).toBeGreaterThan(0.95 * sent);
  await expect(metrics(page).getByRole('figure', { name: 'Queue depth' })).toContainText('user.signed-up');
});
