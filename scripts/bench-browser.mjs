// Browser benchmark driver (issue 4, point 7): our engine vs PapaParse + JS vs DuckDB-wasm, in one
// headless Chromium session, on the same event-log CSV, doing the same work (bench/browser/workload.json).
//
//   node scripts/bench-browser.mjs                 generate (or reuse) the ~1M-row CSV and benchmark
//   node scripts/bench-browser.mjs --csv FILE      benchmark an existing event-log CSV
//   node scripts/bench-browser.mjs --check         18-row hand-checked CSV: assert the expected counts
//   options: --runs N (3)  --rows N (1000000)  --contacts N (100000)  --seed N (42)
//            --only engine,papaparse,duckdb
//
// Each contestant gets a fresh browser context (its own renderer process) in the same browser; the
// page fetches the CSV once, initialises the contestant, does 1 warm-up run and N timed runs.
// Memory is measured from outside the page, on the renderer process (see bench/README.md).
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { execSync } from 'node:child_process';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, serve } from '../tests/e2e/harness.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, 'target', 'bench');
const SITE = join(CACHE, 'site');
const MB = 1e6;

function parseArgs(argv) {
  const o = { runs: 3, rows: 1_000_000, contacts: 100_000, seed: 42, csv: null, check: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--check') o.check = true;
    else if (a === '--csv') o.csv = resolve(val());
    else if (a === '--only') o.only = val().split(',');
    else if (['--runs', '--rows', '--contacts', '--seed'].includes(a)) o[a.slice(2)] = Number(val());
    else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

// ---------------------------------------------------------------------------------------------
// Data: a small seeded generator (the project's Rust generator may replace it; see --csv).

/** mulberry32: a tiny seeded PRNG, enough for reproducible test data. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Event types with relative weights: the six scored types of workload.json, the won type, and some
// types the workload does not score.
const TYPES = [
  ['page_view', 46], ['email_open', 20], ['email_click', 9], ['form_submit', 4], ['content_download', 6],
  ['webinar', 3], ['demo_request', 1.5], ['email_bounce', 2], ['unsubscribe', 1], ['contract_signed', 0.25],
];
// One channel holds a comma, so some fields are quoted (as CRM exports do).
const CHANNELS = ['web', 'email', 'email', 'web', 'events', 'sales', '"paid, social"', 'partner', 'organic search'];

/**
 * Writes `rows` events in time order, ~30 s apart from 2024-01-01. Contacts are drawn with a skew
 * (u³), so a few are very active and most have a handful of events; every contact belongs to one
 * account. About 1 row in 50,000 has a bad time (empty or "unknown"). Returns the file size.
 */
function generateCsv(path, { rows, contacts, seed }) {
  const rnd = mulberry32(seed);
  const total = TYPES.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const cum = TYPES.map(([name, w]) => [(acc += w / total), name]);
  const accounts = Math.max(1, Math.floor(contacts / 5));
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w');
  let buf = 'contact,account,time,type,channel,value\n';
  let t = Date.UTC(2024, 0, 1) / 1000;
  for (let i = 0; i < rows; i++) {
    const u = rnd();
    const c = Math.floor(contacts * u * u * u);
    const a = (c * 7919) % accounts;
    t += Math.floor(rnd() * 60);
    const r = rnd();
    let type = cum[cum.length - 1][1];
    for (const [p, name] of cum) {
      if (r < p) {
        type = name;
        break;
      }
    }
    let time = new Date(t * 1000).toISOString().slice(0, 19) + 'Z';
    if (rnd() < 1 / 50_000) time = rnd() < 0.5 ? '' : 'unknown';
    const channel = CHANNELS[Math.floor(rnd() * CHANNELS.length)];
    const value = type === 'contract_signed' || type === 'demo_request' ? (rnd() * 50_000).toFixed(2) : '';
    buf += `person${c}@co${a}.example,co${a}.example,${time},${type},${channel},${value}\n`;
    if (buf.length > 1 << 20) {
      writeSync(fd, buf);
      buf = '';
    }
  }
  writeSync(fd, buf);
  closeSync(fd);
  renameSync(tmp, path); // an interrupted run never leaves a half-written file under `path`
  return statSync(path).size;
}

// ---------------------------------------------------------------------------------------------
// The hand-checked file for --check. Workload: page_view 1, email_open 2, email_click 3,
// content_download 8, webinar 10, demo_request 25; contract_signed → customer; sql ≥ 60, mql ≥ 30,
// lead ≥ 5, else visitor.
//
//   a@x  demo_request 25 + demo_request 25 + webinar 10 = 60        → sql (60 is the sql minimum)
//   b@x  webinar 10, contract_signed                                   → customer (won beats score)
//   c@y  content_download 8; demo_request with time "not-a-date" BAD  → 8 → lead (33/mql if kept)
//   d@y  email_open 2 + email_bounce 0 (not scored) + email_click 3 = 5 → lead (5 is the lead minimum)
//   f@z  webinar 10 × 3 = 30                                          → mql (30 is the mql minimum)
//   e@z  one page_view with an empty time BAD                          → no good row: not a contact
//   g@z  page_view 1; demo_request with value "n/a" BAD                → 1 → visitor (26/lead if kept)
//   one row with an empty contact BAD
//   h@z  one webinar row with 4 fields instead of 6 BAD                 → not a contact
//
// rows 18, bad 5; customer 1, sql 1, mql 1, lead 2, visitor 1. Row 2 has a quoted comma and row 10
// a quoted line break, so the file has 18 data rows on 19 lines (plus the header).
const CHECK_CSV = `contact,account,time,type,channel,value
a@x,x,2024-03-05T10:20:00Z,demo_request,web,1500
a@x,x,2024-03-05T11:00:00Z,demo_request,"paid, social",
a@x,x,2024-03-06T09:00:00Z,webinar,events,
b@x,x,2024-03-05T10:20:00Z,webinar,events,
b@x,x,2024-03-07T10:20:00Z,contract_signed,sales,12000.50
c@y,y,2024-03-01T08:00:00Z,content_download,web,
c@y,y,not-a-date,demo_request,web,
d@y,y,2024-03-02T08:00:00Z,email_open,email,
d@y,y,2024-03-02T08:05:00Z,email_bounce,email,
d@y,y,2024-03-02T08:10:00Z,email_click,"email
footer",
f@z,z,2024-03-03T08:00:00Z,webinar,events,
f@z,z,2024-03-04T08:00:00Z,webinar,events,
f@z,z,2024-03-05T08:00:00Z,webinar,events,
e@z,z,,page_view,web,
g@z,z,2024-03-05T08:00:00Z,page_view,web,
g@z,z,2024-03-05T09:00:00Z,demo_request,web,n/a
,z,2024-03-05T09:30:00Z,webinar,web,
h@z,z,2024-03-05T10:00:00Z,webinar
`;
const CHECK_EXPECTED = { rows: 18, badRows: 5, stages: { customer: 1, sql: 1, mql: 1, lead: 2, visitor: 1 } };

// ---------------------------------------------------------------------------------------------
// Serving: one directory with dist/, bench/, node_modules/ and the CSV, all as symlinks.

function stageSite(csvPath) {
  rmSync(SITE, { recursive: true, force: true });
  mkdirSync(SITE, { recursive: true });
  for (const d of ['dist', 'bench', 'node_modules']) symlinkSync(join(ROOT, d), join(SITE, d));
  symlinkSync(csvPath, join(SITE, 'data.csv'));
  writeFileSync(join(SITE, 'index.html'), '<a href="bench/browser/index.html">benchmark</a>\n');
}

// ---------------------------------------------------------------------------------------------
// Memory of the page's renderer process, from /proc (Linux). Dedicated workers (DuckDB's) run in
// the same process, so its RSS covers the page's JS heap, every WebAssembly.Memory and the workers.

function procStatus(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(s)?.[1] ?? NaN) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

const CLK_TCK = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;

/** CPU time (user + system, all threads) the process has used so far, in ms. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK; // fields 14 and 15 of stat(5)
  } catch {
    return NaN;
  }
}

/** Renderer processes started by this script's Chromium (descendants of this process). */
function rendererPids() {
  const parent = new Map();
  const cmd = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8'));
    } catch {
      /* gone */
    }
  }
  const mine = (pid) => {
    for (let p = pid, n = 0; p > 1 && n < 50; p = parent.get(p), n++) if (p === process.pid) return true;
    return false;
  };
  return [...cmd].filter(([pid, c]) => c.includes('--type=renderer') && mine(pid)).map(([pid]) => pid);
}

/**
 * Peak RSS of `pid` while `fn` runs. The kernel's high-water mark (VmHWM) is reset first by writing
 * 5 to /proc/PID/clear_refs; where that is not allowed, a 5 ms RSS poll stands in (it can miss a
 * short spike, and says so).
 */
async function peakRss(pid, fn) {
  let resetOk = true;
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    resetOk = false;
  }
  const base = procStatus(pid)?.rss ?? NaN;
  const cpu0 = cpuMs(pid);
  let polled = base;
  const timer = setInterval(() => {
    const s = procStatus(pid);
    if (s && s.rss > polled) polled = s.rss;
  }, 5);
  try {
    const value = await fn();
    const end = procStatus(pid);
    const cpu = cpuMs(pid) - cpu0;
    clearInterval(timer);
    const peak = resetOk && end ? Math.max(end.hwm, polled) : Math.max(polled, end?.rss ?? 0);
    return { value, base, peak, cpu, method: resetOk ? 'VmHWM' : 'poll' };
  } finally {
    clearInterval(timer);
  }
}

// ---------------------------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (x, d = 0) => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const mb = (x, d = 0) => fmt(typeof x === 'number' ? x / MB : x, d);

function table(head, rows) {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join('  ');
  return [line(head), w.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
}

/** Opens a fresh context + page on the benchmark page, with the CSV loaded. */
async function openBench(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(new Error(`${m.text()} ${m.location()?.url ?? ''}`));
  });
  await page.goto(`${url}bench/browser/index.html`);
  await page.waitForFunction(() => window.bench !== undefined);
  const before = new Map(rendererPids().map((p) => [p, procStatus(p)?.rss ?? 0]));
  const size = await page.evaluate(() => window.bench.load());
  // This page's renderer is the one that grew by the CSV it just fetched.
  const growth = (p) => (procStatus(p)?.rss ?? 0) - (before.get(p) ?? 0);
  const pid = rendererPids().sort((a, b) => growth(b) - growth(a))[0] ?? null;
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, size, errors, pid };
}

async function contestant(browser, url, name, { runs, measure }) {
  const { context, page, cdp, size, errors, pid: renderer } = await openBench(browser, url);
  try {
    const ok = await page.evaluate((n) => window.bench.available(n), name);
    if (ok !== true) return { name, label: await page.evaluate((n) => window.bench.label(n), name), skipped: ok };
    const initMs = await page.evaluate((n) => window.bench.init(n), name);
    const label = await page.evaluate((n) => window.bench.label(n), name);
    const pid = measure ? renderer : null;
    if (process.env.BENCH_DEBUG) console.log(name, rendererPids().map((p) => `${p}:${mb(procStatus(p)?.rss)}MB`).join(' '), '->', pid);
    const results = [];
    for (let i = 0; i < (measure ? 1 + runs : 1); i++) {
      await page.evaluate((n) => window.bench.prepare(n), name);
      await cdp.send('HeapProfiler.collectGarbage');
      const doRun = () => page.evaluate((n) => window.bench.run(n), name);
      const m = pid ? await peakRss(pid, doRun) : { value: await doRun(), base: NaN, peak: NaN, cpu: NaN, method: 'none' };
      const heap = await cdp.send('Runtime.getHeapUsage');
      results.push({ ...m.value, rssBase: m.base, rssPeak: m.peak, cpuMs: m.cpu, rssMethod: m.method, heapAfter: heap.usedSize, warmup: measure && i === 0 });
    }
    if (errors.length) throw new Error(`${name}: page errors: ${errors.map((e) => e.message).join('; ')}`);
    return { name, label, size, initMs, pid, results, timed: results.filter((r) => !r.warmup) };
  } finally {
    await context.close();
  }
}

const countsKey = (r) => JSON.stringify({ rows: r.rows, badRows: r.badRows, stages: r.stages });

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  let csv = opt.csv;
  if (opt.check) {
    csv = join(CACHE, 'check.csv');
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(csv, CHECK_CSV);
  } else if (!csv) {
    csv = join(CACHE, `events-${opt.rows}-c${opt.contacts}-s${opt.seed}-v1.csv`);
    if (!existsSync(csv)) {
      const t0 = performance.now();
      const size = generateCsv(csv, opt);
      console.log(`generated ${csv} (${mb(size, 1)} MB) in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    }
  }
  if (!existsSync(csv)) throw new Error(`no such file: ${csv}`);
  stageSite(csv);

  const server = await serve(SITE);
  const browser = await launch();
  const names = opt.only ?? ['engine', 'papaparse', 'duckdb'];
  const out = [];
  try {
    const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
    console.log(`Chromium ${browser.version()}; ${os.cpus().length} CPUs, load average ${load}; CSV ${csv} (${mb(statSync(csv).size, 1)} MB)`);
    for (const name of names) {
      const r = await contestant(browser, server.url, name, { runs: opt.runs, measure: !opt.check });
      out.push(r);
      if (r.skipped) console.log(`${r.label}: ${r.skipped}`);
      else if (!opt.check) console.log(`${r.label}: ${r.timed.map((x) => fmt(x.ms)).join(', ')} ms`);
    }
  } finally {
    await browser.close();
    server.stop();
  }

  const ran = out.filter((r) => !r.skipped);
  if (opt.check) {
    let failed = 0;
    const want = countsKey(CHECK_EXPECTED);
    for (const r of out) {
      if (r.skipped) continue;
      const got = countsKey(r.results[0]);
      const pass = got === want;
      if (!pass) failed++;
      console.log(`${pass ? 'PASS' : 'FAIL'} ${r.label}: ${got}${pass ? '' : `\n     expected ${want}`}`);
    }
    if (!ran.length) failed++;
    console.log(failed ? `check FAILED (${failed})` : `check passed: ${ran.length} contestant(s) agree with the hand-worked counts`);
    process.exitCode = failed ? 1 : 0;
    return;
  }

  // Agreement: every run of every contestant must give the same counts.
  const keys = new Map();
  for (const r of ran) for (const x of r.results) keys.set(`${r.label}${x.warmup ? ' (warm-up)' : ''}`, countsKey(x));
  const distinct = new Set(keys.values());
  const agree = distinct.size <= 1;

  const size = ran[0]?.size ?? statSync(csv).size;
  const rows = ran.map((r) => {
    const ms = r.timed.map((x) => x.ms);
    const med = median(ms);
    // Against the RSS before the first (warm-up) run: a WebAssembly.Memory never shrinks, so
    // growth a wasm contestant makes in its first run would be invisible against later bases.
    const peakAbs = Math.max(...r.results.map((x) => x.rssPeak));
    const peakDelta = peakAbs - r.results[0].rssBase;
    const heap = Math.max(...r.timed.map((x) => x.heapAfter));
    const wasm = r.timed.at(-1).wasmBytes;
    r.median = med;
    r.cpuMedian = median(r.timed.map((x) => x.cpuMs));
    return [
      r.label, fmt(med), `${fmt(Math.min(...ms))}–${fmt(Math.max(...ms))}`, fmt(median(r.timed.map((x) => x.cpuMs))),
      fmt(size / MB / (med / 1000), 1), fmt(r.initMs),
      mb(peakDelta), fmt((size + peakDelta) / size, 2), mb(peakAbs), mb(heap), wasm === null ? 'n/a' : mb(wasm),
    ];
  });
  console.log(`\n${ran[0]?.results[0].rows ?? '?'} rows, ${mb(size, 1)} MB; median of ${opt.runs} runs after 1 warm-up\n`);
  console.log(
    table(
      ['contestant', 'median ms', 'min–max ms', 'CPU ms', 'MB/s', 'init ms', 'peak Δ RSS MB', '(file+Δ)/file', 'peak RSS MB', 'JS heap after MB', 'wasm mem MB'],
      rows,
    ),
  );
  for (const r of out.filter((x) => x.skipped)) console.log(`${r.label}: ${r.skipped}`);
  const methods = [...new Set(ran.flatMap((r) => r.results.map((x) => x.rssMethod)))].join('/');
  console.log(`(RSS of each contestant's renderer process, peak by ${methods}; see bench/README.md for what each column means)`);

  const by = Object.fromEntries(ran.map((r) => [r.name, r]));
  console.log('');
  const ratio = (a, b) =>
    `${by[a].label} is ${fmt(by[b].median / by[a].median, 2)}× the speed of ${by[b].label} ` +
    `(wall-clock medians; by renderer CPU time ${fmt(by[b].cpuMedian / by[a].cpuMedian, 2)}×)`;
  if (by.engine) {
    for (const other of ['duckdb', 'papaparse']) if (by[other]) console.log(`ratio: ${ratio('engine', other)}`);
  } else {
    console.log('ratios vs ours: n/a (engine skipped)');
  }
  if (by.duckdb && by.papaparse) console.log(`ratio: ${ratio('duckdb', 'papaparse')}`);

  if (agree && ran.length) {
    const r = ran[0].results[0];
    console.log(`\ncounts agree across ${ran.length} contestant(s), all runs: rows ${r.rows}, bad ${r.badRows}, ` +
      Object.entries(r.stages).map(([k, v]) => `${k} ${v}`).join(', '));
  } else {
    console.log('\n' + '!'.repeat(72));
    console.log('!!! MISMATCH: the contestants do not agree on the counts');
    for (const [who, k] of keys) console.log(`!!!   ${who}: ${k}`);
    console.log('!'.repeat(72));
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
