// Probe (not a test): imports a large CSV through the UI and reports the main thread's long tasks.
// node scripts/probe-import.mjs [csv] [--metrics] [--cancel]
import { serve, launch, openApp } from '../tests/e2e/harness.mjs';
const csv = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'target/bench/events-1000000-c100000-s42-v1.csv';
const server = await serve('dist');
const browser = await launch();
const { page, errors } = await openApp(browser, server.url, { locale: process.env.LOCALE ?? 'en-US' });
if (process.argv.includes('--inpage')) await page.route(/engine-worker-[0-9a-f]{16}\.js$/, (r) => r.fulfill({ status: 404, body: '' }));
await page.evaluate(() => {
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([Math.round(e.startTime), Math.round(e.duration)]); })
    .observe({ type: 'longtask', buffered: false });
});
await page.locator('button[data-template="hinge"]').click();
await page.locator('li.stage').first().waitFor();
await page.getByTestId('data-tab').click();
await page.getByTestId('csv-input').setInputFiles(csv);
const wizard = page.getByTestId('import-wizard');
await wizard.waitFor();
await page.evaluate(() => { window.__long = []; });
const cdp = process.argv.includes('--profile') ? await page.context().newCDPSession(page) : null;
if (cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
const t0 = Date.now();
await wizard.locator('.actions button.primary').click();
if (process.argv.includes('--shot')) {
  await page.waitForTimeout(Number(process.env.SHOT_MS ?? 700));
  await page.screenshot({ path: '/tmp/probe/progress.png' });
}
await page.getByTestId('data-summary').waitFor({ timeout: 120000 });
await page.getByTestId('stage-tally').locator('tbody tr').first().waitFor({ timeout: 120000 });
const t1 = Date.now();
const imp = await page.evaluate(() => window.__long.splice(0));
console.log(`import: ${t1 - t0} ms to tally; long tasks ${imp.length}, longest ${Math.max(0, ...imp.map((x) => x[1]))} ms, sum ${imp.reduce((a, x) => a + x[1], 0)} ms`);
console.log(JSON.stringify(imp));
if (process.argv.includes('--metrics')) {
  const t2 = Date.now();
  await page.getByTestId('metrics-tab').click();
  await page.getByTestId('metrics-stages').waitFor({ timeout: 120000 });
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => window.__long.splice(0));
  console.log(`metrics: ${Date.now() - t2 - 500} ms; long tasks ${m.length}, longest ${Math.max(0, ...m.map((x) => x[1]))} ms, sum ${m.reduce((a, x) => a + x[1], 0)} ms`);
  console.log(JSON.stringify(m));
  await page.screenshot({ path: '/tmp/probe/metrics.png' });
}
if (cdp) {
  // Inclusive time per function on the page's main thread (each function once per sample).
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
  const incl = new Map();
  for (const id of profile.samples) {
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at).callFrame;
      const name = f.functionName || '(anon)';
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + dt);
    }
  }
  for (const [name, ms] of [...incl].filter(([n]) => !process.env.MATCH || new RegExp(process.env.MATCH).test(n)).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${ms.toFixed(0).padStart(7)} ms  ${name.slice(0, 150)}`);
}
console.log('errors', errors.map(String));
await browser.close();
server.stop();
