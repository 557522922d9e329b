// Saving and exchanging flows: export, import, autosave, and refusing bad files.
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  loadTemplate,
  openApp,
  readStorage,
  savedFlow,
  writeStorage,
} from './helpers';

async function exportFile(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  const path = (await file.path())!;
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') };
}

test('export, start over, re-import: the same bytes come back', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  await expect(canvasNodes(page)).toHaveCount(6);
  const first = await exportFile(page);
  expect(first.name).toBe('thumbnail-work-queue.eventflow.json');
  expect(JSON.parse(first.text)).toMatchObject({ format: 'eventflow', version: 2 });

  // "New" asks first.
  await page.getByRole('button', { name: 'New' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new flow?' });
  await dialog.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(canvasNodes(page)).toHaveCount(0);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import JSON' }).click();
  await (await chooser).setFiles(first.path);
  await expect(canvasNodes(page)).toHaveCount(6);
  await expect(canvasEdges(page)).toHaveCount(5);
  // The queue's dead-letter setting is drawn as its own dashed link.
  await expect(page.locator('.react-flow__edge.edge--dead-letter')).toHaveCount(1);

  const second = await exportFile(page);
  expect(second.text).toBe(first.text);

  // Import is undoable.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvasNodes(page)).toHaveCount(0);
});

test('a broken file is refused with the place and reason; the flow is unchanged', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add producer' }).click();
  const before = await savedFlow(page);

  const handler = (concurrency: number) => ({
    id: 'h',
    kind: 'handler',
    position: { x: 0, y: 0 },
    config: { concurrency, service: { dist: 'constant', value: 1 } },
  });
  const bad = {
    format: 'eventflow',
    version: 1,
    name: 'bad',
    nodes: [handler(0), handler(1)],
    edges: [{ id: 'e', source: 'h', target: 'ghost' }],
  };
  await page.locator('input[type=file]').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Couldn’t import “bad.json”');
  await expect(alert).toContainText('nodes[0].config.concurrency: must be a whole number ≥ 1');
  await expect(canvasNodes(page)).toHaveCount(1);
  expect(await savedFlow(page)).toEqual(before);

  await page.locator('input[type=file]').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ this is not json'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.json' })).toContainText('not valid JSON');
  await expect(canvasNode(page, 'producer-1')).toBeVisible();
  expect(await savedFlow(page)).toEqual(before);
});

test('work is restored after a reload; unreadable saved data is reported and kept', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add stream' }).click();
  await page.getByRole('textbox', { name: 'Partitions' }).fill('12');
  await page.getByRole('textbox', { name: 'Partitions' }).press('Enter');
  await expect(canvasNode(page, 'stream-1')).toContainText('12 partitions');
  await savedFlow(page);
  await page.reload();
  await expect(canvasNode(page, 'stream-1')).toContainText('12 partitions');

  await writeStorage(page, 'eventflow-studio.flow', '{"format":"eventflow","version":9}');
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByRole('alert')).toContainText('version: 9 is newer than this app reads (1–2)');
  await expect(page.getByText('Your canvas is empty')).toBeVisible();
  const backup = await readStorage(page, 'eventflow-studio.flow.unreadable-backup');
  expect(backup).toContain('"version":9');
});

test('a storage failure is reported, not swallowed', async ({ page }) => {
  await page.addInitScript({
    content: `Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); };`,
  });
  await page.goto('/');
  await page.getByRole('button', { name: 'Add topic' }).click();
  await expect(page.getByRole('alert')).toContainText('browser storage is full');
});

test('dropping a .json file on the canvas imports it, a version 1 file as version 2', async ({ page }) => {
  await openApp(page);
  const flow = {
    format: 'eventflow',
    version: 1,
    name: 'Dropped',
    nodes: [{ id: 'store-1', kind: 'store', label: 'Archive', position: { x: 0, y: 0 }, config: {} }],
    edges: [],
  };
  const data = await page.evaluateHandle((text) => {
    const g = globalThis as unknown as {
      DataTransfer: new () => { items: { add(f: unknown): void } };
      File: new (parts: string[], name: string, opts: { type: string }) => unknown;
    };
    const dt = new g.DataTransfer();
    dt.items.add(new g.File([text], 'dropped.json', { type: 'application/json' }));
    return dt;
  }, JSON.stringify(flow));
  await page.locator('.canvas').dispatchEvent('dragover', { dataTransfer: data });
  await page.locator('.canvas').dispatchEvent('drop', { dataTransfer: data });
  await expect(canvasNode(page, 'store-1')).toContainText('Archive');
  await expect(page.getByRole('textbox', { name: 'Flow name' })).toHaveValue('Dropped');
  expect(await savedFlow(page)).toMatchObject({ version: 2, name: 'Dropped' });
});
