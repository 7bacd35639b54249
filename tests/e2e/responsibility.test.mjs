// End-to-end: the responsibility matrix — owners, flags, departments, hand-offs with SLAs, undo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

const STAGES = ['attract', 'capture', 'nurture', 'convert', 'expand'];

/** Creates a map from the Act-On template and opens its Responsibility tab. */
async function openActOnMatrix(page) {
  await page.locator('button[data-template="act_on"]').click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('responsibility-tab').click();
  await page.getByTestId('resp-table').waitFor();
}

const cell = (page, dept, stage) => page.getByTestId(`resp-${dept}-${stage}`);
const flag = async (page, stage) => (await page.getByTestId(`resp-flag-${stage}`).innerText()).trim();
const summary = async (page) => (await page.getByTestId('resp-summary').innerText()).trim();

/** Presses Ctrl+Z (or another chord) with the focus outside any text field. */
async function chord(page, keys) {
  await page.locator('#resp-title').click();
  await page.keyboard.press(keys);
}

test('the Act-On matrix: owners, a stage with 2 owners, a stage with none, an SLA kept over reload, undo', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await openActOnMatrix(page);

  // Departments as rows, stages as column headers; the template's parts.
  assert.equal(await page.locator('.resp-table tbody tr').count(), 3);
  assert.deepEqual(await page.locator('.resp-table thead th').allInnerTexts(), [
    'Department',
    'Attract',
    'Capture',
    'Nurture',
    'Convert',
    'Expand',
  ]);
  assert.equal(await page.getByRole('combobox', { name: 'Marketing in Attract' }).inputValue(), 'owns');
  assert.equal(await cell(page, 'sales', 'attract').inputValue(), 'none');
  assert.equal(await cell(page, 'sales', 'convert').inputValue(), 'owns');
  assert.equal(await cell(page, 'marketing', 'expand').inputValue(), 'contributes');
  assert.equal(await cell(page, 'service', 'convert').inputValue(), 'contributes');
  // The level is written out (symbol and word), not only coloured.
  assert.match(await cell(page, 'marketing', 'expand').locator('option:checked').innerText(), /◐ Contributes/);
  for (const s of STAGES) assert.equal(await flag(page, s), '✓ One owner');
  assert.match(await summary(page), /Every stage has exactly one owner/);
  assert.match(await summary(page), /2 hand-offs have no SLA yet/);
  const handoffs = page.locator('.resp-handoff-name');
  assert.deepEqual(await handoffs.allInnerTexts(), [
    'Marketing → Sales (after Nurture)',
    'Sales → Customer service (after Convert)',
  ]);

  // Sales owns Nurture too: two owners, flagged.
  await cell(page, 'sales', 'nurture').selectOption('owns');
  await page.getByTestId('resp-flag-nurture').filter({ hasText: '2 owners' }).waitFor();
  assert.equal(await flag(page, 'nurture'), '⚠ 2 owners');
  assert.match(await summary(page), /1 stage has more than one owner: Nurture \(2\)/);

  // Nobody owns Attract any more: flagged.
  await page.getByRole('combobox', { name: 'Marketing in Attract' }).selectOption('none');
  await page.getByTestId('resp-flag-attract').filter({ hasText: 'No owner' }).waitFor();
  assert.equal(await flag(page, 'attract'), '⚠ No owner');
  assert.equal(await flag(page, 'capture'), '✓ One owner');
  assert.match(await summary(page), /1 stage has no owner: Attract/);
  assert.doesNotMatch(await summary(page), /Every stage/);
  // Flagged stages are skipped: marketing now hands over after Capture.
  assert.deepEqual(await handoffs.allInnerTexts(), [
    'Marketing → Sales (after Capture)',
    'Sales → Customer service (after Convert)',
  ]);

  // The marketing → sales SLA.
  const sla = 'Sales calls every MQL within 24 hours';
  const item = page.getByTestId('handoff-marketing-sales');
  assert.match(await item.innerText(), /No SLA yet/);
  await page.getByLabel('Marketing → Sales (after Capture)').fill(sla);
  await page.keyboard.press('Tab');
  await page.getByTestId('resp-summary').filter({ hasText: '1 hand-off has no SLA yet' }).waitFor();
  assert.doesNotMatch(await item.innerText(), /No SLA yet/);

  // Ctrl+Z outside a text field takes the SLA back; Ctrl+Shift+Z brings it again.
  await chord(page, 'Control+z');
  await page.waitForFunction(() => document.querySelector('#sla-marketing-sales').value === '');
  assert.match(await summary(page), /2 hand-offs have no SLA yet/);
  await chord(page, 'Control+Shift+Z');
  await page.waitForFunction((t) => document.querySelector('#sla-marketing-sales').value === t, sla);
  await saved(page);
  await shot(page, 'responsibility');

  // After a reload the SLA and the flags are still there.
  await page.reload();
  await page.getByTestId('resp-table').waitFor();
  assert.equal(await page.locator('#sla-marketing-sales').inputValue(), sla);
  assert.equal(await flag(page, 'nurture'), '⚠ 2 owners');
  assert.equal(await flag(page, 'attract'), '⚠ No owner');

  // The last change of a cell is undone with Ctrl+Z.
  await cell(page, 'service', 'convert').selectOption('none');
  await page.waitForFunction(() => document.querySelector('[data-testid="resp-service-convert"]').value === 'none');
  await chord(page, 'Control+z');
  await page.waitForFunction(() => document.querySelector('[data-testid="resp-service-convert"]').value === 'contributes');
  assert.equal(await cell(page, 'service', 'convert').inputValue(), 'contributes');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a custom department: add, own a stage, rename, delete and undo; an SLA off the journey stays listed', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await openActOnMatrix(page);
  const rows = page.locator('.resp-table tbody tr');

  // A blank name is refused with a message.
  await page.getByRole('button', { name: 'Add department' }).click();
  await page.getByRole('alert').filter({ hasText: /name/i }).waitFor();
  assert.equal(await rows.count(), 3);

  await page.getByLabel('New department').fill('Partners');
  await page.getByRole('button', { name: 'Add department' }).click();
  await page.getByRole('combobox', { name: 'Partners in Expand' }).waitFor();
  assert.equal(await rows.count(), 4);
  assert.equal(await page.getByLabel('New department').inputValue(), '');
  await page.getByRole('combobox', { name: 'Partners in Expand' }).selectOption('owns');
  await page.getByTestId('resp-flag-expand').filter({ hasText: '2 owners' }).waitFor();

  // Rename it: the cells' names follow.
  await page.getByRole('textbox', { name: 'Rename Partners' }).fill('Channel partners');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Channel partners in Expand' }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: 'Channel partners in Expand' }).inputValue(), 'owns');

  // Delete it (no question asked), then Ctrl+Z brings it back with its part.
  await page.getByRole('button', { name: 'Delete Channel partners' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.resp-table tbody tr').length === 3);
  assert.equal(await flag(page, 'expand'), '✓ One owner');
  // The focus stays on the page (its heading), so Ctrl+Z works right away.
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'resp-title');
  await page.keyboard.press('Control+z');
  await page.getByRole('combobox', { name: 'Channel partners in Expand' }).waitFor();
  assert.equal(await rows.count(), 4);
  assert.equal(await flag(page, 'expand'), '⚠ 2 owners');

  // An SLA for sales → service, then sales takes over Expand: the pair no longer meets on the
  // journey, but its SLA is still listed and marked.
  await page.getByRole('button', { name: 'Delete Channel partners' }).click();
  await page.waitForFunction(() => document.querySelectorAll('.resp-table tbody tr').length === 3);
  await page.getByLabel('Sales → Customer service (after Convert)').fill('Service calls within 2 days of the signature');
  await page.keyboard.press('Tab');
  await page.getByTestId('resp-summary').filter({ hasText: '1 hand-off has no SLA yet' }).waitFor();
  await cell(page, 'service', 'expand').selectOption('none');
  await cell(page, 'sales', 'expand').selectOption('owns');
  const off = page.getByTestId('handoff-sales-service');
  await off.filter({ hasText: 'Not on the current journey' }).waitFor();
  assert.equal(await off.locator('label').innerText(), 'Sales → Customer service');
  assert.equal(await off.locator('textarea').inputValue(), 'Service calls within 2 days of the signature');
  assert.equal(await page.locator('.resp-handoff').count(), 2);
  await shot(page, 'responsibility-custom');
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [locale, want] of [
  ['ko-KR', { caption: /부서 × 단계/, flag: '⚠ 책임 부서 2개', cell: '유치 단계의 마케팅' }],
  ['ru-RU', { caption: /Отделы × этапы/, flag: '⚠ 2 ответственных', cell: 'Маркетинг, этап «Привлечение»' }],
]) {
  test(`the matrix in ${locale}`, async () => {
    const { context, page, errors } = await openApp(app.browser, app.server.url, { locale });
    await openActOnMatrix(page);
    assert.match(await page.locator('.resp-table caption').innerText(), want.caption);
    assert.equal(await page.getByRole('combobox', { name: want.cell }).inputValue(), 'owns');
    await cell(page, 'sales', 'nurture').selectOption('owns');
    await page.getByTestId('resp-flag-nurture').filter({ hasText: want.flag }).waitFor();
    assert.equal(await flag(page, 'nurture'), want.flag);
    await shot(page, `responsibility-${locale.slice(0, 2)}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
