// Brokers as they behave (Flow JSON v2) in the app: delivery fields edited like every other field,
// broker presets, the duplicates a short lease causes, and a stream's hot partition and owners.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { canvasNode, inspector, loadTemplate, metrics, openApp, runToEnd, savedFlow } from './helpers';

const count = (text: string): number => Number(text.replace(/[^\d]/g, '') || '0');

type Saved = {
  nodes: { id: string; config: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; prefetch?: number }[];
};
const saved = async (page: Page): Promise<Saved> => (await savedFlow(page)) as Saved;
const configOf = async (page: Page, id: string) => (await saved(page)).nodes.find((n) => n.id === id)!.config;

async function importFlow(page: Page, flow: object): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await (
    await chooser
  ).setFiles({ name: 'flow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(flow)) });
}

const at = (x: number, y: number) => ({ x, y });
const constant = (value: number) => ({ dist: 'constant', value });

test('a delivery field commits once, on Enter: one undo step, saved and exported; bad values never stored', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await canvasNode(page, 'queue-1').click();
  const panel = inspector(page);
  const lease = panel.getByRole('textbox', { name: 'Lease' });
  await expect(lease).toHaveAttribute('placeholder', 'none');

  // Typing is a draft; Enter stores 30 s once.
  await lease.pressSequentially('30', { delay: 60 });
  expect(await configOf(page, 'queue-1')).not.toHaveProperty('lease');
  await lease.press('Enter');
  expect((await configOf(page, 'queue-1')).lease).toBe(30);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(lease).toHaveValue('');
  expect(await configOf(page, 'queue-1')).not.toHaveProperty('lease');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(lease).toHaveValue('30');

  // Refused with the model's reason, and never stored.
  await lease.fill('0');
  await expect(lease).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('must be a number > 0 s')).toBeVisible();
  await lease.press('Enter');
  expect((await configOf(page, 'queue-1')).lease).toBe(30);
  await lease.press('Escape');

  // Retry: an exponential backoff whose max is below its initial is refused by the rule across fields.
  await panel.getByRole('combobox', { name: 'Retry after' }).selectOption('backoff');
  expect((await configOf(page, 'queue-1')).retry).toEqual({ backoff: { initial: 1 } });
  const max = panel.getByRole('textbox', { name: 'Backoff max' });
  await max.fill('0.5');
  await max.press('Enter');
  await expect(panel.getByText('must be ≥ initial')).toBeVisible();
  expect((await configOf(page, 'queue-1')).retry).toEqual({ backoff: { initial: 1 } });
  await max.fill('60');
  await max.press('Enter');
  await panel.getByRole('combobox', { name: 'Retry position' }).selectOption('head');
  expect((await configOf(page, 'queue-1')).retry).toEqual({
    position: 'head',
    backoff: { initial: 1, max: 60 },
  });
  await page.screenshot({ path: test.info().outputPath('delivery-fields.png') });

  // The queue → handler connection's delivery window, its default shown; in the exported file.
  await panel.getByRole('button', { name: 'Open connection to Worker pool A' }).click();
  const prefetch = panel.getByRole('textbox', { name: 'Prefetch' });
  await expect(prefetch).toHaveAttribute('placeholder', 'default: concurrency (2)');
  await prefetch.fill('50');
  await prefetch.press('Enter');
  await expect(panel.getByRole('combobox', { name: 'Acknowledgement delay distribution' })).toHaveValue(
    'none',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as Saved;
  expect(file.edges.find((e) => e.source === 'queue-1' && e.target === 'handler-1')!.prefetch).toBe(50);
  expect(file.nodes.find((n) => n.id === 'queue-1')!.config).toMatchObject({ lease: 30 });
});

test('a broker preset fills the fields, says where they come from, and undoes in one step', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await canvasNode(page, 'queue-1').click();
  const panel = inspector(page);
  const preset = panel.getByRole('combobox', { name: 'Broker preset' });
  const lease = panel.getByRole('textbox', { name: 'Lease' });
  const maxDeliveries = panel.getByRole('textbox', { name: 'Max deliveries' });
  await expect(preset).toHaveValue('');
  await expect(maxDeliveries).toHaveValue('3');

  await preset.selectOption({ label: 'Amazon SQS standard queue' });
  await expect(lease).toHaveValue('30');
  await expect(maxDeliveries).toHaveValue('');
  await expect(maxDeliveries).toHaveAttribute('placeholder', '5');
  await expect(panel.getByTestId('preset-source')).toContainText('Amazon SQS visibility timeout');
  await panel.getByText('Where each value comes from').click();
  await expect(panel.getByText(/Lease 30 s: the default visibility timeout/)).toBeVisible();
  expect(await configOf(page, 'queue-1')).toMatchObject({
    lease: 30,
    retry: { delay: { dist: 'constant', value: 30 } },
    ttl: { dist: 'constant', value: 345600 },
    capacity: 500,
  });
  await page.screenshot({ path: test.info().outputPath('preset-sqs.png') });

  // One undo step takes every field back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(lease).toHaveValue('');
  await expect(maxDeliveries).toHaveValue('3');
  await expect(preset).toHaveValue('');
  await expect(panel.getByTestId('preset-source')).toBeHidden();

  // A RabbitMQ preset sets its consumers' prefetch too; editing a field makes the queue custom again.
  await preset.selectOption({ label: 'RabbitMQ quorum queue' });
  await expect(maxDeliveries).toHaveValue('20');
  const prefetches = async () =>
    (await saved(page)).edges.filter((e) => e.source === 'queue-1').map((e) => e.prefetch);
  expect(await prefetches()).toEqual([100, 100]);
  await lease.fill('60');
  await lease.press('Enter');
  await expect(preset).toHaveValue('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(preset).toHaveValue('rabbitmq-quorum');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(maxDeliveries).toHaveValue('3');
  expect(await prefetches()).toEqual([undefined, undefined]);
});

test('a lease shorter than the service time shows duplicates on the canvas, in the table and the CSV', async ({
  page,
}) => {
  await openApp(page);
  await importFlow(page, {
    format: 'eventflow',
    version: 2,
    name: 'Short lease',
    settings: { seed: 3, duration: 30 },
    nodes: [
      {
        id: 'orders',
        kind: 'producer',
        position: at(0, 120),
        config: { eventType: 'order', interarrival: constant(0.1) },
      },
      { id: 'jobs', kind: 'queue', label: 'jobs', position: at(300, 120), config: { lease: 0.15 } },
      {
        id: 'slow',
        kind: 'handler',
        label: 'Slow worker',
        position: at(600, 120),
        config: { concurrency: 3, service: constant(0.2) },
      },
    ],
    edges: [
      { id: 'e1', source: 'orders', target: 'jobs' },
      { id: 'e2', source: 'jobs', target: 'slow' },
    ],
  });
  await runToEnd(page);
  const badge = canvasNode(page, 'slow').locator('[data-live-node]');
  await expect(badge).toContainText(/[1-9]\d* duplicates/);
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  await expect(table.getByRole('columnheader', { name: 'Duplicates' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: 'Oldest waiting (mean / max)' })).toBeVisible();
  const row = table.getByRole('row', { name: /Slow worker/ });
  const inTable = count(await row.locator('[data-metric="duplicates"]').innerText());
  expect(inTable).toBeGreaterThan(0);
  expect(count(await metrics(page).locator('[data-total="duplicates"]').innerText())).toBe(inTable);
  await expect(table.getByRole('row', { name: /jobs/ }).locator('[data-metric="age"]')).toHaveText(
    /\d.* \/ .*\d/,
  );
  await page.screenshot({ path: test.info().outputPath('duplicates.png') });

  const download = page.waitForEvent('download');
  await metrics(page).getByRole('button', { name: 'Export metrics CSV' }).click();
  const [head, ...rows] = (await readFile((await (await download).path())!, 'utf8')).trim().split('\n');
  const column = head!.split(',').indexOf('duplicates');
  expect(column).toBeGreaterThan(0);
  expect(Number(rows.find((r) => r.startsWith('slow,'))!.split(',')[column])).toBeGreaterThan(0);
});

test('a stream names its hot partition under key skew and shows which worker owns each partition', async ({
  page,
}) => {
  await openApp(page);
  await importFlow(page, {
    format: 'eventflow',
    version: 2,
    name: 'Skewed stream',
    settings: { seed: 5, duration: 30 },
    nodes: [
      {
        id: 'clicks',
        kind: 'producer',
        position: at(0, 120),
        // 10 keys, Zipf 1.5: key 0 carries 50 % and lands in partition 0 of 4.
        config: {
          eventType: 'click',
          interarrival: { dist: 'exponential', mean: 1 / 60 },
          keys: 10,
          keySkew: 1.5,
        },
      },
      { id: 'log', kind: 'stream', label: 'click log', position: at(300, 120), config: { partitions: 4 } },
      {
        id: 'group',
        kind: 'handler',
        label: 'Consumers',
        position: at(600, 120),
        config: { concurrency: 2, service: constant(0.03) },
      },
    ],
    edges: [
      { id: 'e1', source: 'clicks', target: 'log' },
      { id: 'e2', source: 'log', target: 'group' },
    ],
  });
  await canvasNode(page, 'log').click();
  const panel = inspector(page);
  const partitions = panel.getByRole('table', { name: 'Partitions of click log' });
  // Ownership is known before a run: worker #1 of 2 owns partitions 0 and 2, worker #2 owns 1 and 3.
  await expect(panel.getByTestId('hot-partition')).toHaveText('Run the flow to see each partition’s lag.');
  const owner = (p: number) => partitions.locator(`tr[data-partition="${p}"] td`).last();
  for (const [p, w] of [
    [0, '#1'],
    [1, '#2'],
    [2, '#1'],
    [3, '#2'],
  ] as const)
    await expect(owner(p)).toHaveText(w);
  await expect(partitions.getByRole('columnheader', { name: 'Owner in Consumers' })).toHaveText('A');
  await expect(
    panel.getByText(/A · Consumers: 2 workers for 4 partitions, round robin; each worker owns 2/),
  ).toBeVisible();

  await runToEnd(page);
  await expect(panel.getByTestId('hot-partition')).toHaveText(
    /^Hottest: partition 0 \(mean lag [\d.,]+, [\d,]+ now\), owned by worker #1 of Consumers\.$/,
  );
  const hotRow = partitions.locator('tr.is-hot');
  await expect(hotRow).toHaveCount(1);
  await expect(hotRow.getByRole('rowheader')).toHaveText('0 hottest');
  // The named partition's mean lag is the largest, well above the others'.
  const means = await Promise.all(
    [0, 1, 2, 3].map(async (p) =>
      Number((await partitions.locator(`tr[data-partition="${p}"] td`).nth(1).innerText()).replace(/,/g, '')),
    ),
  );
  expect(Math.max(...means.slice(1)) * 5).toBeLessThan(means[0]!);
  await expect(canvasNode(page, 'log').locator('[data-live-node]')).toContainText(/hottest p0: [1-9]/);
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  await expect(table.locator('tr[data-node-id="log"] [data-metric="lag"]')).toHaveText(
    /^p0 · [\d.,]+ \/ [\d,]+$/,
  );
  await page.screenshot({ path: test.info().outputPath('stream-partitions.png') });
  await panel.getByRole('button', { name: 'Partitions' }).scrollIntoViewIfNeeded();
  await panel.screenshot({ path: test.info().outputPath('stream-partitions-inspector.png') });

  // A stream connection has no delivery window.
  await panel.getByRole('button', { name: 'Open connection to Consumers' }).click();
  await expect(panel.getByRole('textbox', { name: 'Prefetch' })).toHaveCount(0);
  await expect(panel.getByText(/a stream connection has no delivery window/)).toBeVisible();
});
