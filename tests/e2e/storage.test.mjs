// End-to-end: storage full, two tabs, and damaged saved entries — nothing the user had is lost.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, saved, shot, storedEntries, useServedApp } from './harness.mjs';

const app = useServedApp();

/** The stored map envelopes, parsed (preferences are plain strings, not JSON). */
const mapEntries = (entries) =>
  Object.entries(entries)
    .filter(([key]) => key.startsWith('journey-mapper:map:'))
    .map(([, value]) => JSON.parse(value));

test('when storage is full the user is told, can export, and the last good save stays', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row .map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  await saved(page);
  const before = await storedEntries(page);
  // Another app on the same origin fills the quota.
  await page.evaluate(() => {
    let chunk = 1 << 20, n = 0;
    while (chunk >= 16) {
      try { localStorage.setItem(`other-app:${n++}`, 'x'.repeat(chunk)); } catch { chunk >>= 1; }
    }
  });
  await page.locator('#map-name').fill('A much longer name that no longer fits in the full storage '.repeat(20));
  await page.locator('#map-name').press('Enter');
  const banner = page.getByTestId('quota-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /storage is full/);
  assert.match(await page.getByTestId('save-status').innerText(), /storage full/);
  await shot(page, 'quota-full');
  assert.deepEqual(await storedEntries(page), before, 'the last good save must stay intact');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('button', { name: 'Export now' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.journey\.json$/);
  await context.close();
});

test('a change saved by another tab is detected; the user chooses which version to keep', async () => {
  const { context, page: a } = await openApp(app.browser, app.server.url);
  await a.locator('.map-row .map-name').first().click();
  await a.locator('li.stage').first().waitFor();
  await saved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await b.locator('li.stage').first().waitFor();

  // B changes the name and saves; A had nothing unsaved, so A follows quietly.
  await b.locator('#map-name').fill('Named in tab B');
  await b.locator('#map-name').press('Enter');
  await saved(b);
  await a.getByTestId('notice').getByText('updated from another tab').waitFor();
  assert.equal(await a.locator('#map-name').inputValue(), 'Named in tab B');

  // Both change it before either saves: A is asked.
  await a.locator('#map-name').fill('Named in tab A');
  await a.locator('#map-name').press('Enter');
  await b.locator('#map-name').fill('Named in tab B again');
  await b.locator('#map-name').press('Enter');
  await Promise.race([a.getByTestId('conflict-banner').waitFor(), b.getByTestId('conflict-banner').waitFor()]);
  const loser = (await a.getByTestId('conflict-banner').count()) ? a : b;
  const winner = loser === a ? b : a;
  await shot(loser, 'conflict');
  const winnerName = await winner.locator('#map-name').inputValue();
  const loserName = await loser.locator('#map-name').inputValue();
  assert.notEqual(winnerName, loserName);
  // Storage still holds the winner's version: nothing was silently overwritten.
  const stored = mapEntries(await storedEntries(loser)).find((e) => e.map);
  assert.equal(stored.map.name, winnerName);
  await loser.getByRole('button', { name: "Keep this tab's version" }).click();
  await saved(loser);
  const after = mapEntries(await storedEntries(loser)).find((e) => e.map);
  assert.equal(after.map.name, loserName);
  await context.close();
});

test('a damaged saved map is offered for recovery, not overwritten', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row').first().waitFor();
  await page.evaluate(() => {
    localStorage.setItem('journey-mapper:map:damaged', '{"schema":1,"rev":3,"map":{"id":"damaged",');
    localStorage.setItem('journey-mapper:map:from-the-future', '{"schema":7,"rev":1,"map":{}}');
  });
  await page.reload();
  const box = page.getByTestId('unreadable');
  await box.waitFor();
  assert.match(await box.innerText(), /journey-mapper:map:damaged/);
  assert.match(await box.innerText(), /newer version of Journey Mapper \(schema 7\)/);
  await shot(page, 'unreadable');
  // Work goes on, and the damaged entries stay as they were.
  await page.locator('button[data-template="blank"]').click();
  await page.getByRole('button', { name: 'Add stage' }).click();
  await saved(page);
  const entries = await storedEntries(page);
  assert.equal(entries['journey-mapper:map:damaged'], '{"schema":1,"rev":3,"map":{"id":"damaged",');
  assert.equal(entries['journey-mapper:map:from-the-future'], '{"schema":7,"rev":1,"map":{}}');
  await page.getByRole('link', { name: 'All maps' }).first().click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('button', { name: 'Download a copy' }).first().click(),
  ]);
  assert.match(download.suggestedFilename(), /recovered\.json$/);
  await context.close();
});

test('with storage blocked the user is told, and still has a map to work on and export', async () => {
  const context = await app.browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  // As in a browser whose policy disables site storage: reading localStorage throws.
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(app.server.url);
  await page.getByTestId('save-status').filter({ hasText: 'storage unavailable' }).waitFor();
  assert.match(await page.getByRole('alert').first().innerText(), /does not let Journey Mapper save/);
  // The demo map, in memory only: it opens and takes an edit.
  await page.locator('.map-row a.map-name', { hasText: 'Hinge client journey' }).click();
  await page.locator('li.stage').first().waitFor();
  await page.locator('#map-name').fill('Kept in this tab');
  await page.locator('#map-name').press('Enter');
  await page.getByRole('link', { name: 'All maps' }).first().click();
  await page.locator('.map-row a.map-name', { hasText: 'Kept in this tab' }).waitFor();
  await shot(page, 'storage-blocked');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.map-row').first().getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /\.journey\.json$/);
  assert.deepEqual(errors, []);
  await context.close();
});
