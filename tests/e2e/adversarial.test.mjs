// End-to-end: every case of the adversarial corpus (tests/adversarial/corpus.mjs) through the
// release build in Chromium — map files through Import, rules through engine.js and the rules
// editor, shared links, CSV files and options through engine.js. Each case must end in a clear
// message or a correct result within LIMIT_MS, leave what is stored as it was, and leave the page
// working. Prints a table of every case and its time.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { OUT, openApp, saved, shot, storedEntries, useServedApp } from './harness.mjs';
import * as corpus from '../adversarial/corpus.mjs';

const app = useServedApp();
mkdirSync(`${OUT}/adversarial`, { recursive: true });
// The bound: a message or a result within 2 s of the input.
const LIMIT_MS = Number(process.env.ADVERSARIAL_LIMIT_MS ?? 2000);
const table = [];
const record = (kind, name, ms, outcome) => table.push({ kind, name, ms: Math.round(ms), outcome });

test.after(() => {
  console.log(`\nadversarial corpus: ${table.length} of ${corpus.count} cases`);
  for (const r of table) console.log(`  ${r.kind.padEnd(6)} ${String(r.ms).padStart(6)} ms  ${r.name} → ${r.outcome}`);
  const slowest = [...table].sort((a, b) => b.ms - a.ms)[0];
  if (slowest) console.log(`  slowest: ${slowest.name} (${slowest.ms} ms)`);
});

/** The good map file every map case starts from: the Hinge template, as engine.js makes it. */
async function goodFile(page) {
  return page.evaluate(async () => {
    const { default: init, templateMap } = await import(new URL('engine.js', location.href).href);
    await init();
    return { format: 'journey-mapper/map', version: 1, exported: '2026-12-01T00:00:00Z', map: templateMap('hinge') };
  });
}

/** Loads engine.js into the page once, as `window.__engine`. */
async function engineIn(page) {
  await page.evaluate(async () => {
    if (window.__engine) return;
    const m = await import(new URL('engine.js', location.href).href);
    await m.default();
    window.__engine = m;
  });
}

test('rules: every hostile rules text gets its message or parses, and the engine keeps working', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await engineIn(page);
  for (const c of corpus.rules) {
    const { ms, problem, version } = await page.evaluate((text) => {
      const t = performance.now();
      const problem = window.__engine.checkRules(text);
      return { ms: performance.now() - t, problem, version: window.__engine.engineVersion() };
    }, c.text);
    if (c.ok) assert.equal(problem, null, `${c.name}: ${JSON.stringify(problem)}`);
    else {
      assert.ok(problem, `${c.name} parsed`);
      assert.match(`line":${problem.line} ${problem.message}`, c.error, c.name);
      assert.ok(problem.line >= 1 && problem.column >= 1, c.name);
    }
    assert.match(version, /^\d+\.\d+\.\d+/, `${c.name}: the engine still answers`);
    assert.ok(ms < LIMIT_MS, `${c.name}: ${ms} ms`);
    record('rules', c.name, ms, c.ok ? 'parses' : problem.message.slice(0, 40));
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('rules in the editor: a rule nested too deep is named with its line and column, the map keeps its rules', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('data-tab').click();
  const text = page.getByTestId('rules-text');
  await text.waitFor();
  await saved(page);
  const before = await storedEntries(page);
  const shown = await text.inputValue();
  for (const c of corpus.rules.filter((c) => c.ui)) {
    await text.fill(c.text);
    const t = Date.now();
    await page.getByTestId('apply-rules').click();
    const error = page.getByTestId('rules-error');
    await error.waitFor({ timeout: LIMIT_MS });
    const ms = Date.now() - t;
    const message = await error.innerText();
    assert.match(message, /^Line 1, column \d+: conditions nest too deeply: at most 64 levels/, c.name);
    record('editor', c.name, ms, message.slice(0, 50));
    // The typed text stays for fixing; nothing is applied or saved.
    assert.equal((await text.inputValue()).length, c.text.length);
    assert.deepEqual(await storedEntries(page), before, c.name);
  }
  await shot(page, 'adversarial-rules-too-deep');
  // The page still works: the old rules apply again.
  await text.fill(shown);
  await page.getByTestId('apply-rules').click();
  await page.getByTestId('rules-error').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
  await context.close();
});

async function importBody(page, name, body) {
  // From a file on disk, as a user picks one (a buffer would time its copy into the browser).
  const path = `${OUT}/adversarial/${name.replace(/[^A-Za-z0-9,.-]+/g, '-')}`;
  await writeFile(path, body);
  const t = Date.now();
  await page.getByTestId('import-input').setInputFiles(path);
  const notice = page.getByTestId('notice');
  await notice.waitFor({ timeout: LIMIT_MS });
  return { ms: Date.now() - t, message: await notice.innerText() };
}

test('map files: every hostile file is refused with its message and changes nothing, or imports cleanly', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row').first().waitFor();
  const good = await goodFile(page);
  // Load the workspace once (the first list action fetches its chunk), so times are the import's.
  await page.locator('button[data-template="blank"]').click();
  await page.locator('.app-bar').waitFor();
  await saved(page);
  await page.getByRole('link', { name: 'All maps' }).first().click();
  await page.locator('.map-row').first().waitFor();
  for (const c of corpus.maps) {
    let body = c.file(good);
    if (c.replace) body = body.replace(c.replace[0], c.replace[1]);
    if (c.pad) body = body.slice(0, -1) + ' '.repeat(c.pad - Buffer.byteLength(body)) + '}';
    const rows = await page.locator('.map-row').count();
    const stored = await storedEntries(page);
    const { ms, message } = await importBody(page, `${c.name}.journey.json`, body);
    if (c.imported) {
      assert.match(message, /Map imported/, `${c.name}: ${message}`);
      await page.locator('.map-row').nth(rows).waitFor();
      assert.equal(await page.locator('.map-row').count(), rows + 1, c.name);
      if (c.text) {
        assert.ok(await page.locator('.map-row .map-name', { hasText: c.text }).count() >= 1, `${c.name}: shown as text`);
        assert.equal(await page.evaluate(() => window.__pwned), undefined, c.name);
        await shot(page, 'adversarial-html-names');
      }
      if (c.open) {
        // Open it and edit the hostile card from the keyboard: focus finds it by its id.
        await page.locator('.map-row .map-name').nth(rows).click();
        const card = page.locator('.card').first();
        await card.waitFor();
        await card.focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('Escape');
        await page.getByRole('link', { name: 'All maps' }).first().click();
        await page.locator('.map-row').first().waitFor();
      }
      await saved(page).catch(() => {});
    } else {
      assert.match(message, /This file was not imported/, `${c.name}: ${message}`);
      assert.match(message, c.error, `${c.name}: ${message}`);
      assert.match(message, /Nothing was changed/, c.name);
      assert.equal(await page.locator('.map-row').count(), rows, c.name);
      assert.deepEqual(await storedEntries(page), stored, c.name);
    }
    record('map', c.name, ms, message.replace(/\s+/g, ' ').slice(0, 60));
    await page.getByRole('button', { name: 'Dismiss' }).click();
  }
  // Still working: a new map opens and saves.
  await page.locator('button[data-template="scaleo"]').click();
  await page.locator('li.stage').first().waitFor();
  await saved(page);
  assert.deepEqual(errors, []);
  await context.close();
});

test('shared links: every hostile link gets its message and writes nothing, a good one opens', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-row').first().waitFor();
  const good = await goodFile(page);
  const before = await storedEntries(page);
  const { deflateRawSync } = await import('node:zlib');
  for (const c of corpus.shares) {
    const payload = c.payload ? c.payload(good) : deflateRawSync(Buffer.from(c.json(good))).toString('base64url');
    await page.goto('about:blank');
    const t = Date.now();
    await page.goto(`${app.server.url}#share=${payload}`);
    let outcome;
    if (c.opens) {
      await page.getByTestId('shared-banner').waitFor({ timeout: LIMIT_MS });
      await page.locator('li.stage').first().waitFor({ timeout: LIMIT_MS });
      assert.equal(await page.evaluate(() => window.__pwned), undefined, c.name);
      outcome = 'opens read-only';
      if (c.wide) {
        // The bars are drawn where they start; the tracks where none starts are one spacer
        // per run, not one placeholder per track per cell.
        await page.locator('.card.bar').first().waitFor({ timeout: LIMIT_MS });
        const tracks = await page.locator('.track').count();
        const bars = await page.locator('.card.bar').count();
        assert.ok(tracks <= 2 * bars + 200, `${c.name}: ${tracks} tracks drawn for ${bars} bars`);
        outcome = `${payload.length}-character link opens read-only: ${bars} bars, ${tracks} tracks drawn`;
        // The viewport only: the whole page is 3,000 bars tall, past what a screenshot takes.
        await page.screenshot({ path: `${OUT}/adversarial-wide-link.png` });
      }
    } else {
      const box = page.getByTestId('shared-error');
      await box.waitFor({ timeout: LIMIT_MS });
      const text = await box.innerText();
      assert.match(text, c.error, `${c.name}: ${text}`);
      assert.match(text, /Your own maps are unchanged/, c.name);
      outcome = text.replace(/\s+/g, ' ').slice(0, 70);
    }
    const ms = Date.now() - t;
    record('share', c.name, ms, outcome);
    assert.deepEqual(await storedEntries(page), before, c.name);
  }
  // Still working: the user's own maps open.
  await page.goto(app.server.url);
  await page.locator('.map-row .map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSV files in the data view: the mapping step stays quick, problems are named, the old data stays', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('data-tab').click();
  const summary = page.getByTestId('data-summary');
  await summary.filter({ hasText: 'sample-hinge.csv' }).waitFor();
  for (const c of corpus.uiCsv) {
    const kept = await summary.innerText();
    const path = `${OUT}/adversarial/${c.name.replace(/[^A-Za-z0-9,.-]+/g, '-')}.csv`;
    const raw = c.bytes();
    await writeFile(path, typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw);
    const t = Date.now();
    await page.getByTestId('csv-input').setInputFiles(path);
    let outcome;
    if (c.wizard) {
      const wizard = page.getByTestId('import-wizard');
      // The step shows a page of columns and finds the others by name: drawing a role choice
      // for each of 13,000 columns froze the page for a minute.
      await wizard.waitFor({ timeout: LIMIT_MS });
      await page.getByLabel('Use column “col_0” as').waitFor({ timeout: LIMIT_MS });
      const shown = Date.now() - t;
      assert.ok(shown < LIMIT_MS, `${c.name}: the mapping step took ${shown} ms`);
      assert.match(await page.getByTestId('columns-shown').innerText(), /Columns 1–40 of 13,000/);
      assert.equal(await wizard.locator('thead select').count(), 40);
      const t2 = Date.now();
      // The last column, found by name; then the next page of the whole list.
      await page.getByTestId('column-filter').fill(`col_${c.wizard - 1}`);
      const last = page.getByLabel(`Use column “col_${c.wizard - 1}” as`);
      await last.selectOption('keep');
      assert.equal(await wizard.locator('thead select').count(), 1);
      await page.getByTestId('column-filter').fill('');
      await page.getByLabel('Use column “col_0” as').selectOption('id');
      await wizard.getByRole('button', { name: 'Next columns' }).click();
      await page.getByLabel('Use column “col_40” as').waitFor();
      assert.match(await page.getByTestId('columns-shown').innerText(), /Columns 41–80 of 13,000/);
      const picked = Date.now() - t2;
      assert.ok(picked < LIMIT_MS, `${c.name}: finding and picking roles took ${picked} ms`);
      // The roles picked stay picked across pages and filters.
      await page.getByTestId('column-filter').fill(`col_${c.wizard - 1}`);
      assert.equal(await last.inputValue(), 'keep');
      await page.getByTestId('column-filter').fill('no such column');
      await wizard.getByText('No column name contains “no such column”').waitFor();
      outcome = `mapping step shown in ${shown} ms; found, picked and paged in ${picked} ms`;
      await wizard.getByRole('button', { name: 'Cancel' }).click();
      await wizard.waitFor({ state: 'detached' });
      assert.equal(await summary.innerText(), kept, c.name);
    } else if (c.badRow) {
      const wizard = page.getByTestId('import-wizard');
      await wizard.waitFor({ timeout: LIMIT_MS });
      await wizard.getByRole('button', { name: 'Import', exact: true }).click();
      await summary.filter({ hasText: path.split('/').pop() }).waitFor({ timeout: 10_000 });
      await page.getByTestId('bad-rows').locator('summary').click();
      const text = await page.getByTestId('bad-rows').innerText();
      assert.match(text, c.badRow, c.name);
      outcome = text.replace(/\s+/g, ' ').slice(0, 90);
    } else {
      const problem = page.getByTestId('data-problem');
      const wizard = page.getByTestId('import-wizard');
      await problem.or(wizard).waitFor({ timeout: LIMIT_MS });
      if (await wizard.isVisible()) await wizard.getByRole('button', { name: 'Import', exact: true }).click();
      await problem.waitFor({ timeout: 10_000 });
      const text = await problem.innerText();
      assert.match(text, c.problem, c.name);
      // A file that fails leaves the data the map had.
      assert.equal(await summary.innerText(), kept, c.name);
      outcome = text.slice(0, 70);
    }
    record('ui-csv', c.name, Date.now() - t, outcome);
    if (c.badRow) await shot(page, 'adversarial-csv-stray-quote');
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSV files and engine options: each gets its message or a correct result, and the engine keeps working', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await engineIn(page);
  for (const c of corpus.csv) {
    const raw = c.bytes();
    const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const out = await page.evaluate(async ({ b64, options, deepMap }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      let opts = { model: 'hinge', ...options };
      if (deepMap) {
        let m = {};
        const top = m;
        for (let i = 0; i < deepMap; i++) m = m.a = {};
        opts = { map: top };
      }
      const t = performance.now();
      let result = null;
      let error = null;
      try {
        result = window.__engine.classifyCsv(bytes, opts);
      } catch (e) {
        error = String(e.message ?? e);
      }
      const ms = performance.now() - t;
      const summary = result && {
        contactCount: result.contactCount, badRowCount: result.badRowCount,
        badRows: result.badRows.slice(0, 20), stages: result.stages,
      };
      return { ms, error, summary, version: window.__engine.engineVersion() };
    }, { b64: bytes.toString('base64'), options: c.options, deepMap: c.deepMap });
    if (c.check === 'ok') {
      assert.equal(out.error, null, `${c.name}: ${out.error}`);
      if (c.expect) assert.ok(c.expect(out.summary), `${c.name}: ${JSON.stringify(out.summary).slice(0, 400)}`);
    } else {
      assert.ok(out.error, `${c.name}: no error`);
      assert.match(out.error, c.check, c.name);
    }
    assert.match(out.version, /^\d+\.\d+\.\d+/, `${c.name}: the engine still answers`);
    assert.ok(out.ms < LIMIT_MS, `${c.name}: ${out.ms} ms`);
    record('csv', c.name, out.ms, out.error ? out.error.slice(0, 60) : `${out.summary.contactCount} contacts, ${out.summary.badRowCount} bad rows`);
  }
  for (const c of corpus.engine) {
    const out = await page.evaluate(({ call, args }) => {
      if (args[1] === '__circular__') {
        const o = { model: 'hinge' };
        o.self = o;
        args[1] = o;
      }
      const t = performance.now();
      let error = null;
      try {
        window.__engine[call](...args);
      } catch (e) {
        error = String(e.message ?? e);
      }
      return { ms: performance.now() - t, error, version: window.__engine.engineVersion() };
    }, { call: c.call, args: c.args });
    assert.ok(out.error, `${c.name}: no error`);
    assert.match(out.error, c.error, c.name);
    assert.match(out.version, /^\d+\.\d+\.\d+/, c.name);
    assert.ok(out.ms < LIMIT_MS, `${c.name}: ${out.ms} ms`);
    record('engine', c.name, out.ms, out.error.slice(0, 60));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
