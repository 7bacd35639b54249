// A CPU profile of the engine in Chromium, with function names: where `classifyCsv` spends its
// time on the benchmark's file (issue 14: "profile first").
//
//   node scripts/profile-engine.mjs [--csv FILE] [--runs N] [--top N]
//
// Builds the engine module as the release does (cargo's `engine` profile, wasm-opt -O3) but keeps
// the function names (-g), into target/profile-engine/, then runs `classifyCsv` with the browser
// benchmark's rules once to warm up and N times (2) under the DevTools profiler, and prints the
// functions by self time. Default file: the one `node scripts/bench-browser.mjs` writes.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';
import { ourRulesText } from '../bench/browser/bench.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const csv = resolve(arg('--csv', join(ROOT, 'target/bench/events-1000000-c100000-s42-v1.csv')));
const runs = Number(arg('--runs', 2));
const top = Number(arg('--top', 30));
if (!existsSync(csv)) throw new Error(`no ${csv}: run node scripts/bench-browser.mjs once, or pass --csv`);

const site = join(ROOT, 'target/profile-engine');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: ROOT, stdio: 'inherit' });
run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'journey-mapper-engine', '--profile', 'engine']);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(ROOT, 'target');
run('wasm-bindgen', [join(targetDir, 'wasm32-unknown-unknown/engine/journey_mapper_engine.wasm'), '--target', 'web',
  '--no-typescript', '--keep-debug', '--out-dir', site, '--out-name', 'engine']);
run('wasm-opt', ['-O3', '-g', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
  join(site, 'engine_bg.wasm'), '-o', join(site, 'engine_bg.wasm')]);
symlinkSync(csv, join(site, 'data.csv'));
const workload = JSON.parse(readFileSync(join(ROOT, 'bench/browser/workload.json'), 'utf8'));
writeFileSync(join(site, 'index.html'), '<!doctype html><title>profile</title>');

const server = await serve(site);
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(server.url);
  const cdp = await page.context().newCDPSession(page);
  const rules = ourRulesText(workload);
  await page.evaluate(async (rules) => {
    const mod = await import('./engine.js');
    await mod.default();
    window.mod = mod;
    window.bytes = new Uint8Array(await (await fetch('./data.csv')).arrayBuffer());
    window.go = () => {
      const t = performance.now();
      const r = mod.classifyCsv(window.bytes, { rules, contacts: false });
      return { ms: performance.now() - t, rows: r.rows, stages: r.stages.map((s) => [s.id, s.contacts]) };
    };
    window.go();
  }, rules);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < runs; i++) {
    const r = await page.evaluate(() => window.go());
    console.log(`run ${i}: ${r.ms.toFixed(0)} ms, rows ${r.rows}, ${JSON.stringify(r.stages)}`);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'program'})`;
    self.set(name, (self.get(name) ?? 0) + dt[i]);
    total += dt[i];
  });
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  console.log(`\nself time over ${runs} runs (${(total / 1000).toFixed(0)} ms sampled):`);
  for (const [name, us] of rows) {
    console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000 / runs).toFixed(0).padStart(5)} ms/run  ${name.slice(0, 110)}`);
  }
} finally {
  await browser.close();
  server.stop();
}
