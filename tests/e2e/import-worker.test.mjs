// End-to-end: a large CSV is read by the import worker (engine-worker-….js), with a progress bar
// (percent, rows read) and a Cancel button; the page keeps answering; the counts equal those of
// the page's own import (used where no worker can run); Cancel keeps the data the map had. The
// worker then holds the data and works out the figures for each set of rules.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import { OUT, openApp, shot, useServedApp } from './harness.mjs';

const app = useServedApp();

/** A seeded event log like the benchmark's: contact,account,time,type,channel,value. */
function eventLog(rows, contacts, seed) {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const types = ['page_view', 'email_open', 'webinar', 'demo_request', 'proposal_sent', 'contract_signed'];
  const channels = ['email', 'organic', '"paid, social"', 'events', 'referral'];
  const out = ['contact,account,time,type,channel,value'];
  const start = Date.UTC(2024, 0, 1) / 1000;
  for (let i = 0; i < rows; i++) {
    const c = Math.floor(rand() ** 2 * contacts);
    const t = new Date((start + Math.floor((i / rows) * 365 * 86400)) * 1000).toISOString().slice(0, 19) + 'Z';
    const type = types[Math.min(types.length - 1, Math.floor(rand() ** 3 * types.length))];
    out.push(`c${c},a${c % 997},${t},${type},${channels[Math.floor(rand() * channels.length)]},${Math.floor(rand() * 10)}`);
  }
  return out.join('\n') + '\n';
}

const BIG = `${OUT}/worker-events.csv`;
const ROWS = 400_000;

async function tally(page) {
  const rows = page.getByTestId('stage-tally').locator('tbody tr');
  await rows.first().waitFor({ timeout: 60_000 });
  const out = {};
  for (const row of await rows.all()) {
    out[await row.getAttribute('data-testid')] = (await row.locator('td.n').allInnerTexts()).map(Number);
  }
  return out;
}

/** Opens a Hinge map's data view and picks `path`, up to the mapping step. */
async function pick(page, path, { template = true } = {}) {
  if (template) {
    await page.locator('button[data-template="hinge"]').click();
    await page.locator('li.stage').first().waitFor();
    await page.getByTestId('data-tab').click();
  }
  await page.getByTestId('csv-input').setInputFiles(path);
  await page.getByTestId('import-wizard').waitFor();
}

/** Waits until `n` data workers run (a terminated worker leaves the list a moment later). */
async function dataWorkers(page, n) {
  const count = () => page.workers().filter((w) => /engine-worker-[0-9a-f]{16}\.js$/.test(w.url())).length;
  for (let i = 0; i < 100 && count() !== n; i++) await page.waitForTimeout(50);
  return count();
}

/** The main thread's long tasks from now on, read with `take`. */
async function watchLongTasks(page) {
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) window.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => window.__long.splice(0));
}

test('a large file is read in the worker with its progress; the counts equal the page’s own import', async () => {
  await writeFile(BIG, eventLog(ROWS, 40_000, 7));
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, BIG);
  const longTasks = await watchLongTasks(page);
  const t0 = Date.now();
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();

  // The bar, its label, percent and rows, and the Cancel button, while the worker reads.
  const bar = page.getByRole('progressbar', { name: 'Import progress' });
  await bar.waitFor();
  assert.ok(page.workers().some((w) => /engine-worker-[0-9a-f]{16}\.js$/.test(w.url())), 'an import worker runs');
  await page.getByTestId('data-status').filter({ hasText: /Importing… \d+\s% \([1-9][\d,]* rows read\)/ }).waitFor();
  const value = Number(await bar.getAttribute('value'));
  assert.ok(value > 0 && value <= Number(await bar.getAttribute('max')), `bar value ${value}`);
  assert.equal(await page.getByRole('button', { name: 'Cancel import' }).count(), 1);
  await shot(page, 'data-import-progress');
  // The page answers while the file is read: a round trip to the page's main thread.
  const pings = [];
  while (await bar.count()) {
    const p0 = Date.now();
    await page.evaluate(() => 1);
    pings.push(Date.now() - p0);
    await page.waitForTimeout(50);
  }
  await page.getByTestId('data-summary').filter({ hasText: `${ROWS} rows read` }).waitFor({ timeout: 60_000 });
  const inWorker = await tally(page);
  const wall = Date.now() - t0;
  const long = await longTasks();
  console.log(
    `# worker import of ${ROWS} rows: ${wall} ms to the tally; page round trips while reading: ` +
      `${pings.length}, longest ${Math.max(...pings)} ms; long tasks ${long.length}, longest ${Math.max(0, ...long)} ms`,
  );
  assert.equal(await bar.count(), 0);
  // The worker stays, holding the data, to work out the figures for other rules.
  assert.equal(await dataWorkers(page, 1), 1, 'one data worker');
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor({ timeout: 60_000 });
  await page.getByTestId('data-tab').click();
  assert.deepEqual(await tally(page), inWorker);
  assert.ok(Object.values(inWorker).some(([n]) => n > 1000), JSON.stringify(inWorker));
  assert.deepEqual(errors, []);
  await context.close();

  // Where the worker cannot load (a 404 here; a CSP without worker-src elsewhere), the page reads
  // the file itself, and gets the same counts.
  const own = await openApp(app.browser, app.server.url);
  await own.page.route(/engine-worker-[0-9a-f]{16}\.js$/, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await pick(own.page, BIG);
  await own.page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await own.page.getByTestId('data-summary').filter({ hasText: `${ROWS} rows read` }).waitFor({ timeout: 120_000 });
  assert.deepEqual(await tally(own.page), inWorker);
  await own.context.close();
});

test('Cancel ends the worker and keeps the data the map had, also after a reload', async () => {
  const small = `${OUT}/worker-small.csv`;
  await writeFile(small, eventLog(500, 60, 3));
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  await pick(page, small);
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-summary').filter({ hasText: '500 rows read' }).waitFor();
  const before = await tally(page);
  const summary = await page.getByTestId('data-summary').innerText();

  await pick(page, BIG, { template: false });
  await page.getByTestId('import-wizard').getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('data-status').filter({ hasText: /rows read/ }).waitFor();
  // Keyboard: the button is focusable and Enter cancels.
  await page.getByRole('button', { name: 'Cancel import' }).focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('data-status').filter({ hasText: 'Import cancelled. The map’s data is as it was.' }).waitFor();
  assert.equal(await page.getByRole('progressbar').count(), 0);
  await shot(page, 'data-import-cancelled');
  // The cancelled worker is ended; the one holding the earlier data stays.
  assert.equal(await dataWorkers(page, 1), 1, 'the cancelled worker is ended');
  assert.equal(await page.getByTestId('data-summary').innerText(), summary);
  assert.deepEqual(await tally(page), before);
  // The file input is usable again.
  assert.equal(await page.getByTestId('csv-input').isDisabled(), false);

  await page.reload();
  await page.getByTestId('data-tab').click();
  await page.getByTestId('data-summary').filter({ hasText: '500 rows read' }).waitFor();
  assert.deepEqual(await tally(page), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('leaving a map while its data is still being read back leaves no error, and the data comes back next time', async () => {
  const { context, page, errors } = await openApp(app.browser, app.server.url);
  // Slow storage: IndexedDB's open answers 1.5 s late (the real answer, re-sent), so the map
  // page is gone before the data session's first await returns.
  await context.addInitScript(() => {
    const open = IDBFactory.prototype.open;
    IDBFactory.prototype.open = function (...args) {
      const request = open.apply(this, args);
      request.addEventListener('success', (e) => {
        if (e.isTrusted) {
          e.stopImmediatePropagation();
          setTimeout(() => request.dispatchEvent(new Event('success')), 1500);
        }
      });
      return request;
    };
  });
  await page.reload();
  // The demo map: its sample is imported on its first opening, after storage answers.
  await page.locator('.map-name a, a.map-name').first().click();
  await page.locator('li.stage').first().waitFor();
  await page.getByRole('link', { name: 'All maps' }).click();
  await page.locator('.map-row').first().waitFor();
  await page.waitForTimeout(2500);
  assert.deepEqual(errors, [], 'no task of the closed map touched its disposed signals');
  // The page still works, and the demo map still gets its sample.
  await page.locator('.map-name a, a.map-name').first().click();
  await page.getByTestId('data-tab').click();
  await page.getByTestId('data-summary').filter({ hasText: 'sample-hinge.csv' }).waitFor({ timeout: 20_000 });
  assert.ok(Object.keys(await tally(page)).length > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
