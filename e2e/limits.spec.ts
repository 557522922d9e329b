// Issue 13 in the browser: flow files are untrusted input people send each other. Two tabs never
// overwrite each other silently, ids that are names of Object members do not break the document,
// a big import is checked off the main thread with feedback, and exported metrics cannot run as
// spreadsheet formulas.
import { readFile, truncate, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { canvasNode, canvasNodes, openApp, readStorage, savedFlow } from './helpers';

const at = { x: 0, y: 0 };
const flowFile = (name: string, nodes: object[], edges: object[], settings?: object) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({
      format: 'eventflow',
      version: 2,
      name,
      nodes,
      edges,
      ...(settings ? { settings } : {}),
    }),
  ),
});
const importFile = (page: Page, file: ReturnType<typeof flowFile>) =>
  page.locator('input[type=file]').setInputFiles(file);

test('two tabs: the one opened earlier asks before it overwrites, and nothing is lost', async ({
  context,
}) => {
  const tabB = await context.newPage(); // opened first, on an empty flow
  await openApp(tabB);
  const tabA = await context.newPage();
  await openApp(tabA);

  for (let i = 0; i < 5; i++) await tabA.getByRole('button', { name: 'Add queue' }).click();
  await expect(canvasNodes(tabA)).toHaveCount(5);
  expect((await savedFlow(tabA)) as { nodes: unknown[] }).toMatchObject({ nodes: { length: 5 } });

  // Tab B hears of it at once and asks.
  const ask = tabB.getByRole('status').filter({ hasText: 'This flow was changed in another tab' });
  await expect(ask).toBeVisible();
  await tabB.getByRole('button', { name: 'Add topic' }).click();
  await expect(canvasNodes(tabB)).toHaveCount(1);
  await tabB.waitForTimeout(450);

  // A reloads: its five nodes, not B's one.
  await tabA.reload();
  await expect(canvasNodes(tabA)).toHaveCount(5);

  // B keeps its own flow, at its user's word: A's is kept as a backup.
  await ask.getByRole('button', { name: 'Keep this tab’s flow' }).click();
  await expect(
    tabB.getByText(/The other tab’s is kept under “eventflow-studio\.flow\.other-tab-backup”/),
  ).toBeVisible();
  const backup = JSON.parse((await readStorage(tabB, 'eventflow-studio.flow.other-tab-backup'))!);
  expect(backup.nodes).toHaveLength(5);
  expect(((await savedFlow(tabB)) as { nodes: unknown[] }).nodes).toHaveLength(1);
});

test('ids named like Object members survive a move, a run and a reload', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openApp(page);
  const ids = ['__proto__', 'constructor', 'toString'];
  await importFile(
    page,
    flowFile(
      'Prototype ids',
      [
        {
          id: ids[0],
          kind: 'producer',
          position: at,
          config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
        },
        { id: ids[1], kind: 'queue', position: { x: 260, y: 0 }, config: {} },
        {
          id: ids[2],
          kind: 'handler',
          position: { x: 520, y: 0 },
          config: { concurrency: 1, service: { dist: 'exponential', mean: 0.05 } },
        },
        { id: ' p ', kind: 'store', position: { x: 780, y: 0 }, config: {} },
      ],
      [
        { id: 'a', source: ids[0], target: ids[1] },
        { id: 'b', source: ids[1], target: ids[2] },
        { id: 'c', source: ids[2], target: ' p ' },
      ],
    ),
  );
  await expect(canvasNodes(page)).toHaveCount(4);

  // Move a node by dragging it.
  const node = canvasNode(page, 'constructor');
  const box = (await node.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  const saved = (await savedFlow(page)) as { nodes: { id: string; position: unknown }[] };
  expect(saved.nodes.map((n) => n.id)).toEqual([...ids, ' p ']);
  for (const n of saved.nodes) expect(n.position).toEqual({ x: expect.any(Number), y: expect.any(Number) });

  // Run: the flow reaches the worker and runs.
  await page
    .getByRole('toolbar', { name: 'Main toolbar' })
    .getByRole('button', { name: 'Run', exact: true })
    .click();
  await expect
    .poll(async () =>
      Number((await page.locator('[data-total="completed"]').innerText()).replace(/\D/g, '') || 0),
    )
    .toBeGreaterThan(0);
  await page.getByRole('toolbar', { name: 'Main toolbar' }).getByRole('button', { name: 'Pause' }).click();

  // Reload: the same flow, no "could not be read".
  await page.reload();
  await expect(canvasNodes(page)).toHaveCount(4);
  await expect(page.getByText('Your saved flow could not be read')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** A flow of `hops` queue → handler pairs after one producer (2 × hops + 1 nodes), as a file. */
function chainFile(name: string, hops: number, { broken = false, padding = 0 } = {}) {
  // An unknown field, kept on import: it makes the file as big as real annotated flows get.
  const notes = padding ? { notes: 'n'.repeat(padding) } : {};
  const nodes: object[] = [
    {
      id: 'p',
      kind: 'producer',
      position: at,
      config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 1 } },
    },
  ];
  const edges: object[] = [];
  let last = 'p';
  for (let i = 0; i < hops; i++) {
    const x = 200 * (i + 1);
    nodes.push({ id: `q${i}`, kind: 'queue', position: { x, y: 0 }, config: {}, ...notes });
    nodes.push({
      ...notes,
      id: `h${i}`,
      kind: 'handler',
      position: { x, y: 120 },
      config: { concurrency: 1, service: { dist: 'constant', value: 0.01 } },
    });
    edges.push(
      { id: `e${i}a`, source: last, target: `q${i}` },
      { id: `e${i}b`, source: `q${i}`, target: `h${i}` },
    );
    last = `h${i}`;
  }
  if (broken) edges.push({ id: 'broken', source: last, target: 'nowhere' });
  return flowFile(name, nodes, edges);
}

test('a big file is checked off the main thread: the page answers meanwhile, and says what it is doing', async ({
  page,
}) => {
  await openApp(page);
  // 24,999 nodes (the most a flow may have is 25,000) with 2,000 characters of notes each, 52 MB,
  // refused at its very last edge: all of it is read and checked.
  const big = chainFile('big.json', 12_499, { broken: true, padding: 2000 });
  expect(big.buffer.length).toBeGreaterThan(50e6);
  // The longest the main thread goes without running a timer, from now until the answer.
  await page.evaluate(() => {
    const g = globalThis as unknown as { gap: number; last: number; tick: number };
    g.gap = 0;
    g.last = performance.now();
    g.tick = setInterval(() => {
      const now = performance.now();
      g.gap = Math.max(g.gap, now - g.last);
      g.last = now;
    }, 20) as unknown as number;
  });
  // Given as a path, so that Playwright does not push its bytes through the page's main thread.
  const path = test.info().outputPath('big.json');
  await writeFile(path, big.buffer);
  await page.locator('input[type=file]').setInputFiles(path);
  const status = page.getByRole('status').filter({ hasText: /^(Reading|Checking) “big\.json”/ });
  await expect(status).toBeVisible();
  // While the file is being checked, the page still does what it is asked.
  await page.getByRole('button', { name: 'Add producer' }).click();
  await expect(canvasNodes(page)).toHaveCount(1);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Couldn’t import “big.json”: 1 problem found', { timeout: 60_000 });
  await expect(alert).toContainText('edges[24998].target: there is no node "nowhere"');
  const gap = await page.evaluate(() => (globalThis as unknown as { gap: number }).gap);
  // About 0.1–0.2 s here with the worker; checking this file on the main thread stalls it 0.7–0.9 s.
  expect(gap, 'longest main-thread stall during the import (ms)').toBeLessThan(500);
  await expect(status).toHaveCount(0);
  await expect(canvasNodes(page)).toHaveCount(1);
});

test('a file over 64 MiB is refused at once with the limit', async ({ page }) => {
  await openApp(page);
  const path = test.info().outputPath('huge.json');
  await writeFile(path, '');
  await truncate(path, 64 * 1024 * 1024 + 1); // sparse: no disk used
  await page.locator('input[type=file]').setInputFiles(path);
  await expect(page.getByRole('alert')).toContainText(
    'the file is larger than 64 MiB, the most this app reads',
  );
});

test('metrics CSV: labels that look like formulas are written as text', async ({ page }) => {
  await openApp(page);
  const labels = ['=HYPERLINK("http://evil","x")', '+1+1', '-2', '@SUM(A1)'];
  await importFile(
    page,
    flowFile(
      'Formulas',
      [
        {
          id: 'p',
          kind: 'producer',
          label: labels[0],
          position: at,
          config: { eventType: 'e', interarrival: { dist: 'exponential', mean: 0.1 } },
        },
        { id: 'q', kind: 'queue', label: labels[1], position: { x: 260, y: 0 }, config: {} },
        {
          id: 'h',
          kind: 'handler',
          label: labels[2],
          position: { x: 520, y: 0 },
          config: { concurrency: 1, service: { dist: 'exponential', mean: 0.05 } },
        },
        { id: 's', kind: 'store', label: labels[3], position: { x: 780, y: 0 }, config: {} },
      ],
      [
        { id: 'a', source: 'p', target: 'q' },
        { id: 'b', source: 'q', target: 'h' },
        { id: 'c', source: 'h', target: 's' },
      ],
      { duration: 5 },
    ),
  );
  const toolbar = page.getByRole('toolbar', { name: 'Main toolbar' });
  await toolbar.getByRole('combobox', { name: 'Speed' }).selectOption('fast');
  await toolbar.getByRole('button', { name: 'Run', exact: true }).click();
  const exportCsv = page.getByRole('button', { name: 'Export metrics CSV' });
  await expect(exportCsv).toBeEnabled();
  await expect
    .poll(async () =>
      Number((await page.locator('[data-total="completed"]').innerText()).replace(/\D/g, '') || 0),
    )
    .toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await exportCsv.click();
  const csv = await readFile((await (await download).path())!, 'utf8');
  expect(csv.trimEnd().split('\n')).toHaveLength(5);
  for (const text of [`"'=HYPERLINK(""http://evil"",""x"")"`, ",'+1+1,", ",'-2,", ",'@SUM(A1),"])
    expect(csv).toContain(text);
  // No cell, quoted or not, starts like a formula.
  expect(csv).not.toMatch(/(^|,)"?[=+\-@]/m);
});
