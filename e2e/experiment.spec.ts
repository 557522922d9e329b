// Experiments as a user runs them: the Experiment region's sweep (progress, charts, table,
// export), Cancel stopping the sweep workers, objectives edited as a table (one undo step each),
// drawn on the charts and checked after a run, "Find smallest" answering with its interval, and
// a run pinned as the baseline compared with the next, also across flows.
import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { canvasNode, inspector, loadTemplate, metrics, openApp, runToEnd, toolbar } from './helpers';

const experiment = (page: Page): Locator => page.getByRole('region', { name: 'Experiment' });

/** The flow's settings, in the Inspector with nothing selected. */
async function setSettings(page: Page, values: { Duration?: string; 'Warm-up'?: string }) {
  await page.getByRole('tab', { name: 'Inspector' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  for (const [name, value] of Object.entries(values)) {
    const field = inspector(page).getByRole('textbox', { name, exact: true });
    await field.fill(value);
    await field.press('Enter');
    await expect(field).toHaveValue(value);
  }
}

async function openExperiment(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: 'Experiment' }).click();
  const region = experiment(page);
  await expect(region).toBeVisible();
  return region;
}

async function setUpSweep(region: Locator, path: string, values: string, replications: string) {
  await region.getByRole('combobox', { name: 'Field' }).selectOption(path);
  await region.getByRole('radio', { name: 'List' }).check();
  await region.getByRole('textbox', { name: /^Values/ }).fill(values);
  await region.getByRole('spinbutton', { name: 'Replications' }).fill(replications);
}

test('a sweep of a handler’s workers: progress, the latency chart with its linked charts, the table, hover and export', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await setSettings(page, { Duration: '20' });
  const region = await openExperiment(page);
  await setUpSweep(region, 'nodes.handler-1.config.concurrency', '1, 2, 3', '3');
  await expect(region.getByText(/3 values × 3 = 9 runs of 20 s/)).toBeVisible();

  // Progress is reported as runs finish (watched from the store's side: a small sweep is quick).
  const seen = page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const observer = new MutationObserver(() => {
          const bar = document.querySelector('progress[aria-label="Sweep progress"]');
          if (bar) {
            observer.disconnect();
            resolve(`${bar.getAttribute('value')}/${bar.getAttribute('max')}`);
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
      }),
  );
  await region.getByRole('button', { name: 'Run sweep' }).click();
  expect(await seen).toMatch(/^\d+\/9$/);

  const table = region.getByRole('table', { name: 'Sweep results' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(region.getByRole('progressbar', { name: 'Sweep progress' })).toBeHidden();
  await expect(table.getByRole('row')).toHaveCount(4);
  const first = table.getByRole('row').nth(1);
  await expect(first.getByRole('rowheader')).toHaveText('1');
  // Means with their 95 % intervals, and the busiest handler.
  await expect(first.getByRole('cell').nth(2)).toHaveText(/\d.* ± .*\d/);
  await expect(first).toContainText('Worker pool');
  await expect(region.getByText(/9 runs · .* events in .* s on \d workers? \(/)).toBeVisible();

  // One main chart and three linked ones, each with its lines named.
  const latency = region.getByRole('img', {
    name: /^End-to-end latency.*p50, p95, p99 against Worker pool A · concurrency/,
  });
  await expect(latency).toBeVisible();
  for (const name of [
    /^Throughput vs offered/,
    /^Losses per run/,
    /^Utilization of Worker pool|^Busiest handler’s utilization/,
  ])
    await expect(region.getByRole('img', { name })).toBeVisible();

  // Hovering shows every figure of the point under the pointer.
  const readout = region.getByTestId('sweep-readout');
  await expect(readout).toContainText('Point at a chart');
  await latency.scrollIntoViewIfNeeded();
  // The plotting area (uPlot's), without the axes.
  const box = (await latency.locator('.u-over').boundingBox())!;
  await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 5 });
  await expect(readout).toContainText('Worker pool A · concurrency = 3');
  for (const figure of ['p50', 'p95', 'p99', 'offered', 'achieved', 'dropped', 'dead-lettered', 'busiest'])
    await expect(readout).toContainText(figure);
  await page.mouse.move(box.x + 2, box.y + box.height / 2, { steps: 5 });
  await expect(readout).toContainText('concurrency = 1');
  await page.screenshot({ path: test.info().outputPath('sweep.png') });

  // JSON export is the engine's sweep document; CSV has a row per point.
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: 'Export sweep JSON' }).click(),
  ]);
  const doc = JSON.parse(await readFile((await json.path())!, 'utf8')) as {
    sweep: { path: string; values: number[] };
    replications: number;
    seed: number;
    points: { value: number; seeds: number[]; mean: { endToEnd: { p99: number } }; ci95: object }[];
  };
  expect(doc.sweep).toEqual({ path: 'nodes.handler-1.config.concurrency', values: [1, 2, 3] });
  expect(doc.replications).toBe(3);
  expect(doc.points.map((p) => p.seeds)).toEqual([
    [42, 43, 44],
    [42, 43, 44],
    [42, 43, 44],
  ]);
  expect(doc.points[0]!.mean.endToEnd.p99).toBeGreaterThan(doc.points[2]!.mean.endToEnd.p99);
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    region.getByRole('button', { name: 'Export sweep CSV' }).click(),
  ]);
  const lines = (await readFile((await csv.path())!, 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(4);
  expect(lines[0]).toMatch(/^field,value,replications,p50_s/);
});

test('Cancel stops a long sweep and its workers at once', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await setSettings(page, { Duration: '20000' });
  const region = await openExperiment(page);
  await setUpSweep(region, 'load', '0.5, 0.75, 1, 1.25', '10');
  await region.getByRole('button', { name: 'Run sweep' }).click();
  const progress = region.getByRole('progressbar', { name: 'Sweep progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute('max', '40');
  // The run worker and the sweep workers.
  await expect.poll(() => page.workers().length).toBeGreaterThan(1);
  const sweepWorkers = page.workers().filter((w) => w.url().includes('sweepWorker'));
  expect(sweepWorkers.length).toBeGreaterThan(0);
  const closed = sweepWorkers.map((w) => new Promise((resolve) => w.on('close', resolve)));

  await region.getByRole('button', { name: 'Cancel' }).click();
  await expect(progress).toBeHidden();
  await expect(
    region.getByRole('status').filter({ hasText: /Cancelled after \d+ of 40 runs/ }),
  ).toBeVisible();
  await Promise.all(closed);
  expect(page.workers().filter((w) => w.url().includes('sweepWorker'))).toHaveLength(0);
  await expect(region.getByRole('table', { name: 'Sweep results' })).toHaveCount(0);
  // The next sweep starts fresh workers.
  await setSettings(page, { Duration: '20' });
  await page.getByRole('tab', { name: 'Experiment' }).click();
  await region.getByRole('spinbutton', { name: 'Replications' }).fill('2');
  await region.getByRole('button', { name: 'Run sweep' }).click();
  await expect(region.getByRole('table', { name: 'Sweep results' })).toBeVisible({ timeout: 30_000 });
});

test('an objective is edited in a table, drawn on the charts, checked after a run; Find smallest answers', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await setSettings(page, { Duration: '60' });
  const region = await openExperiment(page);
  const objectives = region.getByRole('region', { name: 'Objectives' });
  await objectives.getByRole('button', { name: 'Add objective' }).click();
  const metric = objectives.getByRole('combobox', { name: 'Objective 1 metric' });
  const target = objectives.getByRole('textbox', { name: 'Objective 1 target in milliseconds' });
  await expect(metric).toHaveValue('endToEnd.p99');
  await expect(target).toHaveValue('100');

  // A metric the report does not have is refused with the model's reason, and never stored.
  await metric.fill('endToEnd.p98');
  await metric.press('Enter');
  await expect(metric).toHaveAttribute('aria-invalid', 'true');
  await expect(objectives.getByText(/endToEnd needs one of/)).toBeVisible();
  await metric.press('Escape');
  await expect(metric).toHaveValue('endToEnd.p99');

  // A target in ms, stored in seconds, one undo step.
  await target.fill('1000');
  await target.press('Enter');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(target).toHaveValue('100');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(target).toHaveValue('1000');

  // Drawn on the live latency chart; checked once the run reaches its end.
  await expect(
    metrics(page).getByRole('img', { name: /End-to-end latency chart; objective p99 < 1 s/ }),
  ).toBeVisible();
  await runToEnd(page);
  const verdicts = metrics(page).getByRole('group', { name: 'Objectives' });
  await expect(verdicts).toContainText(/(Pass|Fail) end-to-end p99 < 1 s: \d/);
  await expect(objectives.getByTestId('objective-1-result')).toHaveText(/Pass|Fail/);

  // Find smallest: the least concurrency of Worker pool A meeting p99 < 1 s, with its interval.
  await setUpSweep(region, 'nodes.handler-1.config.concurrency', '1, 2, 3, 4, 5, 6', '3');
  await region.getByRole('button', { name: 'Find smallest' }).click();
  const answer = region.getByRole('region', { name: 'Smallest value found' });
  await expect(answer).toBeVisible({ timeout: 60_000 });
  await expect(answer.getByTestId('search-answer')).toHaveText(
    /^\d workers?: end-to-end p99 [\d.]+ m?s ± [\d.]+ m?s \(objective < 1 s\)$/,
  );
  await expect(answer).toContainText('Tried in order: 6 workers ✓');

  // A sweep draws the objective too.
  await region.getByRole('button', { name: 'Run sweep' }).click();
  await expect(region.getByRole('img', { name: /^End-to-end latency.*rule at p99 < 1 s/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    region
      .getByRole('table', { name: 'Sweep results' })
      .getByText(/Pass|Fail/)
      .first(),
  ).toBeVisible();
});

test('a run pinned as the baseline: the next shows changes in the table and both curves; it survives another flow', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await setSettings(page, { Duration: '60' });
  await runToEnd(page);
  await metrics(page).getByRole('button', { name: 'Pin as baseline' }).click();
  const bar = metrics(page).getByRole('group', { name: 'Baseline' });
  await expect(bar).toContainText('“Thumbnail work queue”, seed 42');
  await expect(bar).toContainText('Baseline pinned: this run');

  // More workers, run again: the table shows how each figure moved, in words as well as colour.
  await canvasNode(page, 'handler-1').click();
  const concurrency = inspector(page).getByRole('textbox', { name: 'Concurrency' });
  await concurrency.fill('4');
  await concurrency.press('Enter');
  await toolbar(page).getByRole('button', { name: 'Reset' }).click();
  await runToEnd(page);
  await expect(bar).toContainText('▲▼ changes under the figures');
  const row = metrics(page).locator('tr[data-node-id="handler-1"]');
  const sojourn = row.locator('[data-metric="sojourn"] .delta');
  await expect(sojourn).toHaveAttribute('data-delta', 'better');
  await expect(sojourn).toHaveText(/^▼−[\d.]+ m?s \(better than the baseline\)$/);
  await expect(metrics(page).locator('[data-total="p99"] .delta')).toHaveText(/better than the baseline/);
  // Both curves on the live charts: the baseline's value beside the run's under the pointer.
  await expect(
    metrics(page).getByRole('img', { name: /End-to-end latency chart; baseline dashed/ }),
  ).toBeVisible();
  await expect(metrics(page).getByTestId('readout-End-to-end latency')).toContainText(
    /baseline.*p99 [\d.]+ m?s/,
  );
  await page.screenshot({ path: test.info().outputPath('compare.png') });

  // Another flow: the baseline stays, and the page says so.
  await loadTemplate(page, /User sign-up/);
  await expect(bar).toContainText('stays pinned when you load another flow');
  await runToEnd(page);
  await expect(bar).toContainText('“Thumbnail work queue”');
  await metrics(page).getByRole('button', { name: 'Clear baseline' }).click();
  await expect(bar).toBeHidden();
  await expect(metrics(page).locator('.delta')).toHaveCount(0);
});
