// End-to-end: what a first visit downloads. The map list needs only the main module; the map
// editor is a separate wasm chunk fetched the first time a map is opened; the engine module (the
// JS API) is never loaded by the app; and the engine still works on its own page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, saved, serveStatic, shot } from './harness.mjs';

let server;
let browser;
before(async () => {
  server = await serveStatic({ dir: 'dist' });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** The files a page fetches (by name) and its errors, from now on. */
function watch(page) {
  const requested = [];
  const errors = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
  // A missing file is an error, except the favicon the browser asks for on the example page.
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  return { requested, errors };
}

/**
 * A profile with the service worker blocked (its precache would fetch everything), fresh or with
 * `storageState`, at `url` (default: the app).
 */
async function visit(url = server.url, storageState = undefined) {
  const context = await browser.newContext({ serviceWorkers: 'block', storageState, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const watched = watch(page);
  await page.goto(url);
  return { context, page, ...watched };
}

/** A first visit that makes a map from `template`: the profile's storage, the map's address and its stage count. */
async function withNewMap(template) {
  const { context, page } = await visit();
  await page.locator(`[data-template="${template}"]`).click();
  await page.locator('li.stage').first().waitFor();
  await saved(page);
  const made = { state: await context.storageState(), url: page.url(), stages: await page.locator('li.stage').count() };
  await context.close();
  return made;
}

const isChunk = (f) => /-(split_[a-z_]+_\d+|chunk_\d+)\.wasm$/.test(f);
const isSplit = (name) => (f) => new RegExp(`-split_${name}_\\d+\\.wasm$`).test(f);
/** Files fetched more than once. */
const twice = (files) => files.filter((f, i) => files.indexOf(f) !== i);
const isEngine = (f) => /^engine/.test(f);

test('the map list loads without the map chunk; opening a map fetches it once', async () => {
  const { context, page, requested, errors } = await visit();
  await page.locator('.app-bar').waitFor();
  await page.locator('[data-template="hinge"]').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(requested.some((f) => /_bg\.wasm$/.test(f)), `the main module is loaded: ${requested}`);
  assert.equal(requested.filter(isChunk).length, 0, `no chunk before a map is opened: ${requested}`);
  assert.equal(requested.filter(isEngine).length, 0, `the app does not load the engine: ${requested}`);
  // The first-run demo map is listed from its stored entry, with its stage and card counts.
  const demo = page.locator('.map-row');
  assert.equal(await demo.count(), 1);
  assert.match(await demo.innerText(), /Hinge client journey[\s\S]*4 stages · \d+ cards/);

  // A new map from a template: the workspace's chunk loads (every list action runs there), then
  // the editor's.
  await page.locator('[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  assert.equal(requested.filter(isSplit('run')).length, 1, `the list actions' chunk: ${requested}`);
  assert.equal(requested.filter(isSplit('map_page')).length, 1, `the editor's chunk: ${requested}`);
  assert.ok((await page.locator('li.stage').count()) >= 4, 'Hinge has its stages');
  assert.equal(requested.filter(isSplit('view_page')).length, 0, `the other views wait for their tab: ${requested}`);
  // The other views are one chunk, fetched with the first of their tabs.
  await page.getByTestId('metrics-tab').click();
  await page.locator('.metrics-page').waitFor();
  await page.getByTestId('diagram-tab').click();
  await page.getByTestId('diagram-page').waitFor();
  assert.equal(requested.filter(isSplit('view_page')).length, 1, `one chunk for the other views: ${requested}`);
  await page.getByTestId('canvas-tab').click();
  await page.locator('li.stage').first().waitFor();
  const opened = requested.filter(isChunk).length;

  // Back to the list and into the map again: no chunk is fetched a second time.
  await page.getByRole('link', { name: 'All maps' }).first().click();
  await page.locator('[data-template="hinge"]').waitFor();
  assert.equal(await page.locator('.map-row').count(), 2, 'the list shows the new map');
  await page.locator('.map-row a.map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  assert.equal(requested.filter(isChunk).length, opened, 'the chunks are loaded once per visit');
  assert.deepEqual(twice(requested.filter(isChunk)), []);
  await shot(page, 'loading-map-open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link straight to a map opens it (the chunk loads on start)', async () => {
  const { state, url, stages } = await withNewMap('scaleo');
  const { context, page, requested, errors } = await visit(url, state);
  await page.locator('li.stage').first().waitFor();
  assert.equal(await page.locator('li.stage').count(), stages);
  assert.equal(requested.filter(isSplit('map_page')).length, 1);
  assert.equal(requested.filter(isSplit('run')).length, 0, 'no list action ran');
  assert.deepEqual(twice(requested.filter(isChunk)), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a returning user's list is read from storage without loading a chunk", async () => {
  const { state } = await withNewMap('act_on');
  const { context, page, requested, errors } = await visit(server.url, state);
  await page.locator('.map-row').nth(1).waitFor();
  await page.waitForLoadState('networkidle');
  const rows = await page.locator('.map-row a.map-name').allInnerTexts();
  // Most recently changed first: the Act-On map was made after the demo.
  assert.equal(rows.length, 2);
  assert.match(rows[0], /Act-On/);
  assert.match(rows[1], /Hinge/);
  assert.equal(requested.filter(isChunk).length, 0, `no chunk for the list: ${requested}`);

  // Renaming from the list loads the workspace; the name is saved.
  await page.locator('.map-row').first().getByRole('button', { name: 'Rename' }).click();
  await page.locator('.map-row input.rename').fill('Our lifecycle');
  await page.locator('.map-row input.rename').press('Enter');
  await page.locator('.map-row a.map-name', { hasText: 'Our lifecycle' }).waitFor();
  assert.equal(requested.filter(isSplit('run')).length, 1);
  await saved(page);
  await page.reload();
  await page.locator('.map-row a.map-name', { hasText: 'Our lifecycle' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the list follows another tab before its own workspace is loaded', async () => {
  const { context, page: list, requested, errors } = await visit();
  await list.locator('.map-row').first().waitFor();
  const other = await context.newPage();
  await other.goto(server.url);
  await other.locator('[data-template="scaleo"]').click();
  await other.locator('li.stage').first().waitFor();
  await saved(other);
  // The new map shows up in the first tab's list, which still has loaded no chunk.
  await list.locator('.map-row a.map-name', { hasText: 'Scaleo' }).waitFor();
  assert.equal(await list.locator('.map-row').count(), 2);
  assert.equal(requested.filter(isChunk).length, 0, `no chunk: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the engine page uses only the engine module', async () => {
  const { context, page, requested, errors } = await visit(server.url + 'examples/engine.html');
  await page.locator('#sample').click();
  await page.locator('#run').click();
  await page.locator('#stages tbody tr').first().waitFor();
  assert.ok((await page.locator('#stages tbody tr').count()) >= 4, 'stages are classified');
  assert.ok(requested.some((f) => /^engine-[0-9a-f]{16}_bg\.wasm$/.test(f)), `engine wasm: ${requested}`);
  assert.equal(requested.filter((f) => /^journey-mapper/.test(f)).length, 0, `no app module: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});
