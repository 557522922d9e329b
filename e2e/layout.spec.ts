// Small screens and dark mode: the metrics panel resizes (mouse and keyboard) and remembers its
// size, the canvas keeps its size when a run's table appears, the toolbar never clips the app's
// name, and canvas labels follow the theme.
import { expect, type Page, test } from '@playwright/test';
import { loadTemplate, openApp, toolbar } from './helpers';

const canvasHeight = async (page: Page) => (await page.locator('.canvas').boundingBox())!.height;

async function fastRun(page: Page): Promise<void> {
  await toolbar(page).getByRole('combobox', { name: 'Speed' }).selectOption('fast');
  await toolbar(page).getByRole('button', { name: 'Run', exact: true }).click();
}

test('at 1280×720 the metrics panel shows charts and rows, resizes and remembers its size', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const before = await canvasHeight(page);
  expect(before).toBeGreaterThanOrEqual(350);
  await fastRun(page);
  const table = page.getByRole('table', { name: 'Per-node metrics' });
  await expect(table).toBeVisible();
  // The table appearing does not take room from the canvas.
  expect(await canvasHeight(page)).toBe(before);
  // At least three node rows in view without scrolling.
  const visible = await table.locator('tbody tr').evaluateAll(
    (rows) =>
      rows.filter((r) => {
        const b = r.getBoundingClientRect();
        return b.bottom <= (globalThis as unknown as { innerHeight: number }).innerHeight;
      }).length,
  );
  expect(visible).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: test.info().outputPath('layout-1280.png') });

  // Keyboard: the splitter is a separator with a value; arrows resize.
  const splitter = page.getByRole('separator', { name: 'Resize the metrics panel' });
  const start = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(start + 64));
  expect(await canvasHeight(page)).toBe(before - 64);
  // Mouse: drag it down.
  const box = (await splitter.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + 100, { steps: 5 });
  await page.mouse.up();
  const dragged = Number(await splitter.getAttribute('aria-valuenow'));
  expect(dragged).toBeLessThan(start);

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the metrics panel' })).toHaveAttribute(
    'aria-valuenow',
    String(dragged),
  );
  // Folding the panel gives the canvas the room, and is remembered too.
  const toggle = page
    .getByRole('region', { name: 'Metrics' })
    .getByRole('button', { name: 'Metrics', exact: true });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(await canvasHeight(page)).toBeGreaterThan(before + 150);
  await page.reload();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1600, height: 900 },
]) {
  test(`the app's name is never clipped while a run shows its progress (${size.width}×${size.height})`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await loadTemplate(page, /CQRS/);
    const name = toolbar(page).getByText('Eventflow Studio', { exact: true });
    await expect(name).toBeVisible();
    const idle = (await name.boundingBox())!;
    await fastRun(page);
    await expect(toolbar(page).getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
    const running = (await name.boundingBox())!;
    expect(running.width).toBe(idle.width);
    // The brand (logo and name) clips what does not fit: all of the name must fit in it.
    const brand = toolbar(page).getByTitle('Eventflow Studio', { exact: true });
    expect(await brand.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    expect(running.x + running.width).toBeLessThanOrEqual(
      (await brand.boundingBox())!.x + (await brand.boundingBox())!.width + 0.5,
    );
    // Nothing in the toolbar spills out of the window.
    const right = await toolbar(page).evaluate((el) =>
      Math.max(...[...el.querySelectorAll('*')].map((c) => c.getBoundingClientRect().right)),
    );
    expect(right).toBeLessThanOrEqual(size.width);
  });
}

test('dark mode: rate labels are light text on a dark halo, and light mode the reverse', async ({ page }) => {
  const luminance = colourLuminance;
  const overlay = page.getByTestId('dot-overlay');
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect
    .poll(async () => luminance((await overlay.getAttribute('data-label-ink')) ?? '#000000'))
    .toBeGreaterThan(0.7);
  expect(luminance((await overlay.getAttribute('data-label-halo'))!)).toBeLessThan(0.1);
  await loadTemplate(page, /Work queue/);
  await fastRun(page);
  await expect(toolbar(page).getByRole('progressbar')).toHaveJSProperty('value', 1, { timeout: 30_000 });
  // What the overlay last drew its labels with (dots never set the stroke): a dark halo.
  const drawn = () =>
    overlay.evaluate((el) => {
      const ctx = (
        el as unknown as { getContext(k: '2d'): { strokeStyle: string; fillStyle: string } }
      ).getContext('2d');
      return { halo: ctx.strokeStyle, ink: ctx.fillStyle };
    });
  await expect.poll(async () => colourLuminance((await drawn()).halo)).toBeLessThan(0.1);
  await page.screenshot({ path: test.info().outputPath('dark-labels.png') });
  // Switching the system theme while the app is open follows it.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect
    .poll(async () => luminance((await overlay.getAttribute('data-label-ink')) ?? '#ffffff'))
    .toBeLessThan(0.2);
  expect(luminance((await overlay.getAttribute('data-label-halo'))!)).toBeGreaterThan(0.9);
});

test('the Inspector fits its panel whatever the node (no sideways scrolling)', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const panel = page.getByRole('region', { name: 'Inspector' });
  for (const id of ['producer-1', 'queue-1', 'handler-1', 'store-1', 'queue-2']) {
    await page.locator(`.react-flow__node[data-id="${id}"]`).click();
    await expect(panel.getByText(id, { exact: true })).toBeVisible();
    expect(await panel.evaluate((el) => el.scrollWidth - el.clientWidth), id).toBeLessThanOrEqual(0);
  }
});

/** Relative luminance (0–1) of "#rrggbb[aa]" or "rgba(r, g, b, a)". */
function colourLuminance(colour: string): number {
  const rgb = colour.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16))
    : (/rgba?\(([^)]+)\)/.exec(colour)?.[1] ?? '0,0,0').split(',').slice(0, 3).map(Number);
  const [r, g, b] = rgb.map((v) => v! / 255);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
