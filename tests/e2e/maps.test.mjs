// End-to-end: templates, cards, reload, languages, keyboard moves and undo — in the release build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

const TEMPLATES = {
  hinge: { stages: 4, first: 'Pre-purchase experience' },
  scaleo: { stages: 7, first: 'Out of market' },
  act_on: { stages: 5, first: 'Attract' },
  martech: { stages: 5, first: 'Engage' },
  blank: { stages: 0, first: null },
};

test('a first visit shows the demo map in the list', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.getByRole('heading', { name: 'Your journey maps' }).waitFor();
  await assert.doesNotReject(page.locator('.map-row').first().waitFor());
  assert.equal(await page.locator('.map-row').count(), 1);
  assert.match(await page.locator('.map-row .map-name').innerText(), /Hinge/);
  await shot(page, 'list');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [slug, want] of Object.entries(TEMPLATES)) {
  test(`create from the ${slug} template, add a card, reload: the card is still there`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url);
    await page.locator(`button[data-template="${slug}"]`).click();
    await page.waitForURL(/\?map=/);
    const stages = page.locator('li.stage');
    if (want.stages === 0) {
      await page.getByText('This map has no stages yet').waitFor();
      await page.getByRole('button', { name: 'Add stage' }).click();
      await stages.first().waitFor();
      assert.equal(await stages.count(), 1);
    } else {
      await stages.first().waitFor();
      assert.equal(await stages.count(), want.stages);
      assert.equal(await stages.first().locator('h2').innerText(), want.first);
    }
    const first = stages.first();
    const stageName = await first.locator('h2').innerText();
    await first.getByRole('button', { name: `Add a card to ${stageName}` }).click();
    await first.getByLabel('Title', { exact: true }).fill(`Card for ${slug}`);
    await first.getByLabel('Channel', { exact: true }).fill('LinkedIn');
    await first.getByRole('button', { name: 'Add card', exact: true }).click();
    await first.getByText(`Card for ${slug}`).waitFor();
    await saved(page);
    await shot(page, `map-${slug}`);

    await page.reload();
    const card = page.locator('li.stage').first().locator('.card', { hasText: `Card for ${slug}` });
    await card.waitFor();
    assert.match(await card.innerText(), /LinkedIn/);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the Hinge map shows its decision with hired / not now / no way', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  const decision = page.locator('li.stage[data-stage-id="pre_purchase"] .decision');
  await decision.waitFor();
  const text = await decision.innerText();
  assert.match(text, /Hired\s*→\s*leads to\s*Client experience/);
  assert.match(text, /Not now\s*↺\s*leads to\s*Pre-purchase experience/);
  assert.match(text, /No way\s*⇥\s*leads to\s*Leaves the journey/);
  await context.close();
});

test('the map name box: an empty or refused name leaves the map and the box as they were', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  const box = page.locator('#map-name');
  const name = await box.inputValue();
  assert.ok(name.length > 0);
  // Cleared: the box shows the name again once it loses focus.
  await box.fill('');
  await box.press('Tab');
  assert.equal(await box.inputValue(), name);
  // Past the file format's limit (set by script: the box's maxlength stops typing): refused
  // with the notice, and the box shows the name it kept.
  await box.evaluate((el) => {
    el.value = 'n'.repeat(10_001);
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.getByText('Not changed: the map would break a rule of the file format.').waitFor();
  assert.equal(await box.inputValue(), name);
  // A good name is kept.
  await box.fill('Our journey');
  await box.press('Tab');
  await saved(page);
  await page.reload();
  assert.equal(await page.locator('#map-name').inputValue(), 'Our journey');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the Scaleo map says it is circular', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="scaleo"]').click();
  const note = page.getByTestId('circular-note');
  await note.waitFor();
  assert.match(await note.innerText(), /starts again at Out of market/);
  await context.close();
});

test('switching to Korean and Russian translates stage names and the UI, and is remembered', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  const firstStage = page.locator('li.stage').first().locator('h2');
  await firstStage.waitFor();
  assert.equal(await firstStage.innerText(), 'Pre-purchase experience');

  assert.equal(await page.getByLabel('Language').inputValue(), 'en');
  await page.locator('#lang').selectOption('ko');
  await page.locator('li.stage').first().locator('h2', { hasText: '구매 전 경험' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  await page.getByRole('button', { name: '단계 추가' }).waitFor();
  await shot(page, 'map-hinge-ko');

  await page.locator('#lang').selectOption('ru');
  await page.locator('li.stage').first().locator('h2', { hasText: 'Опыт перед покупкой' }).waitFor();
  await shot(page, 'map-hinge-ru');

  await page.reload();
  await page.locator('li.stage').first().locator('h2', { hasText: 'Опыт перед покупкой' }).waitFor();
  await context.close();
});

test('the browser language is used on a first visit', async () => {
  const { context, page } = await openApp(app.browser, app.server.url, { locale: 'ko-KR' });
  await page.getByRole('heading', { name: '새 지도 시작' }).or(page.locator('h1')).first().waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ko');
  await context.close();
});

test('stages and cards move from the keyboard, and Ctrl+Z / Ctrl+Shift+Z undo and redo', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="act_on"]').click();
  const names = () => page.locator('li.stage h2').allInnerTexts();
  await page.locator('li.stage').first().waitFor();
  assert.deepEqual((await names()).slice(0, 2), ['Attract', 'Capture']);

  // Move "Attract" right with the keyboard only.
  await page.getByRole('button', { name: 'Move stage Attract right' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('li.stage h2')?.textContent === 'Capture');
  assert.deepEqual((await names()).slice(0, 2), ['Capture', 'Attract']);

  // Undo / redo from the keyboard (focus outside text fields).
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('li.stage h2')?.textContent === 'Attract');
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => document.querySelector('li.stage h2')?.textContent === 'Capture');

  // Move a card to the next stage.
  const card = page.locator('li.stage').first().locator('.card').first();
  const title = await card.locator('.card-title').innerText();
  await page.getByRole('button', { name: `Move card ${title} to the next stage` }).first().press('Enter');
  await page.locator('li.stage').nth(1).locator('.card', { hasText: title }).first().waitFor();

  // Delete a stage, then undo with the toolbar button.
  const before = await names();
  await page.getByRole('button', { name: 'Delete stage Capture' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('li.stage').length === n, before.length - 1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('li.stage').length === n, before.length);
  assert.deepEqual(await names(), before);
  await context.close();
});

test('rename, duplicate and delete with undo in the map list', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  const rows = page.locator('.map-row');
  await rows.first().waitFor();
  await rows.first().getByRole('button', { name: 'Rename' }).click();
  const input = rows.first().getByLabel('Map name');
  await input.fill('Client journey FY27');
  await input.press('Enter');
  await page.locator('.map-name', { hasText: 'Client journey FY27' }).waitFor();

  await rows.first().getByRole('button', { name: 'Duplicate' }).click();
  await page.locator('.map-name', { hasText: 'Client journey FY27 (copy)' }).waitFor();
  assert.equal(await rows.count(), 2);

  await page.locator('.map-row', { hasText: '(copy)' }).getByRole('button', { name: 'Delete' }).click();
  await page.getByTestId('notice').getByText('Map deleted.').waitFor();
  assert.equal(await rows.count(), 1);
  await page.getByTestId('notice').getByRole('button', { name: 'Undo' }).click();
  await page.locator('.map-name', { hasText: '(copy)' }).waitFor();
  assert.equal(await rows.count(), 2);
  await saved(page);
  await page.reload();
  await rows.first().waitFor();
  assert.equal(await rows.count(), 2);
  await context.close();
});

test('a card can be added and edited with the keyboard alone', async () => {
  const { context, page } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row .map-name').first().click();
  const stage = page.locator('li.stage').nth(1);
  await stage.waitFor();
  const name = await stage.locator('h2').innerText();
  await stage.getByRole('button', { name: `Add a card to ${name}` }).focus();
  await page.keyboard.press('Enter');
  // Focus moves into the new form's title field.
  await page.waitForFunction(() => document.activeElement?.closest('.card-form') && document.activeElement.type === 'text');
  await page.keyboard.type('Quarterly business review');
  await page.keyboard.press('Enter');
  const card = stage.locator('.card', { hasText: 'Quarterly business review' });
  await card.waitFor();
  await card.getByRole('button', { name: 'Edit card Quarterly business review' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.closest('.card-form') !== null);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('QBR with the buying group');
  await page.keyboard.press('Enter');
  await stage.locator('.card', { hasText: 'QBR with the buying group' }).waitFor();
  assert.equal(await stage.locator('.card', { hasText: 'Quarterly business review' }).count(), 0);
  await context.close();
});
