// End-to-end: hosting — the release build under a sub-path of a plain static server, and with the
// Content-Security-Policy the README gives (no inline script; the app works, no violation).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launch, serveStatic } from './harness.mjs';

// The policy in the README, word for word (the test reads it from there).
const readme = readFileSync('README.md', 'utf8');
const CSP = readme.match(/Content-Security-Policy: ([^\n]+)/)[1].trim();

let plain;
let strict;
let browser;
before(async () => {
  plain = await serveStatic({ dir: 'dist', prefix: '/tools/journey/' });
  strict = await serveStatic({ dir: 'dist', headers: { 'Content-Security-Policy': CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  plain?.stop();
  strict?.stop();
});

async function useApp(url) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  const violations = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url);
  await page.locator('.app-bar').waitFor();
  return { context, page, errors, violations };
}

/** Starts a map from a template, adds a card and reloads: the card is still there. */
async function makeAndReload(page) {
  await page.locator('button[data-template="act_on"]').click();
  await page.waitForURL(/\?map=/);
  const cell = page.locator('.cell[data-cell-lane="note"][data-cell-stage="attract"]');
  await cell.getByRole('button', { name: 'Add a card in Notes at Attract' }).click();
  await cell.getByLabel('Title', { exact: true }).fill('Hosted card');
  await cell.getByRole('button', { name: 'Add card', exact: true }).click();
  await page.locator('.card', { hasText: 'Hosted card' }).waitFor();
  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator('.card', { hasText: 'Hosted card' }).waitFor();
}

test('the release build works from a sub-path of a plain static server', async () => {
  // Nothing is served outside the sub-path, so any absolute asset URL would fail.
  const outside = await fetch(`${plain.url}index.html`);
  assert.equal(outside.status, 404);
  const { context, page, errors } = await useApp(`${plain.url}tools/journey/`);
  await makeAndReload(page);
  assert.match(page.url(), /\/tools\/journey\/\?map=/);
  // The service worker registered for the sub-path only.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${plain.url}tools/journey/`);
  // The JS module API loads from the sub-path too.
  const stages = await page.evaluate(async () => {
    const engine = await import(new URL('engine.js', location.href).href);
    await engine.default();
    return engine.templateMap('hinge').stages.length;
  });
  assert.equal(stages, 4);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with the README\'s Content-Security-Policy the app works and nothing is blocked', async () => {
  const head = await fetch(strict.url);
  assert.equal(head.headers.get('content-security-policy'), CSP);
  // The built page has no inline script (trunk's loader is moved to a file at build time).
  const html = await head.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/);
  const { context, page, errors, violations } = await useApp(strict.url);
  await makeAndReload(page);
  // Charts and their PNG download (canvas, blob and data URLs), the service worker, the manifest.
  await page.getByTestId('diagram-tab').click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).first().click();
  assert.match((await download).suggestedFilename(), /\.png$/);
  await page.evaluate(async () => navigator.serviceWorker.ready);
  assert.deepEqual(violations, []);
  assert.deepEqual(errors, []);
  await context.close();
});
