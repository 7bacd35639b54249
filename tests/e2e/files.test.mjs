// End-to-end: export a map, import it into a fresh profile, and reject bad files without changes.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { OUT, openApp, saved, shot, storedEntries, useServedApp } from './harness.mjs';

const app = useServedApp();

async function exportOpenMap(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export JSON' }).click(),
  ]);
  const path = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(path);
  return { path, name: download.suggestedFilename(), json: JSON.parse(await readFile(path, 'utf8')) };
}

async function importFile(page, path) {
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('notice').waitFor();
  return page.getByTestId('notice').innerText();
}

test('export, then import into a fresh browser profile: the map is identical', async () => {
  const a = await openApp(app.browser, app.server.url);
  await a.page.locator('button[data-template="scaleo"]').click();
  const stage = a.page.locator('li.stage').nth(2);
  await stage.waitFor();
  const stageName = await stage.locator('h2').innerText();
  await stage.getByRole('button', { name: `Add a card to ${stageName}` }).click();
  await stage.getByLabel('Title', { exact: true }).fill('G2 review page — "quotes" & <tags>');
  await stage.getByRole('button', { name: 'Add card', exact: true }).click();
  await saved(a.page);
  const first = await exportOpenMap(a.page);
  assert.match(first.name, /\.journey\.json$/);
  assert.equal(first.json.format, 'journey-mapper/map');
  assert.equal(first.json.version, 1);
  assert.equal(first.json.map.stages.length, 7);
  await a.context.close();

  const b = await openApp(app.browser, app.server.url);
  const rowsBefore = await b.page.locator('.map-row').count();
  const message = await importFile(b.page, first.path);
  assert.match(message, /Map imported/);
  assert.equal(await b.page.locator('.map-row').count(), rowsBefore + 1);
  await b.page.locator('.map-row', { hasText: 'Scaleo' }).locator('.map-name').click();
  const card = b.page.locator('.card', { hasText: 'G2 review page' });
  await card.waitFor();
  // User text is shown as text, never parsed as HTML.
  assert.equal(await card.locator('.card-title').innerText(), 'G2 review page — "quotes" & <tags>');
  assert.equal(await card.locator('tags').count(), 0);
  const second = await exportOpenMap(b.page);
  assert.deepEqual(second.json.map, first.json.map);
  await b.context.close();
});

const BAD_FILES = [
  ['not JSON', '{"format": "journey-mapper/map", oops', /not valid JSON \(line 1, column \d+\)/],
  ['other JSON', '{"hello": "world"}', /not a Journey Mapper map file/],
  ['a newer version', null, /newer version of Journey Mapper \(format version 99\)/],
  ['a dangling reference', null, /refers to a stage that does not exist: “nowhere”/],
  ['a duplicate id', null, /share the id “touchpoint”/],
];

test('bad files get a message naming the problem and change nothing', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="act_on"]').click();
  await page.locator('li.stage').first().waitFor();
  await saved(page);
  const good = (await exportOpenMap(page)).json;
  await page.getByRole('link', { name: 'All maps' }).first().click();
  await page.locator('.map-row').first().waitFor();
  const rows = await page.locator('.map-row').count();
  const stored = await storedEntries(page);

  for (const [what, text, expected] of BAD_FILES) {
    let body = text;
    if (what === 'a newer version') body = JSON.stringify({ ...good, version: 99 });
    if (what === 'a dangling reference') {
      const copy = structuredClone(good);
      copy.map.cards[0].stage = 'nowhere';
      body = JSON.stringify(copy);
    }
    if (what === 'a duplicate id') {
      const copy = structuredClone(good);
      copy.map.lanes.push(copy.map.lanes[0]);
      body = JSON.stringify(copy);
    }
    const path = `${OUT}/bad-${what.replace(/ /g, '-')}.json`;
    await writeFile(path, body);
    const message = await importFile(page, path);
    assert.match(message, /This file was not imported/, what);
    assert.match(message, expected, what);
    assert.match(message, /Nothing was changed/, what);
    assert.equal(await page.getByTestId('notice').getAttribute('role'), 'alert');
    if (what === 'not JSON') await shot(page, 'import-error');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    assert.equal(await page.locator('.map-row').count(), rows, what);
    assert.deepEqual(await storedEntries(page), stored, what);
  }
  await context.close();
});

test('a download the browser will not start is said in the user\'s language, and the map is kept', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { locale: 'ru-RU' });
  await page.locator('button[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  // A browser (or a policy) that refuses object URLs: every download fails at its start.
  await page.evaluate(() => {
    URL.createObjectURL = () => { throw new DOMException('blocked by policy', 'SecurityError'); };
  });
  await page.getByRole('button', { name: 'Экспортировать в JSON' }).click();
  const notice = page.getByTestId('notice');
  await notice.waitFor();
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.match(await notice.innerText(), /^Скачивание не началось \(.*blocked by policy.*\)\. Ничего не потеряно/);
  await shot(page, 'download-failed-ru');
  assert.equal(await page.locator('li.stage').count(), 4, 'the map is still open and whole');
  assert.deepEqual(errors, []);
  await context.close();
});
