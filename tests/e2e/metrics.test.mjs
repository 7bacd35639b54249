// End-to-end: the Metrics view of a map, on a small event log whose figures are worked out by
// hand below, then the demo map's sample in Russian (for the screenshot).
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { OUT, openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

// An event log for the Hinge map (default rules). The as-of date is the file's latest date,
// 2024-12-31. Stages: pre_purchase (0) → client_experience (1) → between_engagements (2) →
// former_client (3). The rules, re-read on every day with activity:
//   former_client when count "churned" >= 1; client_experience when last "project_start"
//   within 180d; between_engagements when count "project_end" >= 1; pre_purchase otherwise.
//
// | contact | events | visits (days) |
// |---|---|---|
// | A acme | visit 01-05, project_start 01-20, project_end 03-01, visit 09-01, project_start 10-01 | pre 01-05→01-20 (15), client 01-20→09-01 (the start is 225 d old on 09-01), between 09-01→10-01, client 10-01→ (loops back) |
// | B acme | visit 02-01, deal_postponed 03-01, project_start 09-01 | pre 02-01→09-01 (213), client 09-01→ ; "not now" then hired: came back |
// | C globex | visit 04-01, deal_lost 05-01 | pre 04-01→ (open); outcome no way |
// | D – | visit 12-31 | pre 12-31→ (open) |
// | E initech | visit 01-10, project_start 02-01, project_end 05-01, churned 11-01 | pre 01-10→02-01 (22), client 02-01→11-01, former 11-01→ |
// | F umbrella | a visit with no date (skipped: a missing date), proposal_request 07-01 | pre 07-01→ (an open deal) |
//
// Reached (furthest stage at or after): pre 6, client 3 (A B E), between 2 (A E), former 1 (E).
// Step conversion: 3/6 = 50 %, 2/3 = 67 %, 1/2 = 50 %. Became clients 3 of 6 = 50 %.
// Time in pre_purchase (finished visits): 15, 22, 213 → median 22 d, n = 3; open visits 3 (C D F).
// Time to convert: 15, 213, 22 → median 22 d (n = 3).
// (A project that started more than 180 days before the as-of date with no end sends a client
// back to pre_purchase under these rules, which is why B's project starts within 180 days.)
// Outcomes at pre_purchase now: hired A B, no way C (D, E, F none) → 3 decided: hired 67 %,
// no way 33 %, not now 0 %; not now came back: B, 1 of 1.
// Segments by first channel: web A C D (1 of 3 clients), email B F (1 of 2), event E (1 of 1).
// Terra incognita (at least 5 contacts per stage): client_experience only 3 → thin.
// Service level pre_purchase → client_experience within 30 days: A 15 d and E 22 d met; B (213 d),
// C and F (never, more than 30 days before the as-of date) breached; D (12-31) pending.
const EVENTS = [
  'contact,account,time,type,channel,value',
  'A,acme,2024-01-05,web_visit,web,',
  'A,acme,2024-01-20,project_start,meeting,1000',
  'A,acme,2024-03-01,project_end,meeting,',
  'A,acme,2024-09-01,web_visit,web,',
  'A,acme,2024-10-01,project_start,meeting,500',
  'B,acme,2024-02-01,web_visit,email,',
  'B,acme,2024-03-01,deal_postponed,meeting,',
  'B,acme,2024-09-01,project_start,meeting,2000',
  'C,globex,2024-04-01,web_visit,web,',
  'C,globex,2024-05-01,deal_lost,meeting,',
  'D,,2024-12-31,web_visit,web,',
  'E,initech,2024-01-10,web_visit,event,',
  'E,initech,2024-02-01,project_start,meeting,300',
  'E,initech,2024-05-01,project_end,meeting,',
  'E,initech,2024-11-01,churned,email,',
  'F,umbrella,,web_visit,web,',
  'F,umbrella,2024-07-01,proposal_request,email,',
].join('\n') + '\n';

const STAGES = ['pre_purchase', 'client_experience', 'between_engagements', 'former_client'];

async function cell(page, stage, col) {
  return (await page.getByTestId(`metrics-stage-${stage}`).locator(`td.${col}`).innerText()).replace(/\u00a0/g, ' ').trim();
}

test('metrics of a hand-worked event log: funnel, outcomes, segments, gaps, what-if, service level, CSV', async () => {
  const path = `${OUT}/metrics-events.csv`;
  await writeFile(path, EVENTS);
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();

  // A stage name that a spreadsheet would run as a formula, for the CSV export below.
  const former = page.locator('li.stage[data-stage-id="former_client"]');
  await former.getByRole('button', { name: /^Edit stage/ }).click();
  await page.locator('#stage-name-former_client').fill('=1+2 Former');
  await former.getByRole('button', { name: 'Save' }).click();

  // No data yet: the metrics view says so and links to the data view.
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-no-data').waitFor();
  await page.getByTestId('metrics-no-data').getByRole('link').click();

  await page.getByTestId('csv-input').setInputFiles(path);
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-summary').filter({ hasText: 'metrics-events.csv' }).waitFor();

  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor();
  assert.equal(await page.getByTestId('metrics-as-of').innerText(), '2024-12-31');

  // The funnel.
  const reached = {};
  for (const s of STAGES) reached[s] = Number(await cell(page, s, 'reached'));
  assert.deepEqual(reached, { pre_purchase: 6, client_experience: 3, between_engagements: 2, former_client: 1 });
  assert.equal(await cell(page, 'pre_purchase', 'step'), '50 %');
  assert.equal(await cell(page, 'client_experience', 'step'), '67 %');
  assert.equal(await cell(page, 'between_engagements', 'step'), '50 %');
  assert.equal(await cell(page, 'pre_purchase', 'median'), '22');
  assert.equal(await cell(page, 'pre_purchase', 'visits'), '3');
  assert.equal(await cell(page, 'pre_purchase', 'open'), '3');
  // The funnel chart names each stage's reached count in its SVG text.
  const funnel = page.getByTestId('funnel-chart').locator('svg');
  assert.equal(await funnel.getAttribute('role'), 'img');
  assert.match(await funnel.textContent(), /Pre-purchase experience[\s\S]*6/);

  // The flows chart (Sankey). Visits by contact: A pre → client → between → client (a loop
  // back), B pre → client, E pre → client → former; C, D and F stay in pre-purchase. So
  // pre → client 3, client → between 1, between → client 1 (backward), client → former 1; the
  // decision at pre-purchase: hired 2 (A B), no way 1 (C, an exit).
  const flows = page.getByTestId('flows-chart').locator('svg');
  assert.equal(await flows.getAttribute('role'), 'img');
  assert.equal(await flows.locator('title').first().textContent(), 'How contacts moved between stages and into decision outcomes');
  const flowsDesc = await flows.locator('desc').textContent();
  assert.match(flowsDesc, /Pre-purchase experience → Client experience: 3[;.]/);
  assert.match(flowsDesc, /Client experience → Between-engagements experience: 1[;.]/);
  assert.match(flowsDesc, /Client experience → =1\+2 Former: 1[;.]/);
  assert.match(flowsDesc, /Pre-purchase experience → Hired: 2[;.]/);
  assert.match(flowsDesc, /Pre-purchase experience → No way: 1[;.]/);
  const backward = await flows.locator('.link-group.backward').evaluateAll((gs) => gs.map((g) => g.textContent));
  assert.deepEqual(backward, ['Between-engagements experience → Client experience: 1↺ 1']);
  assert.equal(await flows.locator('.node-group.exit').textContent(), 'No way');

  // The time histogram: time to convert (15, 22, 213 days) by default, then the finished
  // visits to pre-purchase (also 15, 22 and 213 days): the bars' counts add up to n = 3.
  const histogram = page.getByTestId('time-histogram').locator('svg');
  assert.equal(await histogram.getAttribute('role'), 'img');
  const barSum = async () => (await histogram.locator('.histogram-bin .count').allTextContents()).reduce((a, t) => a + Number(t), 0);
  assert.match(await histogram.locator('title').first().textContent(), /to becoming a client \(n = 3\)$/);
  assert.equal(await barSum(), 3);
  await page.getByTestId('time-histogram-measure').selectOption({ label: 'Client experience' });
  // Client experience: A's first visit 01-20 → 09-01 (225 d) and E's 02-01 → 11-01 (274 d).
  await histogram.locator('title').filter({ hasText: 'Days in Client experience, finished visits (n = 2)' }).waitFor({ state: 'attached' });
  assert.equal(await barSum(), 2);
  await page.getByTestId('time-histogram-measure').selectOption({ label: 'Pre-purchase experience' });
  await histogram.locator('title').filter({ hasText: 'Days in Pre-purchase experience, finished visits (n = 3)' }).waitFor({ state: 'attached' });
  assert.equal(await barSum(), 3);

  // Content coverage (contacts per stage × event type): web_visit in pre-purchase A B C D E
  // (F's visit has no date) = 5, at least twice the row's average (8 contacts over 7 types):
  // marked ▲; project_start in client experience A B E = 3 (also ▲: the row has
  // project_end 2 and nothing else); no
  // project_start while in pre-purchase (it moves the contact to the client stage): a gap.
  const heatmap = page.getByTestId('coverage-heatmap').locator('svg');
  assert.equal(await heatmap.getAttribute('role'), 'img');
  const heat = async (row, type) => heatmap.evaluate((svg, [row, type]) => {
    const name = (t) => (t.querySelector('title') ? t.querySelector('title').textContent : t.textContent);
    const cols = [...svg.querySelectorAll('text.column-label')].map(name);
    const c = cols.indexOf(type);
    if (c < 0) return `no column ${type} in ${cols}`;
    return svg.querySelectorAll('g.cell')[row * cols.length + c].textContent;
  }, [row, type]);
  assert.equal(await heat(0, 'web_visit'), '5 ▲');
  assert.match(await heatmap.locator('desc').textContent(), /row average: [^.]*Pre-purchase experience \/ web_visit \(5\)/);
  assert.equal(await heat(1, 'project_start'), '3 ▲');
  assert.equal(await heat(0, 'project_start'), '0');
  assert.match(await heatmap.locator('desc').textContent(), /Gaps \(0\):[^.]*Pre-purchase experience \/ project_start/);
  assert.match(await page.getByTestId('coverage-heatmap').innerText(), /Gaps are hatched and marked 0/);

  // "Download SVG" of the flows chart gives the chart's markup.
  const [svgDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('flows-chart').getByRole('button', { name: 'Download SVG' }).click(),
  ]);
  assert.equal(svgDownload.suggestedFilename(), 'flows.svg');
  const svgPath = `${OUT}/metrics-flows.svg`;
  await svgDownload.saveAs(svgPath);
  const svgText = await readFile(svgPath, 'utf8');
  // The export writes an XML declaration first; the document's root is the <svg>.
  assert.match(svgText, /^(<\?xml [^>]*\?>\s*)?<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svgText, /Between-engagements experience → Client experience/);
  const headline = page.getByTestId('metrics-headline');
  const figure = async (slug) => (await headline.locator(`[data-figure="${slug}"] dd`).innerText()).replace(/\u00a0/g, ' ');
  assert.match(await figure('became-clients'), /^50 %\s+3 of 6$/);
  assert.match(await figure('time-to-convert'), /^22 d\s+n = 3$/);
  assert.match(await figure('win-rate'), /^67 %\s+2 of 3$/);

  // Outcome shares at the first decision point, and "not now" coming back.
  const hired = page.getByTestId('outcome-share-hired');
  assert.equal((await hired.locator('td.share').innerText()).replace(/\u00a0/g, ' '), '67 %');
  assert.equal((await page.getByTestId('outcome-share-no_way').locator('td.share').innerText()).replace(/\u00a0/g, ' '), '33 %');
  assert.match((await page.getByTestId('outcome-share-not_now').locator('td.came-back').innerText()).replace(/\u00a0/g, ' '), /^100 % \(1 of 1\)$/);

  // A definition shows on keyboard focus and is the label's description.
  const term = page.locator('[data-testid="metrics-stages"] thead .term[data-term="reached"]');
  await term.focus();
  const describedBy = await term.getAttribute('aria-describedby');
  const definition = page.locator(`[id="${describedBy}"]`);
  assert.ok(await definition.isVisible());
  assert.match(await definition.innerText(), /furthest stage is this one or a later one/);

  // Segments by the first event's channel.
  await page.getByTestId('segment-field').selectOption('channel');
  const web = page.getByTestId('segment-table').getByTestId('segment-web');
  assert.equal(await web.locator('td.contacts').innerText(), '3');
  assert.match((await web.locator('td.became').innerText()).replace(/\u00a0/g, ' '), /^33 % \(1\/3\)$/);
  const email = page.getByTestId('segment-table').getByTestId('segment-email');
  assert.match((await email.locator('td.became').innerText()).replace(/\u00a0/g, ' '), /^50 % \(1\/2\)$/);

  // Two periods by the month contacts entered: 2024-01 A and E (reached pre 2, client 2,
  // between 2, former 1: E), 2024-02 B (pre 1, client 1).
  await page.getByTestId('period-a').selectOption('2024-01');
  await page.getByTestId('period-b').selectOption('2024-02');
  const periods = page.getByTestId('period-chart').locator('svg');
  assert.equal(await periods.getAttribute('role'), 'img');
  await periods.locator('title').filter({ hasText: 'Contacts that reached each stage: 2024-01 and 2024-02' }).waitFor({ state: 'attached' });
  assert.equal(
    await periods.locator('desc').textContent(),
    '2024-01 compared with 2024-02: Pre-purchase experience: 2024-01 2, 2024-02 1; Client experience: 2024-01 2, 2024-02 1; '
      + 'Between-engagements experience: 2024-01 2, 2024-02 0; =1+2 Former: 2024-01 1, 2024-02 0.',
  );
  assert.deepEqual(await periods.locator('.comparison-row text.value').allTextContents(), ['2', '1', '2', '1', '2', '0', '1', '0']);

  // Terra incognita: too few contacts ever reached the client stage.
  const thin = page.getByTestId('terra-list').getByTestId('terra-client_experience').and(page.locator('[data-kind="thin"]'));
  assert.match(await thin.innerText(), /only 3 visits \(fewer than 5\)/);
  assert.match(await thin.innerText(), /events: .*project_start/);

  // What-if: every pre-purchase contact converting gives more clients than today.
  const result = page.getByTestId('whatif-result');
  const clients = async (col) => Number((await result.getByTestId('whatif-clients').locator(`td.${col}`).innerText()).replace(/,/g, ''));
  const base = await clients('baseline');
  assert.equal(await clients('projected'), base);
  await page.getByTestId('whatif-stage').selectOption({ label: 'Pre-purchase experience' });
  await page.getByTestId('whatif-conversion').fill('100');
  await page.waitForFunction((b) => {
    const td = document.querySelector('[data-testid="whatif-clients"] td.projected');
    return td && Number(td.innerText.replace(/,/g, '')) !== b;
  }, base);
  assert.ok((await clients('projected')) > base, 'a higher conversion projects more clients');
  await page.getByTestId('whatif-conversion').fill('10');
  await page.waitForFunction((b) => {
    const td = document.querySelector('[data-testid="whatif-clients"] td.projected');
    return td && Number(td.innerText.replace(/,/g, '')) < b;
  }, base);

  // A service level added through the form, kept in the map.
  await page.getByTestId('sla-from').selectOption('pre_purchase');
  await page.getByTestId('sla-to').selectOption('client_experience');
  await page.getByTestId('sla-days').fill('30');
  await page.getByTestId('sla-add').click();
  const sla = page.getByTestId('sla-pre_purchase-client_experience');
  await sla.waitFor();
  assert.deepEqual(
    [await sla.locator('td.met').innerText(), await sla.locator('td.breached').innerText(), await sla.locator('td.pending').innerText()],
    ['2', '3', '1'],
  );

  // The numbers on the map's stages.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const pre = page.locator('li.stage[data-stage-id="pre_purchase"]');
  assert.equal((await pre.getByTestId('stage-metrics').innerText()).replace(/\u00a0/g, ' '), '50 % → next · 22 d (n = 3)');

  // The CSV export: the figures, with the formula-like stage name neutralised.
  await page.getByTestId('metrics-tab').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('metrics-export').click()]);
  const csvPath = `${OUT}/${download.suggestedFilename()}`;
  await download.saveAs(csvPath);
  const csv = await readFile(csvPath, 'utf8');
  assert.match(csv, /^section,stage,metric,value,n\n/);
  assert.match(csv, /\nstage,Pre-purchase experience,reached,6,/);
  assert.match(csv, /\nstage,'=1\+2 Former,reached,1,/);
  assert.doesNotMatch(csv, /(^|\n|,)=1\+2/);
  await saved(page);
  const stored = await page.evaluate(() => {
    for (let i = 0; i < localStorage.length; i++) {
      const v = localStorage.getItem(localStorage.key(i));
      if (v.includes('service_levels')) return JSON.parse(v);
    }
    return null;
  });
  assert.ok(JSON.stringify(stored).includes('"days":30'), 'the service level is saved with the map');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo sample in Russian: every stage measured, definitions in Russian (screenshot)', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url, { locale: 'ru-RU' });
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor({ timeout: 20000 });
  const first = Number(await cell(page, 'pre_purchase', 'reached'));
  assert.ok(first > 0);
  for (const s of STAGES.slice(1)) {
    const n = Number(await cell(page, s, 'reached'));
    assert.ok(n <= first, `${s} reached no more than the first stage`);
  }
  await page.getByTestId('metrics-page').getByRole('heading', { name: 'Метрики' }).waitFor();
  await page.locator('[data-testid="metrics-stages"] thead .term[data-term="step"]').focus();
  await shot(page, 'metrics-ru');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo sample: flows, time, periods and coverage charts (screenshots)', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor({ timeout: 20000 });
  for (const id of ['flows-chart', 'time-histogram', 'period-chart', 'coverage-heatmap']) {
    const chart = page.getByTestId(id);
    await chart.locator('svg[role=img] .chart-downloads, svg[role=img]').first().waitFor();
    await chart.screenshot({ path: `${OUT}/metrics-${id}.png` });
    if (id === 'flows-chart') await chart.screenshot({ path: `${OUT}/metrics-flows.png` });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('engine.js gives the Metrics view\'s breakdowns: segments, periods, terra incognita and what-if, the same numbers', async () => {
  const path = `${OUT}/metrics-events-api.csv`;
  await writeFile(path, EVENTS);
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('button[data-template="hinge"]').click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-no-data').getByRole('link').click();
  await page.getByTestId('csv-input').setInputFiles(path);
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-summary').filter({ hasText: 'metrics-events-api.csv' }).waitFor();
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor();

  // What the view shows.
  const ui = { segments: {}, periods: {} };
  await page.getByTestId('segment-field').selectOption('channel');
  for (const value of ['web', 'email', 'event']) {
    const row = page.getByTestId('segment-table').getByTestId(`segment-${value}`);
    await row.waitFor();
    ui.segments[value] = [Number(await row.locator('td.contacts').innerText()),
      (await row.locator('td.became').innerText()).replace(/\u00a0/g, ' ').match(/\((\d+)\/(\d+)\)/).slice(1).map(Number)];
  }
  await page.getByTestId('period-a').selectOption('2024-01');
  await page.getByTestId('period-b').selectOption('2024-02');
  const chart = page.getByTestId('period-chart').locator('svg');
  await chart.locator('title').filter({ hasText: '2024-01 and 2024-02' }).waitFor({ state: 'attached' });
  const values = (await chart.locator('.comparison-row text.value').allTextContents()).map(Number);
  ui.periods['2024-01'] = values.filter((_, i) => i % 2 === 0);
  ui.periods['2024-02'] = values.filter((_, i) => i % 2 === 1);
  ui.terra = await page.getByTestId('terra-list').locator('[data-testid^="terra-"]').evaluateAll(
    (els) => els.map((e) => `${e.dataset.testid.slice(6)} ${e.dataset.kind}`));
  const result = page.getByTestId('whatif-result');
  const clients = async (col) => (await result.getByTestId('whatif-clients').locator(`td.${col}`).innerText()).replace(/,/g, '');
  ui.baseline = await clients('baseline');
  await page.getByTestId('whatif-stage').selectOption({ label: 'Pre-purchase experience' });
  await page.getByTestId('whatif-conversion').fill('100');
  await page.waitForFunction((b) => {
    const td = document.querySelector('[data-testid="whatif-clients"] td.projected');
    return td && td.innerText.replace(/,/g, '') !== b;
  }, ui.baseline);
  ui.projected = await clients('projected');

  // The same file through the JS module API, in a page of its own.
  const side = await context.newPage();
  await side.goto(`${app.server.url}examples/engine.html`);
  const api = await side.evaluate(async (csv) => {
    const { default: init, Session } = await import('../engine.js');
    await init();
    const s = new Session({});
    s.push(new TextEncoder().encode(csv));
    s.finish();
    const options = { model: 'hinge' };
    const segments = {};
    for (const seg of s.segments('channel', options)) {
      if (seg.label.kind === 'value') segments[seg.label.value] = [seg.contacts, [seg.report.becameClients.num, seg.report.becameClients.den]];
    }
    const periods = {};
    for (const p of s.periods('month', options)) periods[p.label] = p.report.stages.map((st) => st.reached);
    const stageIds = s.metrics(options).stages.map((st) => st.stage);
    const terra = s.terra(options).map((g) => `${g.stage} ${g.gap.kind}`);
    const thin = s.terra(options).find((g) => g.gap.kind === 'thin');
    const w = s.whatIf({ stage: 'pre_purchase', conversion: 1 }, options);
    let refused = '';
    try { s.whatIf({ stage: 'nowhere' }, options); } catch (e) { refused = e.message; }
    return { segments, periods, stageIds, terra, thin, w, refused, fields: s.segmentFields() };
  }, EVENTS);
  await side.close();

  assert.deepEqual(api.segments, ui.segments);
  assert.deepEqual(api.segments.web, [3, [1, 3]], 'as worked out by hand above');
  assert.deepEqual({ '2024-01': api.periods['2024-01'], '2024-02': api.periods['2024-02'] }, ui.periods);
  // The view names gaps by kind slug (no-data, thin, …); the API by kind.
  const slug = (k) => k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  assert.deepEqual(api.terra.map((t) => { const [s, k] = t.split(' '); return `${s} ${slug(k)}`; }), ui.terra);
  assert.deepEqual([api.thin.stage, api.thin.gap.visits, api.thin.gap.min], ['client_experience', 3, 5]);
  assert.equal(api.w.baseline.clients.toFixed(1), ui.baseline);
  assert.equal(api.w.projected.clients.toFixed(1), ui.projected);
  assert.ok(api.w.projected.clients > api.w.baseline.clients);
  assert.match(api.refused, /whatIf: the map has no stage "nowhere"/);
  assert.ok(api.fields.includes('channel'));
  assert.deepEqual(errors, []);
  await context.close();
});
