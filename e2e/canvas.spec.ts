// Placing nodes where a person would, and a view that keeps them readable and reachable.
import { expect, type Page, test } from '@playwright/test';
import { canvasNode, canvasNodes, dropFromPalette, inspector, loadTemplate, openApp } from './helpers';

const zoom = async (page: Page) =>
  Number(
    /scale\(([\d.]+)\)/.exec(
      (await page.locator('.react-flow__viewport').getAttribute('style')) ?? '',
    )?.[1] ?? 'NaN',
  );

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('palette clicks place nodes left to right in flow order, next to the selection', async ({ page }) => {
  await openApp(page);
  for (const kind of ['producer', 'queue', 'handler'])
    await page.getByRole('button', { name: `Add ${kind}` }).click();
  const [p, q, h] = await Promise.all(
    ['producer-1', 'queue-1', 'handler-1'].map(async (id) => (await canvasNode(page, id).boundingBox())!),
  );
  expect(q!.x).toBeGreaterThan(p!.x + p!.width);
  expect(h!.x).toBeGreaterThan(q!.x + q!.width);
  expect(Math.abs(q!.y - p!.y)).toBeLessThan(4);
  expect(Math.abs(h!.y - q!.y)).toBeLessThan(4);

  // Next to the selected node: a second handler goes right of the queue, in a free row.
  await canvasNode(page, 'queue-1').click();
  await page.getByRole('button', { name: 'Add handler' }).click();
  const h2 = (await canvasNode(page, 'handler-2').boundingBox())!;
  const h1 = (await canvasNode(page, 'handler-1').boundingBox())!;
  expect(Math.abs(h2.x - h1.x)).toBeLessThan(4);
  expect(overlap(h2, h1)).toBe(false);
  // Every new node is in view.
  const canvas = (await page.locator('.canvas').boundingBox())!;
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Add store' }).click();
  const last = canvasNode(page, 'store-4');
  await expect
    .poll(async () => (await last.boundingBox())!.x + 220)
    .toBeLessThanOrEqual(canvas.x + canvas.width);
  expect((await last.boundingBox())!.x).toBeGreaterThanOrEqual(canvas.x);
  await page.screenshot({ path: test.info().outputPath('placement.png') });
});

test('the first node dropped on an empty canvas keeps the view: later drops land where dropped', async ({
  page,
}) => {
  await openApp(page);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  const before = await zoom(page);
  await dropFromPalette(page, 'producer', { x: 160, y: 120 });
  await page.waitForTimeout(300);
  expect(await zoom(page)).toBe(before);
  const p = (await canvasNode(page, 'producer-1').boundingBox())!;
  expect(Math.abs(p.x + p.width / 2 - (pane.x + 160))).toBeLessThan(24);
  expect(Math.abs(p.y + p.height / 2 - (pane.y + 120))).toBeLessThan(24);
  await dropFromPalette(page, 'queue', { x: 480, y: 300 });
  const q = (await canvasNode(page, 'queue-1').boundingBox())!;
  expect(Math.abs(q.x + q.width / 2 - (pane.x + 480))).toBeLessThan(24);
  expect(Math.abs(q.y + q.height / 2 - (pane.y + 300))).toBeLessThan(24);
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`after Fit view and with the metrics table open, nothing floats over a node (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    // The minimap shown (it starts hidden on a short window).
    const mini = page.getByRole('button', { name: 'Mini map' });
    if ((await mini.getAttribute('aria-pressed')) !== 'true') await mini.click();
    for (const template of [/Work queue/, /Partitioned stream/, /User sign-up/]) {
      await loadTemplate(page, template);
      await page.getByRole('button', { name: 'Dismiss' }).first().click();
      await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Shift+!');
      await page.waitForTimeout(500);
      await expectReachable(page);
    }
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('fast');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByRole('table', { name: 'Per-node metrics' })).toBeVisible();
    await page.waitForTimeout(300);
    await expectReachable(page);
  });
}

/** No node under the minimap or the zoom controls, and a click on each node's middle selects it. */
async function expectReachable(page: Page) {
  const floating = await Promise.all(
    ['.react-flow__minimap', '.react-flow__controls'].map((s) => page.locator(s).boundingBox()),
  );
  const ids = await canvasNodes(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')!));
  for (const id of ids) {
    const box = (await canvasNode(page, id).boundingBox())!;
    for (const f of floating) if (f) expect(overlap(box, f), `${id} under a floating panel`).toBe(false);
  }
  for (const id of ids) {
    const box = (await canvasNode(page, id).boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(inspector(page).getByText(id, { exact: true })).toBeVisible();
  }
}

test('the CQRS template opens readable on 1440×900, and the rest is a pan away', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await loadTemplate(page, /CQRS/);
  await page.waitForTimeout(500);
  const z = await zoom(page);
  const font = await canvasNode(page, 'producer-1')
    .locator('.ef-node__label')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(font * z).toBeGreaterThanOrEqual(7.5);
  // It starts where the flow starts: the producers are in view.
  const canvas = (await page.locator('.canvas').boundingBox())!;
  const producer = (await canvasNode(page, 'producer-1').boundingBox())!;
  expect(producer.x).toBeGreaterThanOrEqual(canvas.x);
  await page.screenshot({ path: test.info().outputPath('cqrs-readable.png') });
  // Dragging the background pans to the rest.
  const store = canvasNode(page, 'store-3');
  const before = (await store.boundingBox())!.x;
  await page.mouse.move(canvas.x + canvas.width - 60, canvas.y + canvas.height - 150);
  await page.mouse.down();
  await page.mouse.move(canvas.x + 200, canvas.y + canvas.height - 150, { steps: 8 });
  await page.mouse.up();
  await expect.poll(async () => (await store.boundingBox())!.x).toBeLessThan(before - 300);
});
