// Building a flow with the mouse and keyboard, as a user would.
import { expect, test } from '@playwright/test';
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  connect,
  dropFromPalette,
  inspector,
  openApp,
} from './helpers';

test('build producer → queue → handler from the palette, connect and edit', async ({ page }) => {
  await openApp(page);

  // Click adds in view; clicking again does not stack nodes on top of each other.
  await page.getByRole('button', { name: 'Add producer' }).click();
  await expect(canvasNode(page, 'producer-1')).toContainText('Producer 1');
  await expect(canvasNode(page, 'producer-1')).toContainText('Poisson 80/s');
  await page.getByRole('button', { name: 'Add producer' }).click();
  const p1 = (await canvasNode(page, 'producer-1').boundingBox())!;
  const p2 = (await canvasNode(page, 'producer-2').boundingBox())!;
  expect(Math.abs(p2.x - p1.x) + Math.abs(p2.y - p1.y)).toBeGreaterThan(20);
  await page.keyboard.press('Delete');
  await expect(canvasNodes(page)).toHaveCount(1);

  // Drag and drop lands where it is dropped.
  await dropFromPalette(page, 'queue', { x: 360, y: 160 });
  await dropFromPalette(page, 'handler', { x: 620, y: 360 });
  await expect(canvasNodes(page)).toHaveCount(3);
  const queueBox = (await canvasNode(page, 'queue-1').boundingBox())!;
  const handlerBox = (await canvasNode(page, 'handler-1').boundingBox())!;
  expect(handlerBox.x).toBeGreaterThan(queueBox.x + 100);
  expect(handlerBox.y).toBeGreaterThan(queueBox.y + 100);

  await connect(page, 'producer-1', 'queue-1');
  await connect(page, 'queue-1', 'handler-1');
  await expect(canvasEdges(page)).toHaveCount(2);

  // Edit a field in the inspector; invalid text is refused inline and not stored.
  await canvasNode(page, 'handler-1').click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { name: 'Handler' })).toBeVisible();
  const concurrency = panel.getByRole('textbox', { name: 'Concurrency' });
  await concurrency.fill('0');
  await expect(concurrency).toHaveAttribute('aria-invalid', 'true');
  await expect(concurrency).toHaveAccessibleDescription('must be a whole number ≥ 1');
  await expect(canvasNode(page, 'handler-1')).toContainText('×4');
  await concurrency.fill('8');
  await expect(concurrency).not.toHaveAttribute('aria-invalid');
  await concurrency.press('Enter');
  await expect(canvasNode(page, 'handler-1')).toContainText('×8');

  // Times are edited in ms.
  await panel.getByRole('textbox', { name: 'Service time mean' }).fill('25');
  await panel.getByRole('textbox', { name: 'Service time mean' }).press('Tab');
  await expect(canvasNode(page, 'handler-1')).toContainText('exp 25 ms');

  // Connections are edited too: a latency in ms shows on the edge.
  // Selected from the keyboard: edges are focusable and Enter selects them.
  await page.getByRole('group', { name: 'Edge from queue-1 to handler-1' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByRole('heading', { name: 'Connection' })).toBeVisible();
  await panel.getByRole('combobox', { name: 'Latency distribution' }).selectOption('constant');
  await panel.getByRole('textbox', { name: 'Latency value' }).fill('3');
  await panel.getByRole('textbox', { name: 'Latency value' }).press('Enter');
  await expect(page.locator('.react-flow__edge[data-id="e-queue-1-handler-1"]')).toContainText('const 3 ms');
  await canvasNode(page, 'handler-1').click();

  // Typing in a field never deletes the node.
  await panel.getByRole('textbox', { name: 'Label' }).press('Backspace');
  await expect(canvasNodes(page)).toHaveCount(3);
  await expect(canvasNode(page, 'handler-1')).toContainText('Handler');
});

test('a refused connection says why', async ({ page }) => {
  await openApp(page);
  await dropFromPalette(page, 'producer', { x: 200, y: 200 });
  await dropFromPalette(page, 'handler', { x: 560, y: 200 });
  await connect(page, 'handler-1', 'producer-1', 'body');
  await expect(page.getByRole('alert')).toContainText('nothing flows into a producer');
  await expect(canvasEdges(page)).toHaveCount(0);

  await connect(page, 'producer-1', 'handler-1');
  await expect(canvasEdges(page)).toHaveCount(1);
  await connect(page, 'producer-1', 'handler-1', 'body');
  await expect(page.getByRole('alert').filter({ hasText: 'already connected' })).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(1);
});

test('undo and redo from the toolbar and the keyboard; delete, copy, paste, duplicate', async ({ page }) => {
  await openApp(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();

  await dropFromPalette(page, 'queue', { x: 250, y: 200 });
  await dropFromPalette(page, 'handler', { x: 600, y: 200 });
  await expect(canvasNodes(page)).toHaveCount(2);
  await undo.click();
  await expect(canvasNodes(page)).toHaveCount(1);
  await redo.click();
  await expect(canvasNodes(page)).toHaveCount(2);

  await connect(page, 'queue-1', 'handler-1');
  await expect(canvasEdges(page)).toHaveCount(1);

  // Delete cascades to the edge; Ctrl+Z brings both back, Ctrl+Shift+Z removes them again.
  await canvasNode(page, 'queue-1').click();
  await page.keyboard.press('Delete');
  await expect(canvasNodes(page)).toHaveCount(1);
  await expect(canvasEdges(page)).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(canvasEdges(page)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(canvasNodes(page)).toHaveCount(1);
  await page.keyboard.press('ControlOrMeta+z');
  await expect(canvasNodes(page)).toHaveCount(2);

  // Shift-click selects both; copy/paste keeps the edge between them.
  await canvasNode(page, 'queue-1').click();
  await canvasNode(page, 'handler-1').click({ modifiers: ['Shift'] });
  await expect(inspector(page)).toContainText('2 items selected');
  await page.keyboard.press('ControlOrMeta+c');
  await page.keyboard.press('ControlOrMeta+v');
  await expect(canvasNode(page, 'queue-2')).toBeVisible();
  await expect(canvasNode(page, 'handler-2')).toBeVisible();
  await expect(canvasEdges(page)).toHaveCount(2);

  // The paste overlaps the original's lower right, so click its free upper-left corner.
  await canvasNode(page, 'queue-1').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('ControlOrMeta+d');
  await expect(canvasNode(page, 'queue-3')).toBeVisible();

  // A drag is a single undo step.
  const node = canvasNode(page, 'queue-3');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(box.x + 60 + i * 15, box.y + 20 + i * 10);
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(box.x + 60);
  await undo.click();
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(box.x));
  await expect(node).toBeVisible();
});
