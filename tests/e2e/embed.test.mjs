// End-to-end: embed mode (?embed=view|edit) in an iframe of a page on another origin, shared
// links (#share=…) opened read-only in an empty browser, saving a copy, bad links, axe, and the
// shared view in Korean and Russian.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { writeFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { OUT, openApp, saved, shot, storedEntries, useServedApp } from './harness.mjs';

const app = useServedApp();

// The intranet page: on another origin (another port of 127.0.0.1, so the same site: a frame on
// another *site* gets partitioned storage, or none at all where third-party storage is blocked, as
// in this headless Chromium), with one iframe whose address is `?src=`.
let host;
before(async () => {
  const server = createServer((req, res) => {
    const src = new URL(req.url, 'http://x').searchParams.get('src') ?? '';
    const attr = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Intranet</title></head>
<body><main><h1>Team page</h1><iframe src="${attr}" title="Customer journey" width="1300" height="800"></iframe></main></body></html>`);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  host = { url: `http://127.0.0.1:${server.address().port}/`, stop: () => server.close() };
});
after(() => host?.stop());

/** The app in the iframe of the host page, at the app's address + `query`. */
async function framed(page, query) {
  await page.goto(`${host.url}?src=${encodeURIComponent(app.server.url + query)}`);
  const frame = page.frameLocator('iframe');
  await frame.locator('#main').waitFor();
  return frame;
}

/** The app's entries of the storage the frame sees (`[key, value]`). */
async function frameStorage(page) {
  const frame = page.frames().find((f) => f.url().startsWith(app.server.url));
  return frame.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('journey-mapper:')));
}

const mapsIn = (entries) => entries.filter(([k]) => k.startsWith('journey-mapper:map:'));

/** Serious and critical axe violations (the frames included), as readable lines. */
async function problems(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Every control that changes a map, counted. */
async function editControls(scope) {
  const selectors = ['button.add-card', 'button.cell-add', '.card-actions', '.stage-actions', '.lane-actions',
    'select.emotion-pick', '.lane-manager', 'button.mark-decision', '.toolbar', 'input', 'textarea'];
  const out = {};
  for (const s of selectors) out[s] = await scope.locator(s).count();
  return out;
}
const NONE = (o) => Object.fromEntries(Object.keys(o).map((k) => [k, 0]));

/** In a frame at the plain app (first visit: the demo map), the demo map's id and its counts. */
async function demoInFrame(page) {
  let frame = await framed(page, '');
  const href = await frame.locator('.map-row .map-name').first().getAttribute('href');
  const id = new URLSearchParams(href.split('?')[1]).get('map');
  frame = await framed(page, `?map=${id}`);
  await frame.locator('.card').first().waitFor();
  return { id, stages: await frame.locator('li.stage').count(), cards: await frame.locator('.card').count() };
}

test('embed=view in a frame on another origin: the map without chrome, readable, nothing editable', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  const demo = await demoInFrame(page);
  assert.ok(demo.stages >= 3 && demo.cards >= 5, `the demo map has content (${demo.stages} stages, ${demo.cards} cards)`);
  const storedBefore = mapsIn(await frameStorage(page));

  const frame = await framed(page, `?map=${demo.id}&embed=view`);
  await frame.locator('.card').first().waitFor();
  assert.equal(await frame.locator('.app-bar').count(), 0, 'no app header');
  assert.equal(await frame.locator('.view-tabs').count(), 0, 'no view tabs');
  assert.equal(await frame.locator('.banners').count(), 0, 'no banners');
  assert.equal(await frame.locator('li.stage').count(), demo.stages);
  assert.equal(await frame.locator('.card').count(), demo.cards);
  const controls = await editControls(frame);
  assert.deepEqual(controls, NONE(controls));
  assert.equal(await frame.locator('button').count(), 0, 'not one button');
  assert.equal(await frame.locator('[draggable="true"]').count(), 0, 'nothing to drag');
  // The emotion scores are still there, in words.
  assert.match(await frame.locator('.emotion-cell').first().innerText(), /: (\+?\d|−\d|—)/);

  // Keyboard: the cards take focus and arrows move between them; edit keys do nothing.
  const first = frame.locator('.card').first();
  await first.focus();
  const focused = () => frame.locator(':focus').getAttribute('data-card-id');
  const firstId = await focused();
  assert.ok(firstId);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  const moved = await focused();
  assert.ok(moved && moved !== firstId, `arrows move focus (${firstId} → ${moved})`);
  const place = () => frame.locator(`[data-card-id="${moved}"]`).evaluate((e) => e.closest('.cell').dataset.cellStage);
  const stageBefore = await place();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+z');
  await page.waitForTimeout(700);
  assert.equal(await frame.locator('.card').count(), demo.cards, 'Delete removed nothing');
  assert.equal(await frame.locator(`[data-card-id="${moved}"]`).count(), 1);
  assert.equal(await place(), stageBefore, 'Alt+arrow moved nothing');
  assert.equal(await frame.locator('.card.editing, .card-form').count(), 0, 'Enter opened no form');
  assert.deepEqual(mapsIn(await frameStorage(page)), storedBefore, 'storage unchanged');
  // Tab goes from card to card too.
  await page.keyboard.press('Tab');
  assert.ok(await focused(), 'Tab lands on a card');

  // The footer: the map's name and the full app at the same map, in a new tab.
  const footer = frame.getByTestId('embed-footer');
  assert.match(await footer.innerText(), /Read-only/);
  const open = footer.getByRole('link', { name: /Open in Journey Mapper/ });
  assert.equal(await open.getAttribute('target'), '_blank');
  const href = await open.getAttribute('href');
  assert.match(href, new RegExp(`\\?map=${demo.id}$`));
  assert.doesNotMatch(href, /embed/);
  assert.ok((await footer.locator('.embed-name').innerText()).length > 0);

  // &view=diagram still picks the view; a view that edits falls back to the canvas.
  const diagram = await framed(page, `?map=${demo.id}&embed=view&view=diagram`);
  await diagram.getByTestId('diagram-page').waitFor();
  const data = await framed(page, `?map=${demo.id}&embed=view&view=data`);
  await data.locator('.card').first().waitFor();
  assert.equal(await data.locator('.data-page, .data-source').count(), 0);

  const back = await framed(page, `?map=${demo.id}&embed=view`);
  await back.locator('.card').first().waitFor();
  await shot(page, 'embed-view');
  const axe = await problems(page);
  console.log(`# axe embed view: ${axe.length} serious/critical`);
  assert.deepEqual(axe, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('embed=edit: a card can be added and stays in the frame\'s storage', async () => {
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const demo = await demoInFrame(page);
  let frame = await framed(page, `?map=${demo.id}&embed=edit`);
  await frame.locator('.card').first().waitFor();
  assert.equal(await frame.locator('.app-bar').count(), 0, 'no app header');
  assert.equal(await frame.getByRole('link', { name: /All maps/ }).count(), 0, 'no way to the map list');
  const stage = frame.locator('li.stage').first();
  const name = await stage.locator('h2').innerText();
  await stage.getByRole('button', { name: `Add a card to ${name}` }).click();
  await stage.getByLabel('Title', { exact: true }).fill('Added in the frame');
  await stage.getByRole('button', { name: 'Add card', exact: true }).click();
  await frame.locator('.card', { hasText: 'Added in the frame' }).waitFor();
  assert.equal(await frame.locator('.card').count(), demo.cards + 1);
  await page.waitForTimeout(1000); // the autosave's debounce
  const stored = mapsIn(await frameStorage(page));
  assert.ok(stored.some(([, v]) => v.includes('Added in the frame')), 'saved in the frame\'s storage');
  frame = await framed(page, `?map=${demo.id}&embed=edit`);
  await frame.locator('.card', { hasText: 'Added in the frame' }).waitFor();
  await context.close();
});

/** Opens the Share panel of the open map and reads the shared link from its field. */
async function shareLink(page) {
  await page.getByTestId('share-menu').click();
  const field = page.getByTestId('share-link');
  await field.waitFor();
  return field.inputValue();
}

test('a shared link opens read-only in an empty browser, writes nothing, and a copy can be saved', async () => {
  const a = await openApp(app.browser, app.server.url);
  // The link of the Hinge template as it comes.
  await a.page.locator('button[data-template="hinge"]').click();
  await a.page.locator('li.stage').first().waitFor();
  const hingeLink = await shareLink(a.page);
  const hingePayload = new URL(hingeLink).hash.length;
  console.log(`# Hinge template: link ${hingeLink.length} characters (fragment ${hingePayload})`);
  await a.page.keyboard.press('Escape');

  // A card in Korean, then the link.
  const stage = a.page.locator('li.stage').nth(1);
  const stageName = await stage.locator('h2').innerText();
  await stage.getByRole('button', { name: `Add a card to ${stageName}` }).click();
  await stage.getByLabel('Title', { exact: true }).fill('첫 방문 — 가격표 확인');
  await stage.getByRole('button', { name: 'Add card', exact: true }).click();
  await a.page.locator('.card', { hasText: '첫 방문' }).waitFor();
  await saved(a.page);
  const cards = await a.page.locator('.card').count();
  const mapName = await a.page.locator('#map-name').inputValue();
  const link = await shareLink(a.page);
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#share=[A-Za-z0-9_-]+$/);
  // The embed code: an iframe with a title, read-only by default, editable when chosen.
  const code = a.page.getByTestId('embed-code');
  assert.match(await code.inputValue(), /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/\?map=[^"&]+&amp;embed=view" title="[^"]+"/);
  await a.page.getByTestId('embed-edit').check();
  assert.match(await code.inputValue(), /embed=edit/);
  await a.page.getByTestId('embed-link').check();
  assert.match(await code.inputValue(), /\?embed=view#share=/);
  // The file: the export format.
  const [download] = await Promise.all([a.page.waitForEvent('download'), a.page.getByTestId('share-download').click()]);
  assert.match(download.suggestedFilename(), /\.journey\.json$/);
  // Decoded here with Node's zlib: the map file, Korean intact.
  const file = JSON.parse(inflateRawSync(Buffer.from(new URL(link).hash.slice('#share='.length), 'base64url')).toString('utf8'));
  assert.equal(file.format, 'journey-mapper/map');
  assert.ok(file.map.cards.some((c) => JSON.stringify(c.title).includes('첫 방문 — 가격표 확인')));
  await shot(a.page, 'share-panel');
  await a.context.close();

  // A fresh browser opens the link.
  const b = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await b.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(link);
  const banner = page.getByTestId('shared-banner');
  await banner.waitFor();
  assert.match(await banner.innerText(), /Shared map — read-only/);
  assert.equal(await banner.locator('h1').innerText(), mapName);
  await page.locator('.card', { hasText: '첫 방문 — 가격표 확인' }).waitFor();
  assert.equal(await page.locator('.card').count(), cards);
  const controls = await editControls(page.locator('main'));
  assert.deepEqual(controls, NONE(controls));
  await page.waitForTimeout(1000);
  assert.deepEqual(Object.keys(await storedEntries(page)).filter((k) => k.includes(':map:')), [], 'no map in storage');
  await shot(page, 'shared-view');
  const axe = await problems(page);
  console.log(`# axe shared view: ${axe.length} serious/critical`);
  assert.deepEqual(axe, []);

  // Save a copy: an ordinary, editable map in the list.
  await page.getByTestId('save-copy').click();
  await page.waitForFunction(() => location.search.startsWith('?map=') && location.hash === '');
  assert.equal(new URL(page.url()).hash, '');
  await page.locator('button.add-card').first().waitFor();
  await page.getByTestId('notice').filter({ hasText: 'copy of the shared map' }).waitFor();
  await saved(page);
  await page.locator('.brand').click();
  await page.locator('.map-row').first().waitFor();
  assert.deepEqual(await page.locator('.map-row .map-name').allInnerTexts(), [mapName]);
  // The same link again: saving says it is already there instead of a silent duplicate.
  await page.goto(link);
  await page.getByTestId('save-copy').click();
  await page.getByTestId('already-saved').waitFor();
  await page.locator('.brand').click();
  await page.locator('.map-row').first().waitFor();
  assert.equal(await page.locator('.map-row').count(), 1);

  // ?embed=view#share=… : the same map, no chrome, no banner; the footer opens the link in full.
  await page.goto(link.replace('/#share=', '/?embed=view#share='));
  await page.locator('.card', { hasText: '첫 방문' }).waitFor();
  assert.equal(await page.locator('.app-bar').count(), 0);
  assert.equal(await page.getByTestId('shared-banner').count(), 0);
  assert.equal(await page.locator('main button').count(), 0);
  const full = await page.getByTestId('embed-footer').getByRole('link').getAttribute('href');
  assert.match(full, /^\/#share=/);
  assert.deepEqual(errors, []);
  await b.close();

  // The shared view in Russian and Korean.
  for (const locale of ['ru-RU', 'ko-KR']) {
    const c = await app.browser.newContext({ locale, viewport: { width: 1400, height: 900 } });
    const p = await c.newPage();
    await p.goto(link);
    await p.getByTestId('shared-banner').waitFor();
    await p.locator('.card').first().waitFor();
    const text = await p.getByTestId('shared-banner').innerText();
    assert.match(text, locale === 'ru-RU' ? /только просмотр/ : /읽기 전용/);
    await shot(p, `shared-view-${locale.slice(0, 2)}`);
    await c.close();
  }
});

test('a damaged or wrong link says what is wrong and leaves the user\'s maps alone', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row').first().waitFor();
  await page.locator('button[data-template="act_on"]').click();
  await page.locator('li.stage').first().waitFor();
  const link = await shareLink(page);
  await saved(page);
  await page.locator('.brand').click();
  await page.locator('.map-row').first().waitFor();
  const rows = await page.locator('.map-row .map-name').allInnerTexts();
  assert.equal(rows.length, 2);
  const before = await storedEntries(page);

  const payload = new URL(link).hash.slice('#share='.length);
  const notAMap = deflateRawSync(Buffer.from('{"hello": "여보세요"}')).toString('base64url');
  const cases = [
    ['cut short', payload.slice(0, 4 * Math.floor(payload.length / 8)), /incomplete or damaged/],
    ['cut to 4n+1', payload.slice(0, 4 * 50 + 1), /incomplete or damaged/],
    ['changed', payload.slice(0, 40) + '!!' + payload.slice(42), /incomplete or damaged/],
    ['not a map', notAMap, /does not carry a valid map: This is not a Journey Mapper map file/],
    ['empty', '', /carries no map/],
  ];
  for (const [what, bad, message] of cases) {
    await page.goto(`${app.server.url}#share=${bad}`);
    const box = page.getByTestId('shared-error');
    await box.waitFor();
    const text = await box.innerText();
    assert.match(text, message, what);
    assert.match(text, /Your own maps are unchanged/, what);
    if (what === 'cut short') await shot(page, 'shared-error');
  }
  const axe = await problems(page);
  assert.deepEqual(axe, []);
  await page.getByRole('link', { name: 'All maps' }).click();
  await page.locator('.map-row').first().waitFor();
  assert.deepEqual(await page.locator('.map-row .map-name').allInnerTexts(), rows);
  assert.deepEqual(await storedEntries(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a map too big for a link says so and points to the file', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row .map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  const link = await shareLink(page);
  const file = JSON.parse(inflateRawSync(Buffer.from(new URL(link).hash.slice('#share='.length), 'base64url')).toString('utf8'));
  // 400 cards of random text: it does not compress, so it is well over 48 KiB.
  const stage = file.map.stages[0].id;
  const lane = file.map.lanes[0].id;
  for (let i = 0; i < 400; i++) {
    const title = Array.from({ length: 30 }, () => Math.random().toString(36).slice(2, 8)).join(' ');
    file.map.cards.push({ ...file.map.cards[0], id: `big-${i}`, stage, lane, title });
  }
  file.map.id = 'big-map';
  file.map.name = 'Big map';
  const path = `${OUT}/big.journey.json`;
  await writeFile(path, JSON.stringify(file));
  await page.locator('.brand').click();
  await page.getByTestId('import-input').setInputFiles(path);
  await page.getByTestId('notice').waitFor();
  assert.match(await page.getByTestId('notice').innerText(), /Map imported/);
  await page.locator('.map-row', { hasText: 'Big map' }).locator('.map-name').click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('share-menu').click();
  const message = page.getByTestId('share-too-big');
  await message.waitFor();
  assert.match(await message.innerText(), /too big for a link: \d+ KB compressed, and a link carries at most 48 KB\. Share the map file instead/);
  assert.equal(await page.getByTestId('share-link').count(), 0);
  await context.close();
});
