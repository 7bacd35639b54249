// End-to-end: a to-be version of a map, changed on the canvas, compared with the original
// stage by stage, then with an unrelated map — in the release build.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

const mapId = (page) => new URL(page.url()).searchParams.get('map');

/** Starts a map from a template on the list page and waits for it to open. */
async function createMap(page, slug) {
  const before = page.url();
  await page.locator(`button[data-template="${slug}"]`).click();
  await page.waitForURL((u) => u.toString() !== before && u.searchParams.has('map'));
  await page.locator('li.stage').first().waitFor();
  return mapId(page);
}

test('a to-be version opens, is changed, and Compare shows what changed per stage', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // An unrelated map to compare with at the end.
  const actOn = await createMap(page, 'act_on');
  await page.getByRole('link', { name: 'All maps' }).click();
  const original = await createMap(page, 'hinge');
  assert.equal(await page.locator('#map-name').inputValue(), 'Hinge client journey');
  assert.equal(await page.getByTestId('version-of').count(), 0);

  // New to-be version: a new map opens and says whose version it is.
  await page.getByRole('button', { name: 'New to-be version' }).click();
  await page.waitForURL((u) => u.searchParams.get('map') !== original);
  const version = mapId(page);
  assert.notEqual(version, original);
  await page.locator('li.stage').first().waitFor();
  assert.equal(await page.locator('#map-name').inputValue(), 'Hinge client journey (to-be)');
  const versionOf = page.getByTestId('version-of');
  await versionOf.waitFor();
  assert.equal((await versionOf.innerText()).trim(), 'To-be version of Hinge client journey');
  assert.match(await versionOf.getByRole('link').getAttribute('href'), new RegExp(`map=${original}$`));

  // Rename a stage.
  const client = page.locator('li.stage[data-stage-id="client_experience"]');
  await client.getByRole('button', { name: 'Edit stage Client experience' }).click();
  await client.getByLabel('Stage name').fill('Client success');
  await client.getByRole('button', { name: 'Save' }).click();
  await client.locator('h2', { hasText: 'Client success' }).waitFor();

  // Add a card to the first stage.
  const pre = page.locator('li.stage[data-stage-id="pre_purchase"]');
  await pre.getByRole('button', { name: 'Add a card to Pre-purchase experience' }).click();
  await pre.getByLabel('Title', { exact: true }).fill('Pricing calculator');
  await pre.getByRole('button', { name: 'Add card', exact: true }).click();
  await pre.locator('.card', { hasText: 'Pricing calculator' }).waitFor();

  // Delete a card of the third stage.
  const between = page.locator('li.stage[data-stage-id="between_engagements"]');
  const betweenCards = await between.locator('.card').count();
  assert.ok(betweenCards > 0);
  const gone = (await between.locator('.card .card-title').first().innerText()).trim();
  await between.getByRole('button', { name: `Delete card ${gone}` }).first().click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('li.stage[data-stage-id="between_engagements"] .card').length === n,
    betweenCards - 1,
  );
  await saved(page);

  // Compare: the default partner is the original; three changes in three stages.
  await page.getByTestId('compare-tab').click();
  const summary = page.getByTestId('compare-summary');
  await summary.waitFor();
  assert.equal(await summary.innerText(), '3 changes in 3 stages');
  assert.equal(await page.getByTestId('compare-with').inputValue(), original);
  assert.equal(await page.getByTestId('as-is-name').innerText(), 'Hinge client journey');
  assert.equal(await page.getByTestId('to-be-name').innerText(), 'Hinge client journey (to-be)');
  // The map's own name is listed but not counted.
  assert.match(await page.getByTestId('map-changes').innerText(), /Map name: Hinge client journey → Hinge client journey \(to-be\)/);

  const row = (id) => page.locator(`li.compare-stage[data-stage-id="${id}"]`);
  assert.equal(await row('client_experience').getAttribute('data-changed'), 'true');
  assert.equal(
    (await row('client_experience').getByTestId('stage-changes').innerText()).trim(),
    '✎ Renamed: Client experience → Client success',
  );
  const added = row('pre_purchase').locator('[data-side="to-be"] .compare-card[data-mark="added"]');
  assert.equal(await added.count(), 1);
  assert.match(await added.innerText(), /added\s+Pricing calculator/);
  assert.equal(await row('pre_purchase').locator('[data-side="as-is"] .compare-card[data-mark="added"]').count(), 0);
  const removed = row('between_engagements').locator('[data-side="as-is"] .compare-card[data-mark="removed"]');
  assert.equal(await removed.count(), 1);
  assert.match(await removed.innerText(), new RegExp(`removed\\s+${gone.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  assert.equal(
    await row('between_engagements').locator('[data-side="to-be"] .compare-card').count(),
    betweenCards - 1,
  );
  // Every other card is the same on both sides.
  assert.equal(await page.locator('.compare-card:not([data-mark="same"])').count(), 2);

  // The unchanged stage is one line, until shown.
  assert.equal(await row('former_client').getAttribute('data-changed'), 'false');
  assert.match(await row('former_client').innerText(), /Former client — No changes/);
  assert.equal(await row('former_client').locator('.compare-card').count(), 0);
  const toggle = page.getByTestId('toggle-unchanged');
  assert.equal(await toggle.innerText(), 'Show unchanged stages (1)');
  await shot(page, 'compare');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await row('former_client').locator('.compare-card').first().waitFor();
  assert.equal(await row('former_client').locator('.compare-card:not([data-mark="same"])').count(), 0);
  await toggle.click();
  await page.waitForFunction(() => !document.querySelector('li.compare-stage[data-stage-id="former_client"] .compare-card'));

  // Compare with the unrelated Act-On map: it is the older, so it is the as-is side; every stage
  // differs (no ids in common).
  await page.getByTestId('compare-with').selectOption(actOn);
  await page.getByTestId('as-is-name').filter({ hasText: 'Act-On customer lifecycle (5 stages)' }).waitFor();
  assert.equal(await page.getByTestId('to-be-name').innerText(), 'Hinge client journey (to-be)');
  const stages = await page.locator('li.compare-stage').count();
  assert.equal(stages, 9);
  assert.equal(await page.locator('li.compare-stage[data-changed="false"]').count(), 0);
  assert.equal(await page.locator('.compare-badge[data-mark="added"]').count(), 4);
  assert.equal(await page.locator('.compare-badge[data-mark="removed"]').count(), 5);
  const marked = await page.locator('.compare-card:not([data-mark="same"])').count();
  assert.equal(await page.locator('.compare-card[data-mark="same"]').count(), 0);
  // Each stage, card and stage-level change (the Hinge decisions) counts once; changes to the
  // whole map (lanes, departments) are counted apart.
  const own = await page.locator('[data-testid="stage-changes"] li').count();
  assert.ok(own >= 3);
  const text = await page.getByTestId('compare-summary').innerText();
  assert.match(text, new RegExp(`^${marked + 9 + own} changes in 9 stages`));
  await shot(page, 'compare-other');

  // From the original (through the version's link), Compare picks the version by default.
  await page.getByTestId('version-of').getByRole('link', { name: 'Hinge client journey' }).click();
  await page.waitForURL((u) => u.searchParams.get('map') === original);
  await page.getByTestId('compare-tab').click();
  await page.getByTestId('compare-summary').filter({ hasText: '3 changes in 3 stages' }).waitFor();
  assert.equal(await page.getByTestId('compare-with').inputValue(), version);
  assert.equal(await page.getByTestId('as-is-name').innerText(), 'Hinge client journey');
  assert.equal(await page.getByTestId('version-of').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with no other map, Compare says so and offers a new version', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // Remove the demo map, so the new map is the only one.
  await page.locator('.map-row').first().waitFor();
  await page.locator('.map-row').first().getByRole('button', { name: 'Delete' }).click();
  await page.locator('.saved .empty').waitFor();
  const only = await createMap(page, 'scaleo');
  await page.getByTestId('compare-tab').click();
  const none = page.getByTestId('compare-none');
  await none.waitFor();
  assert.match(await none.innerText(), /no other map/);
  assert.equal(await page.getByTestId('compare-summary').count(), 0);
  await page.locator('.compare-page').getByRole('button', { name: 'New to-be version' }).click();
  await page.waitForURL((u) => u.searchParams.get('map') !== only);
  await page.getByTestId('version-of').waitFor();
  await page.getByTestId('compare-tab').click();
  await page.getByTestId('compare-summary').filter({ hasText: 'No changes' }).waitFor();
  assert.equal(await page.locator('li.compare-stage[data-changed="true"]').count(), 0);
  assert.equal(await page.locator('li.compare-stage').count(), 7);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Compare reads in Russian and Korean', async () => {
  for (const [lang, locale, summary, removedWord] of [
    ['ru', 'ru-RU', '1 изменение в 1 этапе', 'удалено'],
    ['ko', 'ko-KR', '단계 1개에서 변경 1개', '삭제됨'],
  ]) {
    const words = JSON.parse(readFileSync(`locales/${lang}.json`, 'utf8'));
    const { context, page, errors } = await openApp(app.browser, app.server.url, { locale });
    await page.locator('.map-row .map-name').first().click();
    await page.locator('li.stage').first().waitFor();
    await page.getByRole('button', { name: words.version_new }).click();
    await page.getByTestId('version-of').waitFor();
    const first = page.locator('li.stage').first();
    const cards = await first.locator('.card').count();
    const title = (await first.locator('.card .card-title').first().innerText()).trim();
    await first.getByRole('button', { name: words.delete_card_named.replace('{{ name }}', title) }).first().click();
    await page.waitForFunction((n) => document.querySelector('li.stage').querySelectorAll('.card').length === n, cards - 1);
    await page.getByTestId('compare-tab').click();
    await page.getByTestId('compare-summary').filter({ hasText: summary }).waitFor();
    const removed = page.locator('.compare-card[data-mark="removed"]');
    assert.equal(await removed.count(), 1);
    assert.match(await removed.innerText(), new RegExp(removedWord));
    await shot(page, `compare-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
