// Accessibility: axe-core on every screen reports no serious or critical violation.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { openApp, useServedApp } from './harness.mjs';

const app = useServedApp();

/** Serious and critical violations on the page, as readable lines. */
async function problems(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

const SCREENS = [
  ['map list', async () => {}],
  ['canvas', async (page) => {
    await page.locator('.map-row .map-name').first().click();
    await page.locator('li.stage').first().waitFor();
    await page.getByTestId('stage-count').first().waitFor();
  }],
  ['canvas, a card being edited', async (page) => {
    await page.locator('.card').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('.card.editing .card-form').waitFor();
  }],
  ['data', async (page) => { await page.getByTestId('data-tab').click(); await page.getByTestId('stage-count').or(page.locator('.stage-tally')).first().waitFor(); }],
  ['metrics', async (page) => { await page.getByTestId('metrics-tab').click(); await page.locator('.metrics-page').waitFor(); await page.waitForTimeout(500); }],
  ['responsibility', async (page) => { await page.getByTestId('responsibility-tab').click(); await page.waitForTimeout(300); }],
  ['content', async (page) => { await page.getByTestId('content-tab').click(); await page.getByTestId('content-page').waitFor(); }],
  ['diagram (linear)', async (page) => { await page.getByTestId('diagram-tab').click(); await page.waitForTimeout(300); }],
  ['diagram (circular)', async (page) => { await page.getByTestId('diagram-view-circular').check(); await page.waitForTimeout(300); }],
  ['compare', async (page) => { await page.getByTestId('compare-tab').click(); await page.waitForTimeout(300); }],
];

// Every screen in each language: the Korean and Russian texts are longer or shorter, and their
// own labels, so contrast, names and overflow are checked in each.
for (const lang of ['en', 'ko', 'ru']) {
  test(`axe-core: no serious or critical violation on any screen (${lang})`, async () => {
    const { context, page } = await openApp(app.browser, app.server.url);
    if (lang !== 'en') {
      await page.locator('#lang').selectOption(lang);
      await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
    }
    const report = {};
    for (const [name, open] of SCREENS) {
      await open(page);
      report[name] = await problems(page);
      console.log(`# axe ${lang} ${name}: ${report[name].length} serious/critical`);
    }
    const bad = Object.entries(report).filter(([, v]) => v.length);
    assert.deepEqual(Object.fromEntries(bad), {});
    await context.close();
  });
}
