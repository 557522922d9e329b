// Every template loads and shows its nodes; auto layout arranges one left to right.
import { expect, test } from '@playwright/test';
import { canvasNode, canvasNodes, inspector, loadTemplate, openApp } from './helpers';

const TEMPLATES: [RegExp, number][] = [
  [/Work queue with competing consumers/, 6],
  [/Partitioned stream, two consumer groups/, 6],
  [/User sign-up fan-out/, 8],
  [/CQRS and event sourcing/, 10],
];

test('each template loads onto the canvas', async ({ page }) => {
  await openApp(page);
  for (const [title, count] of TEMPLATES) {
    await loadTemplate(page, title);
    await expect(canvasNodes(page)).toHaveCount(count);
    await expect(canvasNode(page, 'producer-1')).toBeVisible();
  }
  await expect(inspector(page).getByRole('textbox', { name: 'Flow name' })).toHaveValue(
    'Order service: CQRS + event sourcing',
  );
});

test('auto layout arranges the flow left to right', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /User sign-up/);
  const producer = canvasNode(page, 'producer-1');
  const store = canvasNode(page, 'store-2');
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect
    .poll(async () => (await store.boundingBox())!.x - (await producer.boundingBox())!.x)
    .toBeGreaterThan(300);
  await expect(canvasNodes(page)).toHaveCount(8);
});
