// End-to-end: the service worker makes the app work with no network after the first visit, and a
// new release replaces the cache of the old one.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { OUT, launch, openApp, saved, serve, shot } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** The cache name the built worker in `dir` uses. */
function cacheNameIn(dir) {
  const m = readFileSync(join(dir, 'sw.js'), 'utf8').match(/const CACHE = "(journey-mapper-[0-9a-f]+)";/);
  assert.ok(m, `no cache name in ${dir}/sw.js`);
  return m[1];
}

/** Waits until the service worker is active and controls the page (reloading once if needed). */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const has = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await has())) {
    await page.reload();
    await page.locator('.app-bar').waitFor();
  }
  assert.equal(await has(), true, 'the service worker controls the page');
}

const journeyCaches = (page) =>
  page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('journey-mapper-')));

const CSV = [
  'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Create Date',
  '1,Ann,Lee,ann@acme.example,Acme,customer,2024-01-05',
  '2,Bob,Kim,bob@globex.example,Globex,opportunity,2024-01-06',
  '3,Cid,Park,cid@acme.example,Acme,lead,2024-02-01',
].join('\r\n') + '\r\n';

test('after the first visit the app works with no network: list, map, card, CSV import, reload', async () => {
  const server = await serve('dist');
  let stopped = false;
  try {
    const { context, page, errors } = await openApp(browser, server.url);
    await page.locator('.map-row').first().waitFor();
    await controlled(page);
    assert.deepEqual(await journeyCaches(page), [cacheNameIn('dist')]);

    // No network at all: the browser is offline and the server is gone.
    await context.setOffline(true);
    server.stop();
    stopped = true;

    await page.reload();
    await page.locator('.app-bar').waitFor();
    await page.getByRole('heading', { name: 'Your journey maps' }).waitFor();
    await page.locator('.map-row').first().waitFor();
    assert.match(await page.locator('.map-row .map-name').first().innerText(), /Hinge/);

    // Open a new map and add a card.
    await page.locator('button[data-template="act_on"]').click();
    await page.waitForURL(/\?map=/);
    const first = page.locator('li.stage').first();
    await first.waitFor();
    const stageName = await first.locator('h2').innerText();
    await first.getByRole('button', { name: `Add a card to ${stageName}` }).click();
    await first.getByLabel('Title', { exact: true }).fill('Offline card');
    await first.getByRole('button', { name: 'Add card', exact: true }).click();
    await first.getByText('Offline card').waitFor();
    await saved(page);

    // Import a CSV file; the Data tab shows the counts.
    const path = `${OUT}/offline-contacts.csv`;
    writeFileSync(path, CSV);
    await page.getByTestId('data-tab').click();
    await page.getByTestId('csv-input').setInputFiles(path);
    const wizard = page.getByTestId('import-wizard');
    await wizard.waitFor();
    await wizard.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('data-summary').filter({ hasText: '3 rows read' }).waitFor();
    assert.match(await page.getByTestId('data-summary').innerText(), /3 contacts, 2 accounts/);
    await shot(page, 'offline-data');

    await saved(page);
    // A reload of the map's own URL (?map=…) is still served offline, with the card and the data.
    await page.reload();
    await page.getByTestId('data-summary').filter({ hasText: 'offline-contacts.csv' }).waitFor();
    assert.match(await page.getByTestId('data-summary').innerText(), /3 contacts, 2 accounts/);
    await page.getByRole('link', { name: 'Map', exact: true }).click();
    await page.locator('li.stage').first().getByText('Offline card').waitFor();

    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    if (!stopped) server.stop();
  }
});

test('the build has one cache, named after its contents; a new release replaces it at the next visit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'jm-release-'));
  cpSync('dist', dir, { recursive: true });
  const server = await serve(dir);
  try {
    const { context, page, errors } = await openApp(browser, server.url);
    await controlled(page);
    const v1 = cacheNameIn(dir);
    assert.equal(v1, cacheNameIn('dist'));
    assert.deepEqual(await journeyCaches(page), [v1]);
    // Every file of the build is in the cache.
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    }, v1);
    assert.ok(cached.includes('/'), 'the app page');
    for (const f of ['engine.js', 'manifest.webmanifest', 'icon-192.png', 'icon-512.png', 'icon.svg', 'examples/engine.html']) {
      assert.ok(cached.includes(`/${f}`), `${f} is cached`);
    }
    assert.ok(cached.some((p) => /\/journey-mapper-[0-9a-f]+_bg\.wasm$/.test(p)), 'the wasm is cached');
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="release"]')), null);

    // A new release, at least a second after the first (the static server dates files to the
    // second and answers a revalidation of sw.js with 304 when the date has not changed, so a
    // release written within the same second would look unchanged to the browser).
    await new Promise((r) => setTimeout(r, 1100));
    // A new release: a changed index.html, and the post-build hook run again as Trunk would.
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    writeFileSync(join(dir, 'index.html'), html.replace('<head>', '<head>\n    <meta name="release" content="2" />'));
    execFileSync('node', ['scripts/post-build.mjs'], { env: { ...process.env, TRUNK_STAGING_DIR: dir } });
    const v2 = cacheNameIn(dir);
    assert.notEqual(v2, v1);

    // The next visit finds the new worker; it precaches the new build and drops the old cache.
    await page.reload();
    await page.locator('.app-bar').waitFor();
    const settled = () =>
      page.evaluate(async (want) => {
        const keys = (await caches.keys()).filter((k) => k.startsWith('journey-mapper-'));
        const reg = await navigator.serviceWorker.getRegistration();
        const done = reg?.active && !reg.installing && !reg.waiting && navigator.serviceWorker.controller === reg.active;
        return Boolean(done) && keys.length === 1 && keys[0] === want;
      }, v2);
    // Generous on a busy machine: the new worker downloads the whole build before it takes over.
    const deadline = Date.now() + 60000;
    const state = () =>
      page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return JSON.stringify({
          caches: await caches.keys(),
          active: reg?.active?.state, installing: reg?.installing?.state, waiting: reg?.waiting?.state,
          controlled: Boolean(navigator.serviceWorker.controller),
        });
      });
    while (!(await settled())) {
      assert.ok(Date.now() < deadline, `the new release did not replace the old cache within 60 s: ${await state()}`);
      await page.waitForTimeout(200);
    }
    await page.reload();
    await page.locator('.app-bar').waitFor();
    assert.equal(await page.evaluate(() => document.querySelector('meta[name="release"]')?.content), '2');
    assert.deepEqual(await journeyCaches(page), [v2]);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the web manifest is linked and installable-shaped', async () => {
  const server = await serve('dist');
  try {
    const { context, page, errors } = await openApp(browser, server.url);
    const href = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
    const manifest = await page.evaluate((u) => fetch(u).then((r) => r.json()), href);
    assert.equal(manifest.start_url, './');
    assert.equal(manifest.scope, './');
    assert.equal(manifest.display, 'standalone');
    assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
    const sizes = manifest.icons.map((i) => i.sizes).sort();
    assert.deepEqual(sizes, ['192x192', '512x512', 'any']);
    for (const icon of manifest.icons) {
      const info = await page.evaluate(async (u) => {
        const r = await fetch(u);
        return { ok: r.ok, type: r.headers.get('content-type') };
      }, new URL(icon.src, href).href);
      assert.ok(info.ok, `${icon.src} is served`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    server.stop();
  }
});
