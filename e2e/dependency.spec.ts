// A dependency (a database or API that handlers call) in the editor: added from the palette,
// called by a handler, its pool edited in the Inspector, and the call edge's Calls section edited
// one undo step at a time. A queue cannot call it, and says why. The retry-storm template runs:
// its calls, attempts and timeouts in the metrics, its slots on the canvas, its fault summary.
import { expect, type Page, test } from '@playwright/test';
import {
  canvasEdges,
  canvasNode,
  connect,
  dropFromPalette,
  inspector,
  loadTemplate,
  metrics,
  openApp,
  savedFlow,
  toolbar,
} from './helpers';

type Saved = {
  nodes: { id: string; config: Record<string, unknown> }[];
  edges: Record<string, unknown>[];
};
const saved = async (page: Page): Promise<Saved> => (await savedFlow(page)) as Saved;
const callEdge = async (page: Page) => (await saved(page)).edges.find((e) => e.target === 'dependency-1')!;
const undo = (page: Page) => page.getByRole('button', { name: 'Undo' });

test('a handler calls a dependency: pool and call fields, one undo step each', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('button', { name: 'Add dependency' })).toContainText('Database or API');
  await dropFromPalette(page, 'handler', { x: 220, y: 200 });
  await dropFromPalette(page, 'dependency', { x: 620, y: 200 });
  await expect(canvasNode(page, 'dependency-1')).toContainText('pool 10');
  // It answers its callers and sends no events: an input, no output.
  await expect(page.getByRole('button', { name: 'Output of Dependency 1' })).toHaveCount(0);

  // Connected from the keyboard, handle to handle.
  const announcer = page.getByTestId('announcer');
  await page.getByRole('button', { name: 'Output of Handler 1' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Input of Dependency 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(announcer).toContainText('Connected Handler 1 to Dependency 1.');
  await expect(canvasEdges(page)).toHaveCount(1);
  await expect(canvasEdges(page).first()).toHaveClass(/edge--call/);

  // The pool, refused with the model's reason, then stored on Enter.
  await canvasNode(page, 'dependency-1').click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Dependency' })).toBeVisible();
  const pool = panel.getByRole('textbox', { name: 'Pool' });
  await pool.fill('0');
  await expect(pool).toHaveAccessibleDescription('must be a whole number ≥ 1');
  await pool.fill('4');
  await pool.press('Enter');
  await expect(canvasNode(page, 'dependency-1')).toContainText('pool 4');
  expect((await saved(page)).nodes.find((n) => n.id === 'dependency-1')!.config.pool).toBe(4);

  // The call edge: what it means, its Calls section, and no event-edge fields.
  await panel.getByRole('button', { name: 'Open connection from Handler 1' }).click();
  await expect(panel.getByRole('heading', { name: 'Connection' })).toBeVisible();
  const calls = panel.getByRole('region', { name: 'Calls' });
  await expect(calls).toContainText('A synchronous call: each job of Handler 1 calls Dependency 1');
  await expect(panel.getByRole('combobox', { name: 'Latency distribution' })).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: 'Filter' })).toHaveCount(0);
  await expect(panel.getByRole('textbox', { name: 'Prefetch' })).toHaveCount(0);
  await expect(calls.getByRole('combobox', { name: 'Retry after' })).toHaveCount(0);

  const attempts = calls.getByRole('textbox', { name: 'Attempts' });
  await attempts.fill('0');
  await expect(attempts).toHaveAccessibleDescription('must be a whole number ≥ 1');
  await attempts.press('Enter');
  expect(await callEdge(page)).not.toHaveProperty('attempts');
  await attempts.fill('3');
  await attempts.press('Enter');
  const timeout = calls.getByRole('textbox', { name: 'Timeout' });
  await timeout.fill('250');
  await timeout.press('Enter');
  expect(await callEdge(page)).toMatchObject({ attempts: 3, timeout: 0.25 });
  await expect(page.locator('.react-flow__edge.edge--call')).toContainText('timeout 250 ms · 3 attempts');

  // Retries wait with a backoff, whose max may not be below its initial.
  await calls.getByRole('combobox', { name: 'Retry after' }).selectOption({ label: 'Exponential backoff' });
  expect((await callEdge(page)).backoff).toEqual({ initial: 0.1 });
  const max = calls.getByRole('textbox', { name: 'Backoff max' });
  await max.fill('50');
  await max.press('Enter');
  await expect(max).toHaveAccessibleDescription('must be ≥ initial');
  await max.fill('2000');
  await max.press('Enter');
  expect((await callEdge(page)).backoff).toEqual({ initial: 0.1, max: 2 });
  await expect(calls.getByRole('button', { name: 'Calls' })).toHaveAttribute('aria-expanded', 'true');

  // Each commit was one step: undo takes back the max, then the backoff, then the timeout.
  await undo(page).click();
  await expect(max).toHaveValue('');
  expect((await callEdge(page)).backoff).toEqual({ initial: 0.1 });
  await undo(page).click();
  await expect(max).toHaveCount(0);
  await undo(page).click();
  await expect(timeout).toHaveValue('');
  await expect(attempts).toHaveValue('3');
  expect(await callEdge(page)).not.toHaveProperty('timeout');
  expect((await callEdge(page)).attempts).toBe(3);

  // Folded, the section says what it holds.
  await calls.getByRole('button', { name: 'Calls' }).click();
  await expect(calls).toContainText('1 call per job · no timeout · 3 attempts at once');
});

test('a queue cannot call a dependency, and says why', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'queue', { x: 220, y: 200 });
  await dropFromPalette(page, 'dependency', { x: 620, y: 200 });
  await connect(page, 'queue-1', 'dependency-1');
  await expect(page.getByRole('alert')).toContainText(
    'a dependency is called by handlers during their service; a queue cannot call it',
  );
  await expect(canvasEdges(page)).toHaveCount(0);

  // The Inspector offers only what the canvas would accept.
  await canvasNode(page, 'queue-1').click();
  await expect(inspector(page).getByRole('combobox', { name: 'Connect to' }).getByRole('option')).toHaveText([
    'No node can take a connection from here',
  ]);
});

test('the retry storm runs: attempts per call climb where retries are immediate, and its fault never drains', async ({
  page,
}) => {
  await openApp(page);
  await loadTemplate(page, /Retry storm/);
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('fast');
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
  // While it runs, the dependency's card shows its slots in use.
  await expect(canvasNode(page, 'immediate-api')).toContainText(/\d+\/10 slots busy/, { timeout: 30_000 });
  await expect(toolbar(page).getByRole('progressbar', { name: 'Simulation progress' })).toHaveJSProperty(
    'value',
    1,
    { timeout: 60_000 },
  );
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  const calls = async (id: string) => {
    const text = await table.locator(`tr[data-node-id="${id}"] [data-metric="calls"]`).textContent();
    const [made, attempts, timeouts] = text!.split(' / ').map((x) => Number(x.replace(/,/g, '')));
    return { made: made!, attempts: attempts!, timeouts: timeouts! };
  };
  const immediate = await calls('immediate-workers');
  const backoff = await calls('backoff-workers');
  expect(immediate.attempts / immediate.made).toBeGreaterThan(2);
  expect(backoff.attempts / backoff.made).toBeLessThan(1.3);
  expect(immediate.timeouts).toBeGreaterThan(backoff.timeouts);

  const rows = metrics(page).getByRole('table', { name: 'Fault summary' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('Card API (immediate)');
  await expect(rows.nth(1).locator('[data-metric="drainTime"]')).toHaveText(/never/);
  await expect(rows.nth(2).locator('[data-metric="drainTime"]')).toHaveText(/^\d+(\.\d+)? (s|min)$/);
  await page.screenshot({ path: 'test-results/dependency-retry-storm.png' });
});
