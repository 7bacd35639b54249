// End-to-end: the canvas grid — lanes as rows, lanes managed, spanning cards, emotion curve,
// card fields, keyboard navigation and moves, drag and drop — in the release build.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

async function newMap(page, template) {
  await page.locator(`button[data-template="${template}"]`).click();
  await page.waitForURL(/\?map=/);
  await page.locator('li.stage').first().waitFor();
}

/** The top of every cell of one lane, across the stages (rows line up when all are equal). */
async function laneTops(page, lane) {
  return page.locator(`.cell[data-cell-lane="${lane}"]`).evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
}

test('lanes are rows: every stage has a cell per visible lane, aligned across stages', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'act_on');
  const lanes = await page.locator('.lane-heads [data-lane-head]').evaluateAll((els) => els.map((e) => e.dataset.laneHead));
  assert.deepEqual(lanes, ['touchpoint', 'buying_role', 'pain_point', 'opportunity', 'question', 'research_source', 'note']);
  const stages = await page.locator('li.stage').count();
  for (const lane of lanes) {
    const tops = await laneTops(page, lane);
    assert.equal(tops.length, stages, `${lane}: one cell per stage`);
    assert.equal(new Set(tops).size, 1, `${lane}: cells line up (${tops})`);
  }
  // The lane heading sits on the same row as its cells.
  const head = await page.locator('[data-lane-head="question"]').evaluate((e) => Math.round(e.getBoundingClientRect().top));
  assert.equal(head, (await laneTops(page, 'question'))[0]);
  // Act-On's questions are in the Questions row of their stage.
  assert.ok((await page.locator('.cell[data-cell-lane="question"][data-cell-stage="nurture"] .card').count()) >= 2);
  await shot(page, 'canvas-act-on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('lanes can be added, renamed, moved, hidden, shown and deleted, with undo', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'hinge');
  const heads = () => page.locator('.lane-heads [data-lane-head] .lane-name').allInnerTexts();

  await page.getByLabel('New lane').fill('Technology used');
  await page.getByLabel('Kind of cards').selectOption('note');
  await page.getByRole('button', { name: 'Add lane' }).click();
  await page.locator('.lane-name', { hasText: 'Technology used' }).waitFor();
  assert.equal((await heads()).at(-1).toLowerCase(), 'technology used');
  assert.equal(await page.locator('li.stage').first().locator('.cell').count(), 8);

  // An empty name is refused with a message.
  await page.getByRole('button', { name: 'Add lane' }).click();
  await page.getByText('Give the lane a name.').waitFor();

  await page.getByRole('button', { name: 'Rename lane Technology used' }).click();
  await page.getByLabel('Lane name').fill('Tech stack');
  await page.getByLabel('Lane name').press('Enter');
  await page.locator('.lane-name', { hasText: 'Tech stack' }).waitFor();

  await page.getByRole('button', { name: 'Move lane Tech stack up' }).click();
  assert.equal((await heads()).at(-2).toLowerCase(), 'tech stack');

  await page.getByRole('button', { name: 'Hide lane Pain points' }).click();
  await page.getByRole('button', { name: 'Show lane Pain points' }).waitFor();
  assert.ok(!(await heads()).map((h) => h.toLowerCase()).includes('pain points'));
  assert.equal(await page.locator('.cell[data-cell-lane="pain_point"]').count(), 0);
  await page.getByRole('button', { name: 'Show lane Pain points' }).click();
  await page.locator('.cell[data-cell-lane="pain_point"]').first().waitFor();

  const cardsBefore = await page.locator('.card').count();
  const notes = await page.locator('.cell[data-cell-lane="note"] .card').count();
  assert.ok(notes > 0);
  await page.getByRole('button', { name: 'Delete lane Notes and its cards' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, cardsBefore - notes);
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((n) => document.querySelectorAll('.card').length === n, cardsBefore);
  await saved(page);
  await page.reload();
  await page.locator('.lane-name', { hasText: 'Tech stack' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a card spans stages as a bar, carries its fields, and an emotion curve is drawn', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'scaleo');
  // A pain point with severity, spanning three stages.
  const cell = page.locator('.cell[data-cell-lane="pain_point"][data-cell-stage="trigger"]');
  await cell.getByRole('button', { name: 'Add a card in Pain points at Trigger' }).click();
  await cell.getByLabel('Title', { exact: true }).fill('Nobody answers the RFP questions');
  await cell.getByLabel('Severity').selectOption('high');
  await cell.getByLabel('Evidence').selectOption('reported');
  await cell.getByLabel('Stages it spans').fill('3');
  await cell.getByRole('button', { name: 'Add card', exact: true }).click();
  const bar = page.locator('.card.bar', { hasText: 'Nobody answers the RFP questions' });
  await bar.waitFor();
  assert.match(await bar.innerText(), /spans 3 stages/);
  assert.match(await bar.innerText(), /Severity\s*High/);
  assert.match(await bar.innerText(), /Reported/);
  // The bar starts at Trigger and ends at the right edge of Active evaluation.
  const box = await bar.boundingBox();
  const colOf = (id) => page.locator(`li.stage[data-stage-id="${id}"]`).boundingBox();
  const [trigger, active] = [await colOf('trigger'), await colOf('active_evaluation')];
  assert.ok(Math.abs(box.x - trigger.x) < 20, `starts in Trigger (${box.x} vs ${trigger.x})`);
  assert.ok(Math.abs(box.x + box.width - (active.x + active.width)) < 20, `ends in Active evaluation (${box.x + box.width} vs ${active.x + active.width})`);
  // The columns it crosses keep a slot for it, so the next cards there start below it.
  const covered = page.locator('.cell[data-cell-lane="pain_point"][data-cell-stage="brand_consideration"] .track');
  assert.equal(await covered.count(), 1);

  // An opportunity's owner and status.
  const opp = page.locator('.cell[data-cell-lane="opportunity"][data-cell-stage="loyalty"]');
  await opp.getByRole('button', { name: 'Add a card in Opportunities at Loyalty' }).click();
  await opp.getByLabel('Title', { exact: true }).fill('Referral programme');
  await opp.getByLabel('Owner').fill('Customer success');
  await opp.getByLabel('Status').selectOption('planned');
  await opp.getByRole('button', { name: 'Add card', exact: true }).click();
  const oppCard = page.locator('.card', { hasText: 'Referral programme' });
  await oppCard.waitFor();
  assert.match(await oppCard.innerText(), /Owner\s*Customer success/);
  assert.match(await oppCard.innerText(), /Status\s*Planned/);

  // The decision maker's emotion over three stages: a curve through −1, +2, 0.
  for (const [stage, score] of [['Trigger', '-1'], ['Brand consideration', '2'], ['Active evaluation', '0']]) {
    await page.getByLabel(`Emotion of Decision maker in ${stage}`).selectOption(score);
  }
  const dots = page.locator('li.stage .emotion-cell .dot');
  await page.waitForFunction(() => document.querySelectorAll('.emotion-cell .dot').length === 3);
  assert.deepEqual(await dots.allInnerTexts(), ['−1', '+2', '0']);
  // +2 is drawn above 0, and 0 above −1.
  const ys = await dots.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top - e.closest('.emotion-cell').getBoundingClientRect().top));
  assert.ok(ys[1] < ys[2] && ys[2] < ys[0], `y of +2 < 0 < −1: ${ys}`);
  // The curve joins neighbours: the middle stage's path comes in and goes out.
  const d = await page.locator('li.stage[data-stage-id="brand_consideration"] .emotion-cell .curve path').first().getAttribute('d');
  assert.match(d, /^M0,[\d.]+ L50,[\d.]+ L100,[\d.]+$/);
  await saved(page);
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('.emotion-cell .dot').length === 3);
  await page.locator('.card.bar', { hasText: 'Nobody answers the RFP questions' }).scrollIntoViewIfNeeded();
  await shot(page, 'canvas-scaleo-bar-emotion');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the keyboard walks the grid and moves cards; Enter edits; Delete removes; Ctrl+Z undoes', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'act_on');
  // The first stage whose questions cell has two cards, and the stage after it.
  const [here, next] = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('li.stage')].map((s) => s.dataset.stageId);
    const i = ids.findIndex((s, i) => i + 1 < ids.length
      && document.querySelectorAll(`.cell[data-cell-lane="question"][data-cell-stage="${s}"] .card`).length >= 2);
    return [ids[i], ids[i + 1]];
  });
  assert.ok(here, 'a questions cell with two cards');
  const cellCards = (stage) => page.locator(`.cell[data-cell-lane="question"][data-cell-stage="${stage}"] .card`);
  const first = cellCards(here).first();
  const firstId = await first.getAttribute('data-card-id');
  await first.focus();
  const focused = () => page.evaluate(() => document.activeElement?.dataset.cardId ?? document.activeElement?.className);

  // Down goes to the next card of the cell; Right to the first card of the next stage's cell.
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), await cellCards(here).nth(1).getAttribute('data-card-id'));
  await page.keyboard.press('ArrowRight');
  const nextFirst = (await cellCards(next).count()) > 0
    ? await cellCards(next).first().getAttribute('data-card-id')
    : 'cell-add small';
  assert.equal(await focused(), nextFirst);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await focused(), firstId);

  // Alt+Right moves the focused card to the next stage and keeps focus on it.
  const title = await first.locator('.card-title').innerText();
  await page.keyboard.press('Alt+ArrowRight');
  await cellCards(next).filter({ hasText: title }).waitFor();
  await page.waitForFunction((id) => document.activeElement?.dataset.cardId === id, firstId);
  // Enter opens the card's form; Escape closes it; focus comes back to the card.
  await page.keyboard.press('Enter');
  await page.locator('.card.editing .card-form').waitFor();
  await page.keyboard.press('Escape');
  await page.waitForFunction((id) => document.activeElement?.dataset.cardId === id, firstId);
  // Delete removes it; Ctrl+Z (focus on the page, not a text field) brings it back where it was.
  await page.keyboard.press('Delete');
  await page.waitForFunction((id) => !document.querySelector(`[data-card-id="${id}"]`), firstId);
  await page.keyboard.press('Control+z');
  await page.locator(`.cell[data-cell-stage="${next}"] [data-card-id="${firstId}"]`).waitFor();
  await page.keyboard.press('Control+z');
  await page.locator(`.cell[data-cell-stage="${here}"] [data-card-id="${firstId}"]`).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('cards and stages move by drag and drop', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await newMap(page, 'act_on');
  const card = page.locator('.cell[data-cell-lane="touchpoint"][data-cell-stage="attract"] .card').first();
  const id = await card.getAttribute('data-card-id');
  // Onto the empty end of the Expand touchpoint cell.
  await card.dragTo(page.locator('.cell[data-cell-lane="touchpoint"][data-cell-stage="expand"] .cell-add'));
  await page.locator(`.cell[data-cell-stage="expand"] [data-card-id="${id}"]`).waitFor();
  // Onto another card: it lands just before it.
  const target = page.locator('.cell[data-cell-lane="touchpoint"][data-cell-stage="nurture"] .card').first();
  const targetId = await target.getAttribute('data-card-id');
  await page.locator(`[data-card-id="${id}"]`).dragTo(target);
  await page.waitForFunction(([a, b]) => {
    const ids = [...document.querySelectorAll('.cell[data-cell-lane="touchpoint"][data-cell-stage="nurture"] .card')].map((c) => c.dataset.cardId);
    return ids.indexOf(a) >= 0 && ids.indexOf(a) + 1 === ids.indexOf(b);
  }, [id, targetId]);
  // A stage heading dragged onto another stage takes its place.
  const names = () => page.locator('li.stage h2').allInnerTexts();
  assert.deepEqual((await names()).slice(0, 3), ['Attract', 'Capture', 'Nurture']);
  await page.locator('li.stage[data-stage-id="attract"] .stage-head').dragTo(page.locator('li.stage[data-stage-id="nurture"] .stage-head'));
  await page.waitForFunction(() => document.querySelectorAll('li.stage h2')[2]?.textContent === 'Attract');
  assert.deepEqual((await names()).slice(0, 3), ['Capture', 'Nurture', 'Attract']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('only the columns in view are drawn in full; scrolling, the keyboard and printing draw more', async () => {
  // A 40-stage map with one note per stage (card c{i} in stage s{i}), put in storage before start.
  const now = '2026-12-01T00:00:00Z';
  const STAGES = 40;
  const map = {
    id: 'wide', name: 'Wide', source_model: 'blank', created: now, updated: now,
    stages: Array.from({ length: STAGES }, (_, i) => ({ id: `s${i}`, name: `Stage ${i + 1}`, description: '' })),
    lanes: [{ id: 'note', name: 'Notes', kind: 'note', hidden: false }],
    cards: Array.from({ length: STAGES }, (_, i) => ({ id: `c${i}`, stage: `s${i}`, lane: 'note', title: `Note ${i + 1}`, detail: '' })),
    personas: [], departments: [],
  };
  const context = await app.browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript((value) => {
    if (!localStorage.getItem('journey-mapper:map:wide')) localStorage.setItem('journey-mapper:map:wide', value);
  }, JSON.stringify({ schema: 1, rev: 1, writer: 'e2e', saved_at: now, map }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${app.server.url}?map=wide`);
  await page.locator('[data-card-id="c0"]').waitFor();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  // The indexes of the stage columns drawn in full (the others show their heading only).
  const drawn = () => page.locator('li.stage').evaluateAll((els) => els.flatMap((e, i) => (e.querySelector('.cell') ? [i] : [])));
  const run = (xs) => xs.length > 0 && xs.every((x, i) => i === 0 || x === xs[i - 1] + 1);
  assert.equal(await page.locator('li.stage').count(), STAGES);
  const atOpen = await drawn();
  assert.ok(run(atOpen) && atOpen[0] === 0 && atOpen.length < STAGES, `drawn at open: ${atOpen}`);

  // Scrolled to the end: the last columns are drawn, the first ones are not.
  await page.locator('.canvas').evaluate((el) => { el.scrollLeft = el.scrollWidth; });
  await page.locator(`[data-card-id="c${STAGES - 1}"]`).waitFor();
  const atEnd = await drawn();
  assert.ok(run(atEnd) && atEnd.at(-1) === STAGES - 1 && !atEnd.includes(0), `drawn at the end: ${atEnd}`);

  // Back at the start, → on the card of the last column drawn focuses the next one's, drawn first.
  await page.locator('.canvas').evaluate((el) => { el.scrollLeft = 0; });
  await page.locator('[data-card-id="c0"]').waitFor();
  await page.waitForFunction(() => !document.querySelector('[data-card-id="c39"]'));
  const last = (await drawn()).at(-1);
  await page.locator(`[data-card-id="c${last}"]`).focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((id) => document.activeElement?.dataset.cardId === id, `c${last + 1}`);
  assert.ok((await drawn()).includes(last + 1));

  // Printing draws every column; after it, only those in view again.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.locator(`[data-card-id="c${STAGES - 1}"]`).waitFor({ state: 'attached' });
  assert.equal((await drawn()).length, STAGES);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction((n) => document.querySelectorAll('[data-card-id]').length < n, STAGES);
  assert.deepEqual(errors, []);
  await context.close();
});
