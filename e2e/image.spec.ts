// "Export image": the diagram as SVG and PNG, drawn from the flow, with every node's label and, when
// a run is showing, its figures.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { loadTemplate, openApp, runToEnd, savedFlow } from './helpers';

type Saved = { nodes: { id: string; label?: string }[] };

async function save(page: Page, button: 'Save SVG' | 'Save PNG') {
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: button }).click();
  const file = await download;
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** The PNG's size from its header (IHDR: width and height, big-endian, at bytes 16 and 20). */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });
const svgSize = (svg: string) => {
  const m = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg)!;
  return { width: Number(m[1]), height: Number(m[2]) };
};
/** The drawing's background: the first shape drawn. */
const background = (svg: string) => /<rect[^>]*fill="([^"]+)"/.exec(svg)![1];

test('Export image saves SVG and PNG showing every node label and the run’s figures, light and dark', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const flow = (await savedFlow(page)) as Saved;

  // Before a run there are no figures to include.
  await page.getByRole('button', { name: 'Export image' }).click();
  let dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog.getByRole('checkbox', { name: /Include the run’s figures/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await runToEnd(page);
  await page.getByRole('button', { name: 'Export image' }).click();
  dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog.getByRole('checkbox', { name: /Include the run’s figures/ })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Light' }).check();
  await expect(
    dialog.getByRole('img', {
      name: /Preview: 6 nodes and 5 connections, light theme, with the run’s figures/,
    }),
  ).toBeVisible();

  const svg = await save(page, 'Save SVG');
  expect(svg.name).toBe('thumbnail-work-queue.svg');
  const text = svg.bytes.toString('utf8');
  expect(text).not.toMatch(/foreignObject/i);

  // Opened on its own, as another tool would: every node is drawn with its label and figures.
  const viewer = await (await browser.newContext()).newPage();
  await viewer.setContent(text);
  const nodes = viewer.locator('svg g.ef-node');
  await expect(nodes).toHaveCount(flow.nodes.length);
  for (const n of flow.nodes) {
    const label = new RegExp(`^${(n.label ?? n.id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    await expect(nodes.locator('text').filter({ hasText: label })).toHaveCount(1);
  }
  await expect(nodes.filter({ hasText: /\d+ sent/ })).toHaveCount(1);
  await expect(nodes.filter({ hasText: /\d+\/\d+ busy/ }).first()).toBeVisible();
  await viewer.context().close();

  const png = await save(page, 'Save PNG');
  expect(png.name).toBe('thumbnail-work-queue.png');
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const size = svgSize(text);
  expect(pngSize(png.bytes)).toEqual({
    width: Math.round(size.width * 2),
    height: Math.round(size.height * 2),
  });

  // Dark: another background, and the file says which.
  await dialog.getByRole('radio', { name: 'Dark' }).check();
  const dark = await save(page, 'Save SVG');
  expect(dark.name).toBe('thumbnail-work-queue-dark.svg');
  expect(background(dark.bytes.toString('utf8'))).not.toBe(background(text));

  // Without the figures, the labels stay and the counts go.
  await dialog.getByRole('checkbox', { name: /Include the run’s figures/ }).uncheck();
  const bare = (await save(page, 'Save SVG')).bytes.toString('utf8');
  expect(bare).not.toMatch(/\d+ sent/);
  for (const n of flow.nodes) expect(bare).toContain(n.label ?? n.id);
});
