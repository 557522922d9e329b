// Edits as a person makes them: one edit is one undo step and reaches a running flow once, when
// it is committed; the whole editor, connections and run controls included, works from the keyboard.
import { expect, type Page, test } from '@playwright/test';
import { canvasEdges, canvasNode, inspector, loadTemplate, openApp, toolbar } from './helpers';

const undo = (page: Page) => toolbar(page).getByRole('button', { name: 'Undo' });
const redo = (page: Page) => toolbar(page).getByRole('button', { name: 'Redo' });

test('a field commits once, on Enter or leaving it: one undo step, no partial values', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add producer' }).click();
  const panel = inspector(page);
  const rate = panel.getByRole('textbox', { name: 'Interarrival rate' });
  await expect(rate).toHaveValue('80');

  // Typing is a draft: the node (the document) keeps 80/s until the field is left.
  await rate.selectText();
  await rate.pressSequentially('1250', { delay: 40 });
  await expect(canvasNode(page, 'producer-1')).toContainText('Poisson 80/s');
  await rate.press('Tab');
  await expect(canvasNode(page, 'producer-1')).toContainText('Poisson 1,250/s');

  // One undo step back to 80, not 125 → 12 → 1 → 80.
  await undo(page).click();
  await expect(canvasNode(page, 'producer-1')).toContainText('Poisson 80/s');
  await expect(rate).toHaveValue('80');
  await redo(page).click();
  await expect(rate).toHaveValue('1250');
  await undo(page).click();

  // A label: "Orders API" undoes to the old label, not to "Orders AP".
  const label = panel.getByRole('textbox', { name: 'Label' });
  await label.selectText();
  await label.pressSequentially('Orders API', { delay: 20 });
  await expect(canvasNode(page, 'producer-1')).toContainText('Producer 1');
  await label.press('Enter');
  await expect(canvasNode(page, 'producer-1')).toContainText('Orders API');
  await expect(label).toBeFocused();
  await undo(page).click();
  await expect(canvasNode(page, 'producer-1')).toContainText('Producer 1');
  await expect(label).toHaveValue('Producer 1');
  await expect(undo(page))
    .toBeDisabled({ timeout: 1000 })
    .catch(() => undefined);

  // An invalid draft is shown, never stored, and Escape puts the stored value back.
  await rate.fill('-3');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await rate.press('Enter');
  await expect(canvasNode(page, 'producer-1')).toContainText('Poisson 80/s');
  await rate.press('Escape');
  await expect(rate).toHaveValue('80');
  await expect(rate).not.toHaveAttribute('aria-invalid');

  // Leaving a field by selecting another node commits it too.
  await page.getByRole('button', { name: 'Add queue' }).click();
  await canvasNode(page, 'producer-1').click();
  await label.fill('Orders');
  await canvasNode(page, 'queue-1').click();
  await expect(canvasNode(page, 'producer-1')).toContainText('Orders');
});

test('while running, a typed concurrency reaches the run once, when committed', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  const badge = page.locator('[data-live-node="handler-2"]');
  await expect(badge).toContainText('/1 busy');
  // Record every text the badge ever shows from here on.
  await badge.evaluate((el) => {
    const seen: string[] = [];
    (globalThis as unknown as { seen: string[] }).seen = seen;
    new MutationObserver(() => seen.push(el.textContent ?? '')).observe(el, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });

  await canvasNode(page, 'handler-2').click();
  const concurrency = inspector(page).getByRole('textbox', { name: 'Concurrency' });
  await concurrency.selectText();
  // Slower than the live-update debounce: each keystroke would have reached the run.
  await concurrency.pressSequentially('28', { delay: 400 });
  await page.waitForTimeout(500);
  await concurrency.press('Enter');
  await expect(badge).toContainText('/28 busy');
  const seen = await page.evaluate(() => (globalThis as unknown as { seen: string[] }).seen);
  expect(seen.some((t) => t.includes('/28 busy'))).toBe(true);
  expect(seen.filter((t) => /\/2 busy/.test(t))).toEqual([]);

  // An invalid draft never reaches the run; one Undo takes the run back to 1 worker.
  await concurrency.fill('0');
  await page.waitForTimeout(400);
  await expect(badge).toContainText('/28 busy');
  await concurrency.press('Escape');
  await undo(page).click();
  await expect(badge).toContainText('/1 busy');
});

test('connect nodes from the keyboard: handles and "Connect to"', async ({ page }) => {
  await openApp(page);
  for (const kind of ['producer', 'queue', 'handler']) {
    await page.getByRole('button', { name: `Add ${kind}` }).press('Enter');
  }
  await expect(canvasEdges(page)).toHaveCount(0);
  const announcer = page.getByTestId('announcer');

  // Handles are in the tab order, after their node: Tab from the producer reaches its output.
  const output = page.getByRole('button', { name: 'Output of Producer 1' });
  await canvasNode(page, 'producer-1').focus();
  await page.keyboard.press('Tab');
  await expect(output).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(announcer).toContainText("Connecting Producer 1's output");
  await expect(output).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Input of Queue 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(announcer).toContainText('Connected Producer 1 to Queue 1.');

  // Escape cancels a pending connection.
  await page.getByRole('button', { name: 'Output of Queue 1' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(announcer).toContainText('Connection cancelled.');
  await page.getByRole('button', { name: 'Input of Handler 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(canvasEdges(page)).toHaveCount(1);
  await page.keyboard.press('Escape');

  // The Inspector: "Connect to" lists only valid targets.
  await canvasNode(page, 'queue-1').click();
  const panel = inspector(page);
  const connectTo = panel.getByRole('combobox', { name: 'Connect to' });
  await expect(connectTo.getByRole('option')).toHaveText(['Choose a node…', 'Handler 1 (handler-1)']);
  await connectTo.selectOption('handler-1');
  await panel.getByRole('button', { name: 'Connect to the chosen node' }).press('Enter');
  await expect(canvasEdges(page)).toHaveCount(2);
  await expect(announcer).toContainText('Connected Queue 1 to Handler 1.');
  await expect(connectTo).toBeFocused();
  await expect(panel.getByRole('list', { name: 'Sends to' })).toContainText('Handler 1');
  await expect(panel.getByRole('list', { name: 'Receives from' })).toContainText('Producer 1');

  // One undo step per connection.
  await undo(page).click();
  await expect(canvasEdges(page)).toHaveCount(1);
  await redo(page).click();
  await expect(canvasEdges(page)).toHaveCount(2);

  // Existing connections open in the Inspector (keyboard focus follows) or are removed.
  await panel.getByRole('button', { name: 'Open connection to Handler 1' }).press('Enter');
  await expect(panel.getByRole('heading', { name: 'Connection' })).toBeFocused();
  await canvasNode(page, 'queue-1').click();
  await panel.getByRole('button', { name: 'Remove connection to Handler 1' }).click();
  await expect(canvasEdges(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('connect-keyboard.png') });
});

test('Run, Pause, Step and Reset keep the keyboard focus; R, S and Shift+R do the same', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const run = toolbar(page).getByRole('button', { name: 'Run', exact: true });
  const pause = toolbar(page).getByRole('button', { name: 'Pause' });
  const step = toolbar(page).getByRole('button', { name: 'Step' });
  const clock = page.getByRole('timer', { name: 'Simulated clock' });

  await run.focus();
  await page.keyboard.press('Enter');
  await expect(pause).toBeEnabled();
  await expect(run).toBeFocused();
  await pause.focus();
  await page.keyboard.press('Enter');
  await expect(run).toBeEnabled();
  await expect(pause).toBeFocused();
  await step.focus();
  await page.keyboard.press('Enter');
  await expect(step).toBeFocused();
  await page.keyboard.press('Space');
  await expect(step).toBeFocused();

  // Shortcuts, from the canvas.
  await page.locator('.react-flow__pane').click();
  await page.keyboard.press('Shift+R');
  await expect(clock).toHaveText('t = 0.00 s');
  const events = page.getByRole('region', { name: 'Metrics' }).locator('[data-total="events"]');
  await expect(events).toHaveText('0');
  await page.keyboard.press('s');
  await expect(events).toHaveText('1');
  await page.keyboard.press('r');
  await expect(run).toBeDisabled();
  await expect(pause).toBeEnabled();
  await page.keyboard.press('r');
  await expect(run).toBeEnabled();
  await expect(run).toHaveAttribute('aria-keyshortcuts', 'R');
  await expect(step).toHaveAttribute('aria-keyshortcuts', 'S');
  // Never while typing.
  await inspector(page).getByRole('textbox', { name: 'Flow name' }).press('r');
  await expect(run).toBeEnabled();
});

test('the toolbar Seed is saved in the flow, as one undoable edit', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const seed = toolbar(page).getByRole('textbox', { name: 'Seed' });
  await expect(seed).toHaveValue('42');
  await seed.fill('7');
  await seed.press('Enter');
  await expect(inspector(page).getByRole('textbox', { name: 'Seed' })).toHaveValue('7');
  const download = page.waitForEvent('download');
  await toolbar(page).getByRole('button', { name: 'Export JSON' }).click();
  const file = await (await download).path();
  const { readFile } = await import('node:fs/promises');
  expect(JSON.parse(await readFile(file!, 'utf8')).settings.seed).toBe(7);
  await seed.fill('x');
  await expect(seed).toHaveAttribute('aria-invalid', 'true');
  await seed.press('Escape');
  await undo(page).click();
  await expect(seed).toHaveValue('42');
});
