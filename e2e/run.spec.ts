// Running a flow in the browser, as a user would: Run, watch, Pause, Step, Reset, Speed, fast
// mode, and a flow the engine refuses.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { metrics, toolbar } from './helpers';

const clock = (page: Page): Locator => page.getByRole('timer', { name: 'Simulated clock' });
const overlay = (page: Page): Locator => page.getByTestId('dot-overlay');

async function total(page: Page, name: 'events' | 'emitted' | 'completed'): Promise<number> {
  const text = await metrics(page).locator(`[data-total="${name}"]`).innerText();
  return Number(text.replace(/[^\d]/g, '') || '0');
}

async function openTemplate(page: Page, title: RegExp): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from a template' });
  await dialog.getByRole('button', { name: title }).click();
  await expect(dialog).toBeHidden();
}

test('run a template: dots move, metrics climb, pause freezes, step, reset, speed', async ({ page }) => {
  await openTemplate(page, /Work queue with competing consumers/);
  const run = toolbar(page).getByRole('button', { name: 'Run', exact: true });
  await run.click();
  await expect.poll(() => total(page, 'completed')).toBeGreaterThan(0);

  // Dots move: the overlay's pixels change from one moment to the next.
  const a = await overlay(page).screenshot();
  await page.waitForTimeout(250);
  const b = await overlay(page).screenshot();
  expect(a.equals(b)).toBe(false);
  await page.screenshot({ path: test.info().outputPath('run-running.png') });

  // Metrics climb.
  const before = await total(page, 'completed');
  await expect.poll(() => total(page, 'completed')).toBeGreaterThan(before);
  const row = metrics(page).getByRole('row', { name: /Worker pool A/ });
  await expect(row.locator('[data-metric="in"]')).not.toHaveText('0');

  // Pause: clock, numbers and dots all stand still.
  await toolbar(page).getByRole('button', { name: 'Pause' }).click();
  await expect(run).toBeEnabled();
  await page.waitForTimeout(300);
  const frozenClock = await clock(page).innerText();
  const frozenEvents = await total(page, 'events');
  const frozenDots = await overlay(page).screenshot();
  await page.waitForTimeout(1000);
  expect(await clock(page).innerText()).toBe(frozenClock);
  expect(await total(page, 'events')).toBe(frozenEvents);
  expect((await overlay(page).screenshot()).equals(frozenDots)).toBe(true);

  // Step: exactly one more event.
  await toolbar(page).getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => total(page, 'events')).toBe(frozenEvents + 1);

  // Reset: back to zero.
  await toolbar(page).getByRole('button', { name: 'Reset' }).click();
  await expect(clock(page)).toHaveText('t = 0.00 s');
  await expect.poll(() => total(page, 'events')).toBe(0);
  await expect.poll(() => total(page, 'completed')).toBe(0);

  // Speed: at 10× a second of wall time covers several simulated seconds.
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await run.click();
  await page.waitForTimeout(1200);
  const t = await clock(page).innerText();
  expect(Number(/([\d.]+) s/.exec(t)?.[1])).toBeGreaterThan(5);
  await page.screenshot({ path: test.info().outputPath('run-10x.png') });
});

test('as fast as possible: progress to completion', async ({ page }) => {
  await openTemplate(page, /Order service with CQRS/);
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('fast');
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  const progress = toolbar(page).getByRole('progressbar', { name: 'Simulation progress' });
  await expect(progress).toBeVisible();
  await expect(progress).toHaveJSProperty('value', 1, { timeout: 20_000 });
  await expect(toolbar(page).getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect.poll(() => total(page, 'completed')).toBeGreaterThan(1000);
  await page.screenshot({ path: test.info().outputPath('run-fast-done.png') });

  // The panel folds to its totals row to give the canvas room, and opens again intact.
  const toggle = metrics(page).getByRole('button', { name: 'Metrics', exact: true });
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  await expect(table).toBeVisible();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(table).toBeHidden();
  await expect(metrics(page).locator('[data-total="completed"]')).toBeVisible();
  await toggle.click();
  await expect(table).toBeVisible();
});

test('a flow the engine refuses: an alert names the node; the flow is untouched', async ({ page }) => {
  await openTemplate(page, /Work queue with competing consumers/);
  await page.getByRole('button', { name: 'Add handler' }).click();
  const nodes = page.locator('.react-flow__node');
  const count = await nodes.count();
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'cannot run' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(/Handler “[^”]+”/);
  await expect(alert).toContainText(/reach|receive|feed|input/i);
  await expect(nodes).toHaveCount(count);
  await page.screenshot({ path: test.info().outputPath('run-refused.png') });

  // The problem takes you to its node: the Inspector opens on it.
  await nodes.filter({ hasText: 'Image uploads' }).click();
  const problem = alert.getByRole('button', { name: /Handler “/ });
  const name = /“([^”]+)”/.exec(await problem.innerText())?.[1];
  expect(name).toBeTruthy();
  await problem.click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await expect(inspector.getByRole('textbox', { name: 'Label' })).toHaveValue(name!);

  // Dismiss closes the alert; the flow is still as it was.
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toBeHidden();
  await expect(nodes).toHaveCount(count);
});

test('editing while running: concurrency applies live, a new node applies on reset', async ({ page }) => {
  await openTemplate(page, /Work queue with competing consumers/);
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  const badge = page.locator('[data-live-node="handler-1"]');
  await expect(badge).toContainText('/2 busy');

  await page.locator('.react-flow__node[data-id="handler-1"]').click();
  const concurrency = page.getByRole('region', { name: 'Inspector' }).getByLabel('Concurrency');
  await concurrency.fill('5');
  await concurrency.press('Enter');
  await expect(badge).toContainText('/5 busy');
  const pending = toolbar(page).getByText('Some edits apply on reset');
  await expect(pending).toBeHidden();

  await page.getByRole('button', { name: 'Add queue' }).click();
  await expect(pending).toBeVisible();
  await toolbar(page).getByRole('button', { name: 'Reset' }).click();
  await expect(pending).toBeHidden();
  await expect(clock(page)).toHaveText('t = 0.00 s');
});
