// End-to-end: import a CRM export through the UI, classify it, explain a contact, keep it over a
// reload; edit the rules; and the JS module API from a plain page.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { duckDb } from './duckdb.mjs';
import { dealsExport } from './fixtures.mjs';
import { OUT, openApp, saved, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

// A HubSpot contacts export (UTF-8 with a byte-order mark). Line 6 has a field too few.
// With Act-On's default rules, worked out by hand:
//   customer ×2 → Expand; opportunity → Convert; marketingqualifiedlead → Nurture;
//   lead, subscriber → Capture; no lifecycle stage and no events → not placed.
//   Accounts: Acme (Ann, Eve) → Expand, Globex → Expand, Initech (Cid, Fay) → Convert,
//   Umbrella → Nurture.
const HUBSPOT = '\uFEFF' + [
  'Record ID,First Name,Last Name,Email,Company Name,Lifecycle Stage,Create Date,Became a Customer Date,Original Source',
  '1,Ann,Lee,ann@acme.example,Acme,customer,2024-01-05,2024-03-01,Referrals',
  '2,Bob,Kim,bob@globex.example,Globex,customer,2024-01-06,2024-02-20,Organic Search',
  '3,Cid,Park,cid@initech.example,Initech,opportunity,2024-02-01,,Paid Search',
  '4,Dee,Choi,dee@umbrella.example,Umbrella,marketingqualifiedlead,2024-02-11,,Social Media',
  '5,Bad,Row,bad@example.com,Nowhere,lead',
  '6,Eve,Jung,eve@acme.example,Acme,lead,2024-03-01,,Email Marketing',
  '7,Fay,Han,fay@initech.example,Initech,subscriber,2024-03-02,,Direct Traffic',
  '8,Gus,Yoon,gus@example.com,,,2024-03-03,,Offline Sources',
].join('\r\n') + '\r\n';

async function tally(page) {
  const rows = page.getByTestId('stage-tally').locator('tbody tr');
  await rows.first().waitFor();
  const out = {};
  for (const row of await rows.all()) {
    const id = (await row.getAttribute('data-testid')).replace('tally-', '');
    const cells = await row.locator('td.n').allInnerTexts();
    out[id] = [Number(cells[0]), Number(cells[1])];
  }
  return out;
}

// Opens the app, starts a map from `template`, and picks the file at `path` on its Data tab.
async function importInto(template, path) {
  const opened = await openApp(app.browser, app.server.url);
  const { page } = opened;
  await page.locator(`button[data-template="${template}"]`).click();
  await page.locator('li.stage').first().waitFor();
  await page.getByTestId('data-tab').click();
  await page.getByTestId('csv-input').setInputFiles(path);
  return opened;
}

test('import a HubSpot export: map columns, counts per stage, why a contact is there, kept after reload', async () => {
  const path = `${OUT}/hubspot-contacts.csv`;
  await writeFile(path, HUBSPOT);
  const { context, page, errors } = await importInto('act_on', path);

  // The column-mapping step recognises the export and lets a column be changed.
  const wizard = page.getByTestId('import-wizard');
  await wizard.waitFor();
  assert.equal(await page.getByTestId('preset').inputValue(), 'hub_spot_contacts');
  assert.equal(await page.getByTestId('encoding').inputValue(), 'utf8');
  assert.equal(await page.getByTestId('delimiter').inputValue(), 'comma');
  assert.equal(await wizard.locator('tbody tr').count(), 8);
  const source = page.getByLabel('Use column “Original Source” as');
  assert.equal(await source.inputValue(), 'source');
  await source.selectOption('ignore');
  await shot(page, 'data-mapping');
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();

  await page.getByTestId('data-summary').filter({ hasText: '8 rows read' }).waitFor();
  assert.match(await page.getByTestId('data-summary').innerText(), /7 contacts, 4 accounts/);
  const counts = await tally(page);
  assert.deepEqual(counts, {
    attract: [0, 0],
    capture: [2, 0],
    nurture: [1, 1],
    convert: [1, 1],
    expand: [2, 2],
    unplaced: [1, 0],
  });
  await page.getByTestId('bad-rows').locator('summary').click();
  assert.match(await page.getByTestId('bad-rows').innerText(), /Line 6: 6 fields, expected 9 \(skipped\)/);

  // Why Ann is where she is.
  await page.getByTestId('contact-search').fill('ann');
  await page.locator('.contact').filter({ hasText: 'Ann Lee' }).click();
  const why = page.getByTestId('why');
  await why.waitFor();
  assert.equal(await page.getByTestId('why-stage').innerText(), 'Expand');
  const decided = why.locator('li.step.matched').filter({ hasText: 'stage expand when' });
  assert.equal(await decided.count(), 1);
  assert.match(await decided.innerText(), /status = customer/);
  await shot(page, 'data-why');

  // The map shows the counts on its stages.
  await page.getByRole('link', { name: 'Map', exact: true }).click();
  const expand = page.locator('li.stage').filter({ has: page.getByRole('heading', { name: 'Expand' }) });
  assert.equal(await expand.getByTestId('stage-count').innerText(), '2 contacts');

  // A reload reads the file back from IndexedDB, with the same choices.
  await saved(page);
  await page.reload();
  await page.getByTestId('data-tab').click();
  await page.getByTestId('data-summary').filter({ hasText: 'hubspot-contacts.csv' }).waitFor();
  assert.deepEqual(await tally(page), counts);
  // A rule on a column that was read as the status names nobody: the editor says why and
  // what to write instead; a rule on the built-in field clears the warning.
  const rulesText = page.getByTestId('rules-text');
  const unknown = page.getByTestId('rules-unknown-fields');
  assert.equal(await unknown.count(), 0);
  await rulesText.fill('# by the CRM field\nstage expand when field "Lifecycle Stage" = "customer"\nstage capture when region = "EU"');
  await page.getByTestId('apply-rules').click();
  await unknown.waitFor();
  assert.equal(
    await unknown.innerText(),
    'Rule 2: “Lifecycle Stage” is not a field of the data, so a condition on it never holds. ' +
      'The file\'s column of that name was imported as “Stage or status”: write status instead.\n' +
      'Rule 3: “region” is not a field of the data, so a condition on it never holds.',
  );
  assert.equal((await tally(page)).expand[0], 0);
  await shot(page, 'data-rules-unknown-field');
  await rulesText.fill('stage expand when status = "customer"');
  await page.getByTestId('apply-rules').click();
  await unknown.waitFor({ state: 'detached' });
  assert.equal((await tally(page)).expand[0], 2);

  const stored = await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('journey-mapper');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => ok(r.result);
    });
    return all.map((d) => ({ bytes: d.bytes, meta: JSON.parse(d.meta_json) }));
  });
  assert.equal(stored.length, 1);
  assert.equal(stored[0].meta.file_name, 'hubspot-contacts.csv');
  assert.equal(stored[0].meta.options.mapping.roles.at(-1), 'ignore');

  // Delete: gone from the page and from storage, the map itself unchanged.
  await page.getByRole('button', { name: 'Delete imported data' }).click();
  await page.getByTestId('data-status').filter({ hasText: 'Imported data deleted' }).waitFor();
  await page.reload();
  await page.getByTestId('data-tab').click();
  await page.getByText('No data imported for this map yet.').waitFor();
  assert.equal(await page.locator('li.stage').count(), 0); // data view only
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deals export with snake_case headers imports with no hand mapping; its figures match an independent count; rules that place nobody are warned about', async () => {
  const { csv, expect, outcomes, accounts } = dealsExport();
  const path = `${OUT}/sales_pipeline.csv`;
  await writeFile(path, csv);
  const { context, page, errors } = await importInto('hinge', path);

  // Nothing to map by hand: each column already has the role its name says.
  const wizard = page.getByTestId('import-wizard');
  await wizard.waitFor();
  assert.equal(await page.getByTestId('preset').inputValue(), 'custom');
  const roles = {};
  for (const column of ['opportunity_id', 'sales_agent', 'product', 'account', 'deal_stage', 'engage_date', 'close_date', 'close_value']) {
    roles[column] = await page.getByLabel(`Use column “${column}” as`).inputValue();
  }
  assert.deepEqual(roles, {
    opportunity_id: 'id', sales_agent: 'owner', product: 'keep', account: 'account',
    deal_stage: 'status', engage_date: 'created', close_date: 'closed', close_value: 'amount',
  });
  await shot(page, 'data-snake-case-mapping');
  await wizard.getByRole('button', { name: 'Import', exact: true }).click();

  await page.getByTestId('data-summary').filter({ hasText: '240 rows read' }).waitFor();
  assert.match(await page.getByTestId('data-summary').innerText(), new RegExp(`240 contacts, ${accounts} accounts`));
  assert.deepEqual(await tally(page), expect);
  const outcomeCount = async (id) => Number(await page.getByTestId(`outcome-${id}`).locator('strong').innerText());
  assert.equal(await outcomeCount('hired'), outcomes.hired);
  assert.equal(await outcomeCount('no_way'), outcomes.no_way);
  assert.equal(await page.getByTestId('data-warnings').count(), 0, 'placed data has no warning');
  await shot(page, 'data-snake-case-tally');

  // The same rules as SQL for a warehouse: the download reads the file by its name and, run in
  // DuckDB on that file, counts what the tally shows.
  const sqlButton = page.getByTestId('rules-sql');
  assert.equal(await sqlButton.getAttribute('aria-describedby'), 'rules-sql-hint');
  const [download] = await Promise.all([page.waitForEvent('download'), sqlButton.click()]);
  assert.equal(download.suggestedFilename(), 'rules.sql');
  const sql = await readFile(await download.path(), 'utf8');
  assert.match(sql, /read_csv\('sales_pipeline\.csv'/);
  const db = await duckDb({ 'sales_pipeline.csv': csv });
  const counted = {};
  for (const row of db.query(sql)) {
    if (row.figure === 'stage') counted[row.id ?? 'unplaced'] = row.contacts;
    else if (row.id) counted[`outcome ${row.id}`] = row.contacts;
  }
  for (const [stage, [contacts]] of Object.entries(expect)) assert.equal(counted[stage] ?? 0, contacts, stage);
  assert.equal(counted['outcome hired'], outcomes.hired);
  assert.equal(counted['outcome no_way'], outcomes.no_way);

  // Rules that test a status this file spells otherwise place nobody: said above the table.
  await page.getByTestId('rules-text').fill('stage client_experience when status = "Closed Won"');
  await page.getByTestId('apply-rules').click();
  const warning = page.getByTestId('data-warnings');
  await warning.waitFor();
  assert.match(await warning.innerText(), /^None of the 240 contacts matched a stage rule, so every stage below is empty\./);
  assert.equal((await tally(page)).unplaced[0], 240);
  await shot(page, 'data-nothing-placed');
  await page.getByTestId('rules-text').fill('stage client_experience when status = "Won"');
  await page.getByTestId('apply-rules').click();
  await warning.waitFor({ state: 'detached' });
  assert.equal((await tally(page)).unplaced[0], 240 - (expect.client_experience[0] + expect.between_engagements[0]));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a lookup table joined by account is read by rules, kept after a reload, exported in the SQL, and removed', async () => {
  const { csv } = dealsExport();
  const path = `${OUT}/sales_pipeline_lookup.csv`;
  await writeFile(path, csv);
  // Accounts 01–10 in software, 11–20 in retail, the rest in no row; keys in upper case or
  // with spaces still match.
  const sectorOf = (n) => (n <= 10 ? 'Software' : n <= 20 ? 'Retail' : null);
  const lookupRows = [];
  for (let n = 1; n <= 20; n++) {
    const name = `Account ${String(n).padStart(2, '0')}`;
    lookupRows.push(`${n % 3 === 0 ? ` ${name.toUpperCase()} ` : name},${sectorOf(n)},${n * 10}`);
  }
  const sectors = `${OUT}/account_sectors.csv`;
  await writeFile(sectors, `account,Sector,employees\n${lookupRows.join('\n')}\n`);
  const { context, page, errors } = await importInto('hinge', path);
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-summary').filter({ hasText: '240 rows read' }).waitFor();

  // Worked out here from the CSV: wins at software accounts; deals whose account is listed.
  const rows = csv.trim().split('\n').slice(1).map((l) => l.split(','));
  const numberOf = (account) => Number(account.replace('Account ', '')) || 99;
  const software = rows.filter((r) => r[4] === 'Won' && sectorOf(numberOf(r[3])) === 'Software').length;
  const matched = rows.filter((r) => sectorOf(numberOf(r[3]))).length;
  assert.ok(software > 0 && matched < 240, `${software} ${matched}`);

  // A one-column file is refused with a reason; the data stays as it was.
  const bad = `${OUT}/one-column.csv`;
  await writeFile(bad, 'account\nAccount 01\n');
  await page.getByTestId('lookup-input').setInputFiles(bad);
  assert.equal(await page.getByTestId('lookup-problem').innerText(), 'A lookup table needs a key column and at least one more column.');

  await page.getByTestId('lookup-input').setInputFiles(sectors);
  await page.getByTestId('lookup-form').waitFor();
  // The key column is named like a contact field: the form starts on it and on that field.
  assert.equal(await page.getByTestId('lookup-by').inputValue(), 'account');
  assert.equal(await page.getByTestId('lookup-key').inputValue(), '0');
  await shot(page, 'data-lookup-form');
  await page.getByTestId('lookup-join').click();
  const joined = page.getByTestId('lookup-joined');
  await joined.waitFor();
  assert.equal((await joined.innerText()).replace(/\s+Remove$/, ''),
    `account_sectors.csv, joined by account: ${matched} of 240 contacts matched; adds sector, employees.`);

  await page.getByTestId('rules-text').fill('stage client_experience when status = "Won" and sector = "software"\nstage pre_purchase when status present');
  await page.getByTestId('apply-rules').click();
  await page.waitForFunction((n) => document.querySelector('[data-testid="tally-client_experience"] td.n')?.innerText === String(n), software);
  assert.equal((await tally(page)).pre_purchase[0], 240 - software);
  await shot(page, 'data-lookup-joined');

  // Kept with the data: a reload reads the file back and joins the table again.
  await saved(page);
  await page.reload();
  await page.getByTestId('data-tab').click();
  await joined.waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid="tally-client_experience"] td.n')?.innerText === String(n), software);

  // The SQL export carries the table: DuckDB on the same file counts the same.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rules-sql').click()]);
  const sql = await readFile(await download.path(), 'utf8');
  assert.match(sql, /-- lookup 1: account_sectors\.csv by account/);
  const db = await duckDb({ 'sales_pipeline_lookup.csv': csv });
  const counted = Object.fromEntries(db.query(sql).filter((r) => r.figure === 'stage').map((r) => [r.id, r.contacts]));
  assert.equal(counted.client_experience, software);
  assert.equal(counted.pre_purchase, 240 - software);

  // Removed: the rule on its column places nobody in the client stage again.
  await joined.getByRole('button', { name: 'Remove lookup table account_sectors.csv' }).click();
  await joined.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('[data-testid="tally-client_experience"] td.n')?.innerText === '0');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the demo map opens with sample data; a rule typo is named and kept, a fixed rule re-classifies', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('data-tab').click();
  await page.getByTestId('data-summary').filter({ hasText: 'sample-hinge.csv' }).waitFor();
  const before = await tally(page);
  for (const stage of ['pre_purchase', 'client_experience', 'between_engagements', 'former_client']) {
    assert.ok(before[stage][0] > 0, `the sample reaches ${stage}`);
  }
  const total = Object.values(before).reduce((n, [c]) => n + c, 0);
  await shot(page, 'data-sample');

  const text = page.getByTestId('rules-text');
  await text.fill('stage client_experience when count any >= 1\nstage pre_purchase when status presnt');
  await page.getByTestId('apply-rules').click();
  const error = page.getByTestId('rules-error');
  await error.waitFor();
  assert.match(await error.innerText(), /^Line 2, column 32: expected a test .*, found “presnt”/);
  assert.match(await text.inputValue(), /status presnt$/);
  assert.deepEqual(await tally(page), before, 'a bad rule changes nothing');

  await text.fill('stage client_experience when count any >= 1');
  await page.getByTestId('apply-rules').click();
  await error.waitFor({ state: 'detached' });
  const after = await tally(page);
  assert.deepEqual(after.client_experience, [total, before.client_experience[1] + before.pre_purchase[1] + before.between_engagements[1] + before.former_client[1]]);
  assert.equal(after.pre_purchase[0], 0);

  // The form adds a rule before the catch-all, and Ctrl+Z takes it back.
  const form = page.getByTestId('rule-builder');
  await page.getByTestId('rule-target').selectOption('former_client');
  await page.getByTestId('rule-field').fill('id');
  await page.getByTestId('rule-test').selectOption({ label: 'is one of (comma-separated)' });
  await page.getByTestId('rule-value').fill('C0000001, C0000002');
  await page.getByTestId('add-rule').click();
  assert.equal(
    await text.inputValue(),
    'stage former_client when id in ("C0000001", "C0000002")\nstage client_experience when count any >= 1\n',
  );
  const withTwo = await tally(page);
  assert.equal(withTwo.former_client[0], 2);
  assert.equal(withTwo.client_experience[0], total - 2);
  await page.getByTestId('rule-target').selectOption('');
  await page.getByTestId('add-rule').click();
  assert.equal(await form.getByTestId('rule-form-error').innerText(), 'Choose a stage or an outcome.');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  assert.equal(await text.inputValue(), 'stage client_experience when count any >= 1');
  await shot(page, 'data-rules');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the JS module API: the example page and classifyCsv / Session from a plain page', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${app.server.url}examples/engine.html`);
  const rows = page.locator('#stages tbody tr');
  await rows.first().waitFor();
  assert.equal(await rows.count(), 4, 'the four Hinge phases');
  assert.match(await page.locator('#summary').innerText(), /^\d+ rows, 40 contacts, 0 rows skipped, 0 not placed by any rule\.$/);
  assert.equal(await page.locator('body > *:not(script)').count() > 0, true);
  assert.equal(await page.locator('.app-bar').count(), 0, 'the app does not mount into a page that only uses the engine');

  const result = await page.evaluate(async () => {
    const { classifyCsv, Session, checkRules } = await import('../engine.js');
    const csv = 'contact,account,time,type\nann,acme,2024-03-01,demo_request\nann,acme,2024-03-02,contract_signed\n' +
      'bob,acme,2024-03-03,page_view\ncid,globex,2024-03-04,page_view\ndee,,not a date,page_view\n';
    const rules = 'engage +25 per "demo_request"\nengage +1 per "page_view"\n' +
      'stage customer when count "contract_signed" >= 1\nstage lead when score >= 1';
    const whole = classifyCsv(csv, { rules });
    const s = new Session();
    const bytes = new TextEncoder().encode(csv);
    for (let i = 0; i < bytes.length; i += 7) s.push(bytes.subarray(i, i + 7));
    const report = s.finish();
    const streamed = s.classify({ rules, contacts: false });
    let thrown = null;
    try { classifyCsv(csv, { rules: 'stage when' }); } catch (e) { thrown = e.message; }
    const metrics = s.metrics({
      model: 'hinge',
      rules: 'stage client_experience when count "contract_signed" >= 1\nstage pre_purchase when count any >= 1',
    });
    let noMap = null;
    try { s.metrics({ rules }); } catch (e) { noMap = e.message; }
    const deals = 'opportunity_id,deal_stage,close_date\n1,Won,2024-03-01\n2,Lost,2024-03-02\n';
    const onStage = 'stage won when deal_stage = "Won"';
    const flagged = classifyCsv(deals, { rules: onStage, mapping: { shape: 'records', roles: ['id', 'status', 'closed'] } });
    let badFields = null;
    try { checkRules(onStage, 'deal_stage'); } catch (e) { badFields = e.message; }
    // snake_case headers need no mapping; the result says which was used, and warns when
    // the rules place nobody. A Session obeys a preset asked for.
    const snake = classifyCsv('opportunity_id,deal_stage,close_value\nA1,Won,10\nA2,Lost,0\n', { rules: 'stage won when status = "Won"' });
    const nobody = classifyCsv('opportunity_id,deal_stage\nA1,Won\n', { rules: 'stage won when status = "Closed Won"' });
    const asked = new Session({ preset: 'hub_spot_deals' });
    asked.push(new TextEncoder().encode('id,title,stage,value\n1,x,Won,5\n'));
    const askedReport = asked.finish();
    return {
      whole, report, streamed, thrown, check: checkRules('warm at'), metrics, noMap, flagged, badFields,
      snake, nobody, askedReport,
      unknownField: checkRules('# deals\n\nstage won when  Deal_Stage = "Won"', ['sector']),
      knownField: checkRules('stage won when status = "Won" and sector present', ['sector']),
      noFields: checkRules(onStage),
    };
  });
  assert.deepEqual(result.whole.stages.map((s) => [s.id, s.contacts, s.accounts]), [['customer', 1, 1], ['lead', 2, 1]]);
  assert.equal(result.whole.badRowCount, 1);
  assert.equal(result.whole.contacts.find((c) => c.id === 'ann').score, 25);
  assert.deepEqual(result.streamed.stages, result.whole.stages);
  assert.equal(result.report.rows, 5);
  assert.match(result.thrown, /^rules: line 1/);
  assert.equal(result.check.line, 1);
  // A rule on a field the data has not: flagged by classifyCsv, and by checkRules given the fields.
  assert.equal(result.flagged.stages[0].contacts, 0);
  assert.deepEqual(result.flagged.unknownFields,
    [{ field: 'deal_stage', rules: [0], column: { kind: 'readAs', role: 'status', field: 'status' } }]);
  assert.deepEqual(result.unknownField, {
    line: 3, column: 17, field: 'Deal_Stage',
    message: 'unknown field "Deal_Stage": it is not a built-in field and no column has it, so the condition never holds',
  });
  assert.equal(result.knownField, null);
  assert.equal(result.noFields, null);
  assert.match(result.badFields, /^fields: give the data's column names as an array of strings/);
  assert.equal(result.snake.preset, 'custom');
  assert.deepEqual(result.snake.mapping, { shape: 'records', roles: ['id', 'status', 'amount'] });
  assert.deepEqual(result.snake.headers, ['opportunity_id', 'deal_stage', 'close_value']);
  assert.deepEqual(result.snake.stages.map((s) => [s.id, s.contacts]), [['won', 1]]);
  assert.deepEqual(result.snake.warnings, []);
  assert.deepEqual(result.nobody.warnings, [{ kind: 'nothingPlaced', contacts: 1 }]);
  assert.equal(result.askedReport.preset, 'hub_spot_deals');
  assert.deepEqual(result.askedReport.mapping.roles, ['keep', 'keep', 'keep', 'keep']);
  assert.equal(result.askedReport.badRowCount, 0);
  assert.equal(result.askedReport.bad_row_count, undefined);
  // Metrics against the Hinge phases: ann was a prospect on 1 March and a client on 2 March;
  // bob and cid are prospects; dee's row has no date and was skipped.
  const m = result.metrics;
  assert.deepEqual(m.stages.map((s) => [s.stage, s.reached, s.now]),
    [['pre_purchase', 3, 2], ['client_experience', 1, 1], ['between_engagements', 0, 0], ['former_client', 0, 0]]);
  assert.deepEqual(m.becameClients, { num: 1, den: 3 });
  assert.equal(m.timeToConvert.median, 1);
  assert.deepEqual(m.stages[0].time.days, [1]);
  assert.match(result.noMap, /^options: metrics need a map or a model/);
  assert.deepEqual(errors, []);
  await context.close();
});
