// End-to-end: the content audit of a Hinge map — personas, assets, the stage × persona heatmap
// with its gaps and excesses, editing and deleting, reload, the SVG download; then ko and ru.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { OUT, openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

const heatmapSvg = (page) => page.getByTestId('content-heatmap').locator('svg');

/** The heatmap as { rows, columns, cell(r, c) → { text, gap, excess, fill } }. */
async function readHeatmap(page) {
  return heatmapSvg(page).evaluate((svg) => {
    const name = (t) => (t.querySelector('title') ? t.querySelector('title').textContent : t.textContent).trim();
    const rows = [...svg.querySelectorAll('text.row-label')].map(name);
    const columns = [...svg.querySelectorAll('text.column-label')].map(name);
    const cells = [...svg.querySelectorAll('g.cell')].map((g) => ({
      text: g.querySelector('text').textContent.trim(),
      gap: g.classList.contains('gap'),
      excess: g.classList.contains('excess'),
      fill: g.querySelector('rect').getAttribute('fill'),
    }));
    return { rows, columns, cells };
  });
}

function cell(h, row, column) {
  const r = typeof row === 'number' ? row : h.rows.indexOf(row);
  const c = h.columns.indexOf(column);
  assert.ok(r >= 0 && c >= 0, `no cell ${row} / ${column} in ${JSON.stringify(h.columns)}`);
  return h.cells[r * h.columns.length + c];
}

/** Deletes the buying group the templates start with (decision maker, technical evaluator, user). */
async function clearTemplatePersonas(page) {
  const names = await page.getByTestId('persona').locator('.persona-name').allInnerTexts();
  for (const name of names) {
    await page.getByRole('button', { name: `Delete persona ${name}` }).click();
    await page.getByTestId('persona').filter({ hasText: name }).waitFor({ state: 'detached' });
  }
  return names;
}

async function addPersona(page, name, description) {
  const form = page.getByTestId('persona-add');
  await form.getByLabel('Persona name').fill(name);
  await form.getByLabel('Description').fill(description);
  await form.getByRole('button', { name: 'Add persona' }).click();
  await page.getByTestId('persona').filter({ hasText: name }).waitFor();
}

async function addAsset(page, { title, kind, stage, persona, question = '' }) {
  const form = page.getByTestId('asset-add');
  await form.getByLabel('Title').fill(title);
  await form.getByTestId('asset-kind').selectOption(kind);
  await form.getByTestId('asset-stage').selectOption(stage);
  await form.getByTestId('asset-persona').selectOption({ label: persona });
  await form.getByLabel('Question it answers').fill(question);
  await form.getByRole('button', { name: 'Add asset' }).click();
  await page.getByTestId('asset-row').filter({ hasText: title }).waitFor();
}

test('content audit: personas, assets, a heatmap with a gap, edit, delete, undo, reload, SVG', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  const stageIds = await page.locator('li.stage').evaluateAll((els) => els.map((e) => e.dataset.stageId));
  assert.ok(stageIds.length >= 2);
  const [first, second] = stageIds;

  await page.getByTestId('content-tab').click();
  await page.getByTestId('content-page').waitFor();
  assert.match(page.url(), /view=content/);
  await page.getByTestId('no-assets').waitFor();
  // The template's buying group comes first; this test starts from no personas.
  assert.deepEqual(await clearTemplatePersonas(page), ['Decision maker', 'Technical evaluator', 'User']);

  // Personas: an empty name is refused with a message; then two personas.
  await page.getByTestId('persona-add').getByLabel('Description').fill('kept');
  await page.getByTestId('persona-add').getByRole('button', { name: 'Add persona' }).click();
  await page.getByTestId('persona-add').getByRole('alert').filter({ hasText: 'Please enter a name.' }).waitFor();
  assert.equal(await page.getByTestId('persona-add').getByLabel('Description').inputValue(), 'kept');
  assert.equal(await page.getByTestId('persona').count(), 0);
  await addPersona(page, 'CFO', 'Signs off the budget');
  await addPersona(page, 'CTO', 'Owns the security review');
  assert.deepEqual(await page.getByTestId('persona').locator('.persona-name').allInnerTexts(), ['CFO', 'CTO']);

  // Rename a persona (Edit → form → Save).
  await page.getByRole('button', { name: 'Edit persona CTO' }).click();
  await page.getByTestId('persona-edit').getByLabel('Persona name').fill('CIO');
  await page.getByTestId('persona-edit').getByRole('button', { name: 'Save' }).click();
  await page.getByTestId('persona').filter({ hasText: 'CIO' }).waitFor();
  assert.equal(await page.getByTestId('persona').filter({ hasText: 'CTO' }).count(), 0);

  // An asset with no title is refused; what was typed stays.
  const add = page.getByTestId('asset-add');
  await add.getByLabel('Question it answers').fill('What will it cost us?');
  await add.getByRole('button', { name: 'Add asset' }).click();
  await add.getByRole('alert').filter({ hasText: 'Please enter a title.' }).waitFor();
  assert.equal(await add.getByLabel('Question it answers').inputValue(), 'What will it cost us?');
  assert.equal(await page.getByTestId('asset-row').count(), 0);

  // The kind list offers every kind, by its name.
  const kinds = await add.getByTestId('asset-kind').locator('option').allInnerTexts();
  assert.equal(kinds.length, 9);
  assert.ok(kinds.includes('White paper') && kinds.includes('Solution brief'));

  // Three assets: two for CFO in the first stage, one for CIO in the second.
  await addAsset(page, { title: 'ROI calculator', kind: 'tool', stage: first, persona: 'CFO', question: 'What will it cost us?' });
  await addAsset(page, { title: 'Finance case study', kind: 'case_study', stage: first, persona: 'CFO' });
  await addAsset(page, { title: 'Security white paper', kind: 'white_paper', stage: second, persona: 'CIO' });
  const rows = page.getByTestId('asset-row');
  assert.equal(await rows.count(), 3);
  const roi = rows.filter({ hasText: 'ROI calculator' });
  assert.equal(await roi.locator('.asset-kind').innerText(), 'Tool');
  assert.equal(await roi.locator('.asset-persona').innerText(), 'CFO');
  assert.equal(await roi.locator('.asset-question').innerText(), 'What will it cost us?');
  assert.match(await page.getByTestId('asset-table').locator('caption').innerText(), /^3 assets$/);

  // The heatmap: stages × (CFO, CIO, All personas).
  let h = await readHeatmap(page);
  assert.equal(await heatmapSvg(page).getAttribute('role'), 'img');
  assert.deepEqual(h.columns, ['CFO', 'CIO', 'All personas']);
  assert.equal(h.rows.length, stageIds.length);
  // (first, CFO) = 2, and the only content of its row: at least twice the row's average.
  assert.equal(cell(h, 0, 'CFO').text, '2 ▲');
  assert.ok(cell(h, 0, 'CFO').excess && !cell(h, 0, 'CFO').gap);
  // (second, CFO) is a gap: "0", hatched.
  const gap = cell(h, 1, 'CFO');
  assert.equal(gap.text, '0');
  assert.ok(gap.gap);
  assert.match(gap.fill, /^url\(#content-coverage-gap\)$/);
  assert.equal(cell(h, 1, 'CIO').text, '1 ▲');
  // The summary in words names the gap.
  const gapText = () => page.getByTestId('content-gap').filter({ hasText: 'No content for CFO in' }).innerText();
  assert.ok((await gapText()).includes(h.rows[1]), await gapText());
  assert.ok(!(await gapText()).includes(h.rows[0]), await gapText());
  assert.match(await page.getByTestId('content-heatmap').innerText(), /Gaps are hatched and marked 0; ▲ marks an excess/);
  assert.match(await heatmapSvg(page).locator('desc').textContent(), new RegExp(`Gaps \\(0\\):[^.]*${h.rows[1]} / CFO`));
  // Counts per kind.
  const kindCount = async (name) => (await page.getByTestId('content-kind').filter({ hasText: name }).locator('strong').innerText());
  assert.equal(await kindCount('Case study'), '1');
  assert.equal(await kindCount('Webinar'), '0');

  // Edit an asset's stage: the counts move.
  await page.getByRole('button', { name: 'Edit Finance case study' }).click();
  const edit = page.getByTestId('asset-edit');
  assert.equal(await edit.getByLabel('Title').inputValue(), 'Finance case study');
  await edit.getByTestId('asset-stage').selectOption(second);
  await edit.getByRole('button', { name: 'Save' }).click();
  await edit.waitFor({ state: 'detached' });
  h = await readHeatmap(page);
  assert.equal(cell(h, 0, 'CFO').text.split(' ')[0], '1');
  assert.equal(cell(h, 1, 'CFO').text.split(' ')[0], '1');
  assert.ok(!cell(h, 1, 'CFO').gap);
  assert.ok(!(await gapText()).includes(h.rows[1]));
  assert.equal(await rows.filter({ hasText: 'Finance case study' }).locator('.asset-stage').innerText(), h.rows[1]);

  // Delete a persona: gone from the list, the table and the heatmap; its asset counts for all.
  await page.getByRole('button', { name: 'Delete persona CIO' }).click();
  await page.getByTestId('persona').filter({ hasText: 'CIO' }).waitFor({ state: 'detached' });
  assert.match(await page.getByTestId('persona-status').innerText(), /Persona “CIO” deleted/);
  h = await readHeatmap(page);
  assert.deepEqual(h.columns, ['CFO', 'All personas']);
  assert.equal(cell(h, 1, 'All personas').text.split(' ')[0], '1');
  assert.equal(await rows.filter({ hasText: 'Security white paper' }).locator('.asset-persona').innerText(), 'All personas');
  // The add form had CIO picked (the last asset's): it now shows "All personas".
  assert.equal(await add.getByTestId('asset-persona').locator('option').count(), 2);
  assert.equal(await add.getByTestId('asset-persona').inputValue(), '');

  // Undo brings it back with its asset; delete it again.
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await page.getByTestId('persona').filter({ hasText: 'CIO' }).waitFor();
  assert.deepEqual((await readHeatmap(page)).columns, ['CFO', 'CIO', 'All personas']);
  assert.equal(await rows.filter({ hasText: 'Security white paper' }).locator('.asset-persona').innerText(), 'CIO');
  assert.equal((await page.getByTestId('persona-status').innerText()).trim(), '');
  await page.getByRole('button', { name: 'Delete persona CIO' }).click();
  await page.getByTestId('persona').filter({ hasText: 'CIO' }).waitFor({ state: 'detached' });

  // Delete an asset.
  await addAsset(page, { title: 'Throwaway', kind: 'other', stage: first, persona: 'All personas' });
  assert.equal(await rows.count(), 4);
  await page.getByRole('button', { name: 'Delete Throwaway' }).click();
  await rows.filter({ hasText: 'Throwaway' }).waitFor({ state: 'detached' });
  assert.equal(await rows.count(), 3);

  // Reload keeps everything.
  await saved(page);
  await page.reload();
  await page.getByTestId('content-page').waitFor();
  await rows.first().waitFor();
  assert.deepEqual(await page.getByTestId('persona').locator('.persona-name').allInnerTexts(), ['CFO']);
  assert.equal(await rows.count(), 3);
  const after = await readHeatmap(page);
  assert.deepEqual(after, h);

  // Download SVG: a standalone document that parses and draws as an image.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('content-heatmap').getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'content-coverage.svg');
  const svgPath = `${OUT}/content-coverage.svg`;
  await download.saveAs(svgPath);
  const svgText = await readFile(svgPath, 'utf8');
  assert.match(svgText, /CFO/);
  const parsed = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const img = new Image();
    const loaded = await new Promise((resolve) => {
      img.onload = () => resolve(true);
      img.onerror = () => resolve(false);
      img.src = url;
    });
    URL.revokeObjectURL(url);
    return {
      root: doc.documentElement.localName,
      error: doc.getElementsByTagName('parsererror').length,
      cells: doc.querySelectorAll('g.cell').length,
      loaded,
      width: img.naturalWidth,
    };
  }, svgText);
  assert.deepEqual(
    { root: parsed.root, error: parsed.error, cells: parsed.cells, loaded: parsed.loaded },
    { root: 'svg', error: 0, cells: h.rows.length * 2, loaded: true },
  );
  assert.ok(parsed.width > 0, `naturalWidth ${parsed.width}`);

  await shot(page, 'content-audit');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, persona, everyone, kind] of [
  ['ru-RU', 'Финансовый директор', 'Все персоны', 'Кейс'],
  ['ko-KR', '재무 책임자', '모든 페르소나', '사례 연구'],
]) {
  test(`content audit in ${locale}`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { locale });
    await page.locator('button[data-template="hinge"]').click();
    await page.locator('li.stage').first().waitFor();
    await page.getByTestId('content-tab').click();
    await page.getByTestId('content-page').waitFor();
    const before = await page.getByTestId('persona').count();
    for (let i = 0; i < before; i++) {
      await page.getByTestId('persona').first().locator('button').last().click();
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="persona"]').length === n, before - i - 1);
    }
    const form = page.getByTestId('persona-add');
    await form.locator('input').first().fill(persona);
    await form.locator('button[type=submit]').click();
    await page.getByTestId('persona').filter({ hasText: persona }).waitFor();
    const add = page.getByTestId('asset-add');
    await add.locator('input').first().fill('Кейс / 사례: Acme');
    await add.getByTestId('asset-persona').selectOption({ label: persona });
    await add.locator('button[type=submit]').click();
    await page.getByTestId('asset-row').first().waitFor();
    assert.equal(await page.getByTestId('asset-row').locator('.asset-kind').innerText(), kind);
    const h = await readHeatmap(page);
    assert.deepEqual(h.columns, [persona, everyone]);
    assert.equal(cell(h, 0, persona).text, '1 ▲');
    assert.equal(await page.getByTestId('content-gap').count(), 2);
    await shot(page, `content-audit-${locale.slice(0, 2)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
