// End-to-end: the template's questions on the map answered from the imported data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

test('question cards of the demo map show the answer the sample data gives', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // The same figures, independently, through the JS module API on the same sample (from a
  // page of its own: the app's page would mount a second app).
  const side = await context.newPage();
  await side.goto(`${app.server.url}examples/engine.html`);
  const expected = await side.evaluate(async () => {
    const { default: init, classifyCsv, sampleCsv } = await import('../engine.js');
    await init();
    const r = classifyCsv(sampleCsv('hinge', 120, 1), { model: 'hinge', contacts: false });
    const count = (id) => r.outcomes.find((o) => o.id === id).contacts;
    return { hired: count('hired'), notNow: count('not_now'), noWay: count('no_way') };
  });
  await side.close();
  await page.locator('.map-name a, a.map-name').first().click();
  const card = page.locator('[data-card-id="hinge_q_pre_purchase_1"]');
  const answer = card.getByTestId('question-answer');
  await answer.waitFor();
  const decided = expected.hired + expected.notNow + expected.noWay;
  const pct = (n) => `${Math.round((100 * n) / decided)}\u00a0%`;
  assert.equal(
    await answer.innerText(),
    `From the data: Hired ${pct(expected.hired)} · Not now ${pct(expected.notNow)} · No way ${pct(expected.noWay)} (n = ${decided})`,
  );
  // A question about opinions has no figure; one whose column the file lacks says so.
  assert.equal(await page.locator('[data-card-id="hinge_q_pre_purchase_3"]').getByTestId('question-answer').count(), 0);
  assert.equal(
    await page.locator('[data-card-id="hinge_q_client_experience_2"]').getByTestId('question-answer').innerText(),
    'From the data: The imported data cannot answer this yet.',
  );
  // "How many prospects become clients?" agrees with the Metrics view's headline.
  const clients = await page.locator('[data-card-id="hinge_q_pre_purchase_2"]').getByTestId('question-answer').innerText();
  await shot(page, 'question-answers');
  await page.getByTestId('metrics-tab').click();
  const headline = await page.getByTestId('metrics-headline').innerText();
  const [, num, den] = clients.match(/: (\d+) \/ (\d+) \(/);
  assert.match(headline, new RegExp(`${num} of ${den}`));
  assert.deepEqual(errors, []);
  await context.close();
});
