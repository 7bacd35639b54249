// Prints what a first visit really downloads, measured in headless Chromium over a static server:
//  * first load: every request until the map list is on screen and the page is idle (wasm, JS,
//    CSS, HTML, manifest, icons, fonts), each gzip-compressed as a server would send it;
//  * opening a map: what the first map opened adds (the lazily loaded map chunk);
//  * the whole build, which the offline service worker then downloads in the background.
// The service worker is blocked for the measurement, so its precache does not count as first load.
// Usage: node scripts/first-load.mjs [dist] [--json]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch, serveStatic } from '../tests/e2e/harness.mjs';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const gz = (b) => gzipSync(b, { level: 9 }).length;
const KB = (n) => `${(n / 1024).toFixed(1)} KB`;

const server = await serveStatic({ dir });
const browser = await launch();
const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 900 } });
const page = await context.newPage();
const seen = [];
page.on('response', async (r) => {
  const url = new URL(r.url());
  if (!url.href.startsWith(server.url) || r.status() !== 200) return;
  try {
    seen.push({ name: url.pathname.split('/').pop() || 'index.html', gzip: gz(await r.body()) });
  } catch {
    /* a response without a body */
  }
});
await page.goto(server.url);
await page.locator('.app-bar').waitFor();
await page.waitForLoadState('networkidle');
const first = seen.splice(0);
// Opening a map: start one from the Hinge template.
await page.locator('[data-template="hinge"]').click();
await page.locator('li.stage').first().waitFor({ timeout: 30000 });
await page.waitForLoadState('networkidle');
const open = seen.splice(0);
await browser.close();
server.stop();

const sum = (xs) => xs.reduce((s, x) => s + x.gzip, 0);
const shorten = (n) => n.replace(/-[0-9a-f]{16}/, '');
const list = (xs) => xs.sort((a, b) => b.gzip - a.gzip).map((x) => `${shorten(x.name)} ${KB(x.gzip)}`).join(', ');
let total = 0;
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (statSync(p).isFile()) total += gz(readFileSync(p));
  }
};
walk(dir);
if (args.includes('--json')) {
  console.log(JSON.stringify({ firstLoad: sum(first), openMap: sum(open), build: total, first, open }));
} else {
  console.log(`first load ${KB(sum(first))} gzip (${first.length} files: ${list(first)})`);
  console.log(`opening a map adds ${KB(sum(open))} gzip (${list(open) || 'nothing'})`);
  console.log(`whole build ${KB(total)} gzip (what the offline worker caches)`);
}
