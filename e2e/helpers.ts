// Shared steps for the designer specs: find things the way a user sees them.
import { expect, type Locator, type Page } from '@playwright/test';

export const canvasNode = (page: Page, id: string): Locator =>
  page.locator(`.react-flow__node[data-id="${id}"]`);
export const canvasNodes = (page: Page): Locator => page.locator('.react-flow__node');
/** The flow's edges; a queue's dead-letter link is drawn too but is not one of them. */
export const canvasEdges = (page: Page): Locator => page.locator('.react-flow__edge:not(.edge--dead-letter)');
export const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' });
export const toolbar = (page: Page): Locator => page.getByRole('toolbar', { name: 'Main toolbar' });
export const metrics = (page: Page): Locator => page.getByRole('region', { name: 'Metrics' });

/** Runs the open flow at the fastest speed until its duration is reached and its table shows. */
export async function runToEnd(page: Page, timeout = 30_000): Promise<void> {
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('fast');
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  await expect(toolbar(page).getByRole('progressbar', { name: 'Simulation progress' })).toHaveJSProperty(
    'value',
    1,
    { timeout },
  );
  await expect(metrics(page).getByRole('table', { name: 'Per-node metrics' })).toBeVisible();
}

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('element is not visible');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Drags with the mouse from a node's output handle to another node's input handle (or body). */
export async function connect(page: Page, from: string, to: string, onto: 'handle' | 'body' = 'handle') {
  const start = await centre(canvasNode(page, from).locator('.react-flow__handle.source'));
  const target =
    onto === 'handle' ? canvasNode(page, to).locator('.react-flow__handle.target') : canvasNode(page, to);
  const end = await centre(target);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move((start.x + end.x) / 2, (start.y + end.y) / 2, { steps: 5 });
  await page.mouse.move(end.x, end.y, { steps: 5 });
  await page.mouse.up();
}

/** Drags a palette entry onto the canvas at a point relative to the canvas's top-left. */
export async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }) {
  await page
    .getByRole('button', { name: `Add ${kind}` })
    .dragTo(page.locator('.react-flow__pane'), { targetPosition: at });
}

/** Opens the app on a clean, empty flow (each test has its own browser storage). */
export async function openApp(page: Page) {
  await page.goto('/');
  await expect(page.getByText('Your canvas is empty')).toBeVisible();
}

export async function loadTemplate(page: Page, title: RegExp) {
  await page.getByRole('button', { name: 'Templates' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from a template' });
  await dialog.getByRole('button', { name: title }).click();
  await expect(dialog).toBeHidden();
}

// The e2e project is typed for Node (no DOM lib), so code run in the page names what it uses.
type PageGlobals = {
  localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
};

export const readStorage = (page: Page, key: string) =>
  page.evaluate((k) => (globalThis as unknown as PageGlobals).localStorage.getItem(k), key);

export const writeStorage = (page: Page, key: string, value: string) =>
  page.evaluate(({ k, v }) => (globalThis as unknown as PageGlobals).localStorage.setItem(k, v), {
    k: key,
    v: value,
  });

/** The flow autosave last wrote. */
export async function savedFlow(page: Page): Promise<unknown> {
  await page.waitForTimeout(450); // autosave is debounced by 300 ms
  return JSON.parse((await readStorage(page, 'eventflow-studio.flow')) ?? 'null');
}
