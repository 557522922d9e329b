// Exchange with the ecosystem: AsyncAPI documents in (file chooser and drop) and out, share links.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import {
  canvasEdges,
  canvasNode,
  canvasNodes,
  loadTemplate,
  metrics,
  openApp,
  readStorage,
  runToEnd,
  savedFlow,
} from './helpers';

const FIXTURES = join(import.meta.dirname, '..', 'src', 'io', 'asyncapi', 'fixtures');
const SOCIAL = ['backend', 'frontend', 'public-api', 'notification-service', 'comments-service']
  .map((app) => join(FIXTURES, 'social-media', app, 'asyncapi.yaml'))
  .concat(
    ['messages', 'servers', 'parameters', 'schemas'].map((p) =>
      join(FIXTURES, 'social-media', 'common', `${p}.yaml`),
    ),
  );

const toast = (page: Page, text: RegExp) =>
  page.getByRole('list', { name: 'Notifications' }).getByRole('status').filter({ hasText: text });

async function chooseAsyncApi(page: Page, files: string[]) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import AsyncAPI' }).click();
  const picked = await chooser;
  expect(picked.isMultiple()).toBe(true);
  await picked.setFiles(files);
}

/** Drops files on the canvas the way a browser does: a drop event holding File objects. */
async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: '' }));
    return dt;
  }, files);
  const pane = page.locator('.canvas');
  await pane.dispatchEvent('dragover', { dataTransfer: transfer });
  await pane.dispatchEvent('drop', { dataTransfer: transfer });
}

test('AsyncAPI documents chosen together become one runnable flow, and its choices are listed', async ({
  page,
}) => {
  await openApp(page);
  await chooseAsyncApi(page, SOCIAL);
  // 4 channels, the Website Backend that only sends, and a handler per receiving application.
  await expect(canvasNodes(page)).toHaveCount(9);
  const notice = toast(page, /Imported “.*” from AsyncAPI: 9 nodes and \d+ edges/);
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(/rate/i);
  await expect(canvasNode(page, 'website-backend')).toBeVisible();

  // It runs at once, with the default rates the notice listed.
  await runToEnd(page);
  const table = metrics(page).getByRole('table', { name: 'Per-node metrics' });
  await expect(table.getByRole('row')).not.toHaveCount(1);

  // Import is one undoable step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(canvasNodes(page)).toHaveCount(0);
});

test('AsyncAPI files dropped on the canvas import; a dropped Flow JSON file still opens as a flow', async ({
  page,
}) => {
  await openApp(page);
  const simple = await readFile(join(FIXTURES, 'simple-asyncapi.yml'), 'utf8');
  await dropFiles(page, [{ name: 'simple-asyncapi.yml', text: simple }]);
  await expect(canvasNodes(page)).toHaveCount(2);
  await expect(toast(page, /from AsyncAPI: 2 nodes and 1 edge/)).toBeVisible();

  // The RPC client and server dropped together meet on their shared queue.
  const client = await readFile(join(FIXTURES, 'rpc-client-asyncapi.yml'), 'utf8');
  const server = await readFile(join(FIXTURES, 'rpc-server-asyncapi.yml'), 'utf8');
  await dropFiles(page, [
    { name: 'rpc-client-asyncapi.yml', text: client },
    { name: 'rpc-server-asyncapi.yml', text: server },
  ]);
  await expect(toast(page, /“RPC Client Example \+ RPC Server Example” from AsyncAPI/)).toBeVisible();
  const joined = (await savedFlow(page)) as { nodes: { kind: string; label: string }[] };
  // The client only sends on rpc_queue, so it is its producer; the server receives and replies.
  expect(joined.nodes.filter((n) => n.kind === 'producer').map((n) => n.label)).toEqual([
    'RPC Client Example',
  ]);
  expect(joined.nodes.filter((n) => n.kind === 'handler').map((n) => n.label)).toEqual([
    'RPC Server Example',
  ]);

  // Anything else is refused by name, and the flow stays.
  await dropFiles(page, [{ name: 'diagram.png', text: 'not an image' }]);
  await expect(page.getByRole('alert')).toContainText('Couldn’t import “diagram.png”');
  expect(await savedFlow(page)).toEqual(joined);

  // A YAML file that is not AsyncAPI: the problem and where, nothing changed.
  await dropFiles(page, [{ name: 'broken.yaml', text: 'asyncapi: 3.0.0\ninfo: [unclosed\n' }]);
  await expect(page.getByRole('alert').filter({ hasText: 'broken.yaml' })).toContainText('not changed');
  expect(await savedFlow(page)).toEqual(joined);

  // One JSON file that is a flow, not an AsyncAPI document, opens as a flow.
  const flow = {
    format: 'eventflow',
    version: 2,
    name: 'Dropped',
    nodes: [{ id: 'archive', kind: 'store', position: { x: 0, y: 0 }, config: {} }],
    edges: [],
  };
  await dropFiles(page, [{ name: 'dropped.json', text: JSON.stringify(flow) }]);
  await expect(toast(page, /Imported “Dropped”/)).toBeVisible();
  await expect(canvasNodes(page)).toHaveCount(1);
  await expect(canvasNode(page, 'archive')).toBeVisible();
});

test('Export AsyncAPI writes a 3.0.0 document that imports back to the same flow', async ({ page }) => {
  await openApp(page);
  await loadTemplate(page, /CQRS/);
  const before = await savedFlow(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export AsyncAPI' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.asyncapi\.yaml$/);
  const path = (await file.path())!;
  const text = await readFile(path, 'utf8');
  expect(text).toMatch(/^asyncapi: 3\.0\.0$/m);
  expect(text).toContain('x-eventflow');

  await page.getByRole('button', { name: 'New' }).click();
  await page
    .getByRole('dialog', { name: 'Start a new flow?' })
    .getByRole('button', { name: /Discard/ })
    .click();
  await expect(canvasNodes(page)).toHaveCount(0);
  await chooseAsyncApi(page, [path]);
  await expect(toast(page, /from AsyncAPI/)).toBeVisible();
  expect(await savedFlow(page)).toEqual(before);
});

test('a share link opens the flow in a fresh browser, as one undoable step that keeps the open flow', async ({
  page,
  browser,
}) => {
  await openApp(page);
  await loadTemplate(page, /Work queue/);
  const shared = await savedFlow(page);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this flow' });
  const field = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#flow=[A-Za-z0-9_-]+$/);
  const link = await field.inputValue();
  await expect(dialog.getByRole('status')).toHaveText(/Copied to the clipboard|select the link/);
  await dialog.getByRole('button', { name: 'Done' }).click();

  // A fresh context: nothing saved, nothing shared with the first.
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(canvasNodes(other)).toHaveCount(6);
  await expect(canvasEdges(other)).toHaveCount(5);
  await expect(toast(other, /Opened the shared flow “Thumbnail work queue”/)).toBeVisible();
  expect(await savedFlow(other)).toEqual(shared);
  // The fragment is read once: a reload shows the saved flow, not the link again.
  expect(new URL(other.url()).hash).toBe('');
  await other.getByRole('button', { name: 'Undo' }).click();
  await expect(canvasNodes(other)).toHaveCount(0);

  // In a tab with work of its own, the link replaces it only as an undoable step and keeps a copy.
  await other.getByRole('button', { name: 'Add producer' }).click();
  const mine = await savedFlow(other);
  await other.goto(link);
  await expect(canvasNodes(other)).toHaveCount(6);
  const opened = toast(other, /Your previous flow “Untitled flow” is one Undo away/);
  await expect(opened).toContainText('eventflow-studio.flow.before-shared-link');
  expect(JSON.parse((await readStorage(other, 'eventflow-studio.flow.before-shared-link'))!)).toEqual(mine);
  await opened.getByRole('button', { name: 'Reopen the previous flow' }).click();
  await expect(canvasNodes(other)).toHaveCount(1);
  await fresh.close();
});

test('a damaged share link says what is wrong and changes nothing', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add queue' }).click();
  const before = await savedFlow(page);
  await page.goto('/#flow=AAAA');
  await expect(page.getByRole('alert')).toContainText(
    'Couldn’t open the shared link. Your flow was not changed.',
  );
  await expect(page.getByRole('alert')).toContainText('the link is damaged');
  expect(await savedFlow(page)).toEqual(before);
  await expect(canvasNodes(page)).toHaveCount(1);
});
