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

/** A fresh profile with the service worker blocked (its precache would fetch everything). */
async function visit(path = '') {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const requested = [];
  const errors = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
  // A missing file is an error, except the favicon the browser asks for on the example page.
  page.on('response', (r) => r.status() >= 400 && !r.url().endsWith('/favicon.ico') && errors.push(`${r.status()} ${r.url()}`));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  await page.goto(server.url + path);
  return { context, page, requested, errors };
}

const isChunk = (f) => /-split_[a-z_]+_\d+\.wasm$/.test(f);
const isEngine = (f) => /^engine/.test(f);

test('the map list loads without the map chunk; opening a map fetches it once', async () => {
  const { context, page, requested, errors } = await visit();
  await page.locator('.app-bar').waitFor();
  await page.locator('[data-template="hinge"]').waitFor();
  await page.waitForLoadState('networkidle');
  assert.ok(requested.some((f) => /_bg\.wasm$/.test(f)), `the main module is loaded: ${requested}`);
  assert.equal(requested.filter(isChunk).length, 0, `no chunk before a map is opened: ${requested}`);
  assert.equal(requested.filter(isEngine).length, 0, `the app does not load the engine: ${requested}`);

  await page.locator('[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  assert.equal(requested.filter(isChunk).length, 1, `one chunk once a map is open: ${requested}`);
  assert.ok((await page.locator('li.stage').count()) >= 4, 'Hinge has its stages');

  // Back to the list and into the map again: the chunk is not fetched a second time.
  await page.getByRole('link', { name: 'All maps' }).first().click();
  await page.locator('[data-template="hinge"]').waitFor();
  await page.locator('.map-row a.map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  assert.equal(requested.filter(isChunk).length, 1, 'the chunk is loaded once per visit');
  await shot(page, 'loading-map-open');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link straight to a map opens it (the chunk loads on start)', async () => {
  const first = await visit();
  await first.page.locator('[data-template="scaleo"]').click();
  await first.page.locator('li.stage').first().waitFor();
  await saved(first.page);
  const url = first.page.url();
  const stages = await first.page.locator('li.stage').count();
  const state = await first.context.storageState();
  await first.context.close();

  const context = await browser.newContext({ serviceWorkers: 'block', storageState: state });
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(url);
  await page.locator('li.stage').first().waitFor();
  assert.equal(await page.locator('li.stage').count(), stages);
  assert.equal(requested.filter(isChunk).length, 1);
  await context.close();
});

test('the engine page uses only the engine module', async () => {
  const { context, page, requested, errors } = await visit('examples/engine.html');
  await page.locator('#sample').click();
  await page.locator('#run').click();
  await page.locator('#stages tbody tr').first().waitFor();
  assert.ok((await page.locator('#stages tbody tr').count()) >= 4, 'stages are classified');
  assert.ok(requested.some((f) => /^engine-[0-9a-f]{16}_bg\.wasm$/.test(f)), `engine wasm: ${requested}`);
  assert.equal(requested.filter((f) => /^journey-mapper/.test(f)).length, 0, `no app module: ${requested}`);
  assert.deepEqual(errors, []);
  await context.close();
});
