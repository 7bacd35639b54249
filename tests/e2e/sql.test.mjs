// End-to-end: rules exported as SQL (engine.js `rulesSql`) run in DuckDB (the wasm build in
// the dev dependencies, in Node) on the same files and place every contact where the engine
// places it: the same stage, outcome, temperature, qualification and sentiment per contact,
// and the same counts from the query's own last SELECT.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { duckDb } from './duckdb.mjs';
import { dealsExport } from './fixtures.mjs';
import { useServedApp } from './harness.mjs';

const app = useServedApp();

// A records file as people keep them: US dates in several forms, an offset, epoch seconds and
// milliseconds, amounts with currency and grouping, a deal on two rows (later non-empty values
// win), a row with too many fields and one with no id (both skipped), untrimmed cells.
const MESSY = [
  'Deal ID,Deal Name,Company,Stage,Created,Close Date,Amount,Owner,Industry,Employees,NPS,Notes',
  'D1, Acme renewal ,Acme,Closed Won,3/5/2024,6/30/2024 10:20 PM,"$12,500.00",ann,Software,120,9,',
  'D2,Globex pilot,Globex,closed lost,2024-01-15T09:00:00+03:00,2024-02-01,"1.234,50 €",bob,Retail,40,,timing',
  'D3,Initech,Initech,Negotiation,1704067200,,(1200),ann,IT services,600,,',
  'D4,,,Prospecting,,,,,,,,',
  'D1,,,,,,"13,000",,,,10,',
  'D5,Bad dates,Hooli,Closed Won,31/12/2024,2024-13-01,abc,cid,Software,x,3,',
  'D6,Too,many,fields,here,x,x,x,x,x,x,x,x',
  ',No id,Acme,Lead,2024-05-05,,,,,,,',
  'D7,Epoch ms,Umbrella,Closed Won,1717200000000,2024-06-01 08:00,$ 5 000,dee,Software,75,8,',
  'D8,Late,Acme,closed won,12/1/2024 9:05 am,12/20/2024,"2,500",ann,Retail,12,6,price',
  'D9,Dots,Stark,Closed Won,5.3.2024,20.6.2024,1 234,eve,Software,300,,',
].join('\n') + '\n';

const MESSY_MAPPING = {
  shape: 'records',
  roles: ['id', 'name', 'account', 'status', 'created', 'closed', 'amount', 'owner', 'keep', 'keep', 'keep', 'keep'],
};

const MESSY_RULES = `# every kind of field test
fit +10 when industry in ("Software", "IT services")
fit +5 when employees range 50..500
fit -3 when notes contains "TIM"
fit +1 when score >= 10
fit +2 when name = "acme renewal" or amount = "13000"
warm at 10
hot at 16
mql at 5
sql at 15
stage client when status = "Closed Won" and closed within 200d
stage lost when status = "closed lost" or amount < 0
stage old_win when status = "closed won" and closed < 2024-07-01
stage open when created range 2024-01-01..2024-12-31 or status present
outcome big when at client and amount >= 10000
outcome small when at client
outcome lost_on_time when at lost and notes = "timing"
advocate when nps range 9..10
detractor when nps range 0..6
`;

// Two lookup tables: teams by owner (keys in another case and untrimmed, a duplicate key, a
// column named like a built-in), then team leads by the team the first one added.
const LOOKUPS = [
  { csv: 'agent;Team;Office;name\nANN;Red;Paris;x\nbob;Blue;;y\n cid ;Red;Seoul;z\nann;Green;Rome;w\n', by: 'owner', key: 'AGENT', name: 'teams.csv' },
  { csv: 'team,lead\nred,Rita\nblue,Bo\n', by: 'team' },
];
const LOOKUP_RULES = `fit +7 when team = "red"
fit +1 when lead present
stage paris when office = "Paris" and owner_name = "x"
stage blue when lead = "bo"
stage red when team = "Red"
stage other when status present
outcome no_office when office missing
`;

const EVENT_RULES = `engage +3 per "email_click" half-life 30d within 90d
engage +1 per any within 60d
engage +20 per "proposal_request"
warm at 10
hot at 30
sql at 25
stage buyer when count "contract_signed" >= 1 and not last "churned" within 400d
stage active when last any within 30d or score >= 30
stage early when first "web_visit" after 2025-06-01
stage old when first any before 2025-03-01
stage rest when count any >= 1
outcome engaged when at active and count "meeting" >= 2 within 90d
outcome cooled when not at buyer and last "email_open" within 120d
`;

/** Runs each case's classification in the engine and its SQL in DuckDB. */
async function compare(cases) {
  const { context, page } = await (async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.server.url}examples/engine.html`);
    return { context, page };
  })();
  const results = await page.evaluate(async (cases) => {
    const { default: init, classifyCsv, rulesSql, sampleCsv } = await import('../engine.js');
    await init();
    return cases.map((c) => {
      const csv = c.csv ?? sampleCsv(c.sample, c.contacts, 3);
      const r = classifyCsv(csv, c.options);
      return {
        name: c.name,
        csv,
        sql: rulesSql(csv, c.options, c.file),
        contacts: r.contacts.map((x) => [x.id, x.stage, x.outcome, x.temperature, x.qualification, x.sentiment]),
        stages: Object.fromEntries([...r.stages, ...r.unknownStages].filter((s) => s.contacts > 0).map((s) => [s.id, s.contacts])),
        unplaced: r.unplaced,
        outcomes: Object.fromEntries(r.outcomes.filter((o) => o.contacts > 0).map((o) => [o.id, o.contacts])),
        noOutcome: r.noOutcome,
      };
    });
  }, cases);
  await context.close();
  const out = [];
  for (const [i, r] of results.entries()) {
    const db = await duckDb({ [cases[i].file]: r.csv });
    // The query's own counts.
    const rows = db.query(r.sql);
    const stages = {};
    const outcomes = {};
    let unplaced = 0;
    let noOutcome = 0;
    for (const row of rows) {
      if (row.figure === 'stage') {
        if (row.id === null) unplaced = row.contacts; else stages[row.id] = row.contacts;
      } else if (row.id === null) noOutcome = row.contacts; else outcomes[row.id] = row.contacts;
    }
    assert.deepEqual({ stages, unplaced, outcomes, noOutcome },
      { stages: r.stages, unplaced: r.unplaced, outcomes: r.outcomes, noOutcome: r.noOutcome }, `${r.name}: counts`);
    // Every contact, through the query's `placed` step.
    const body = r.sql.slice(0, r.sql.lastIndexOf('\nSELECT figure'));
    const placed = db.query(`${body}\nSELECT id, stage, outcome, temperature, qualification, sentiment FROM placed ORDER BY id`)
      .map((p) => [p.id, p.stage, p.outcome, p.temperature, p.qualification, p.sentiment]);
    const engine = [...r.contacts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    assert.equal(placed.length, engine.length, `${r.name}: contacts`);
    assert.deepEqual(placed, engine, `${r.name}: every contact`);
    out.push({ name: r.name, contacts: engine.length, stages: r.stages, sql: r.sql });
  }
  return out;
}

test('rules exported as SQL place every contact in DuckDB where the engine places it', async () => {
  const { csv: deals, expect } = dealsExport();
  const cases = [
    ...['hinge', 'scaleo', 'act_on', 'martech'].map((m) => ({
      name: `${m} sample`, sample: m, contacts: 400, options: { model: m }, file: `${m}.csv`,
    })),
    { name: 'event rules', sample: 'hinge', contacts: 400, options: { rules: EVENT_RULES }, file: 'events.csv' },
    { name: 'deals export', csv: deals, options: { model: 'hinge' }, file: 'sales_pipeline.csv' },
    { name: 'messy records', csv: MESSY, options: { rules: MESSY_RULES, mapping: MESSY_MAPPING }, file: 'deals.csv' },
    { name: 'messy records with lookups', csv: MESSY, options: { rules: LOOKUP_RULES, mapping: MESSY_MAPPING, lookups: LOOKUPS }, file: 'deals.csv' },
  ];
  const out = await compare(cases);
  for (const o of out) console.log(`${o.name}: ${o.contacts} contacts, ${JSON.stringify(o.stages)}`);
  // The cases mean something: contacts in several stages each, the deals export as the
  // independent count in fixtures.mjs says.
  for (const o of out) assert.ok(Object.keys(o.stages).length >= 2, `${o.name} places contacts in several stages`);
  const deal = out.find((o) => o.name === 'deals export');
  assert.equal(deal.stages.client_experience, expect.client_experience[0]);
  assert.equal(deal.stages.pre_purchase, expect.pre_purchase[0]);
  const messy = out.find((o) => o.name === 'messy records');
  assert.equal(messy.contacts, 8, 'D1…D9 but D6 (too many fields); the row with no id is skipped');
  assert.match(messy.sql, /read_csv\('deals\.csv'/);
});

test('SQL for an as-of day before the file ends is refused with a reason', async () => {
  const context = await app.browser.newContext();
  const page = await context.newPage();
  await page.goto(`${app.server.url}examples/engine.html`);
  const message = await page.evaluate(async () => {
    const { default: init, rulesSql, sampleCsv } = await import('../engine.js');
    await init();
    try {
      rulesSql(sampleCsv('hinge', 50, 1), { model: 'hinge', asOf: '2000-01-01' });
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(message, /asOf: SQL classifies with everything the file says/);
  await context.close();
});
