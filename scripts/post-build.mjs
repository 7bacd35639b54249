// Trunk post_build hook, run on the staging folder before Trunk moves it to dist/:
// A. splits the app's wasm into a main module and lazily loaded chunks (`wasm-split-cli`, at the
//    `#[lazy]` functions of the `split` feature), runs wasm-bindgen on the main module and wasm-opt
//    on every module (release);
// B. builds the engine crate (`engine/`, the JS module API) into its own module, engine-<hash>.js,
//    for speed (opt-level 3, wasm-opt -O3: it loads after the first screen);
// 0. moves Trunk's inline wasm loader out of index.html into start-<hash>.js (no inline script, so
//    a strict Content-Security-Policy works);
// 1. writes engine.js, the stable entry of the JS module API, and the import worker (engine/js/worker.js). The build's own modules carry
//    content hashes in their names; pages that use the engine import `engine.js` instead and never
//    need to know the hash.
// 2. writes sw.js, the offline service worker, with the exact list of the build's files and a cache
//    name made from a hash of their contents (a new release gets a new cache).
// Steps 0-2 can be re-run on a built folder: `TRUNK_STAGING_DIR=dist SKIP_WASM=1 node scripts/post-build.mjs`.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const wasmDir = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug');
const files = readdirSync(dir);
const js = files.find((f) => /^journey[-_]mapper(-[0-9a-f]+)?\.js$/.test(f));
const wasm = files.find((f) => /^journey[-_]mapper(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!js || !wasm) throw new Error(`post-build: no journey-mapper module in ${dir}: ${files.join(', ')}`);
const stem = js.replace(/\.js$/, '');

const run = (cmd, args) => execFileSync(cmd, args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} KB, ${(gzipSync(readFileSync(f), { level: 9 }).length / 1024).toFixed(0)} KB gzip`;
const hashOf = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

/** Drops the linker's `linking` and `reloc.*` custom sections (left by --emit-relocs) from a wasm file. */
function stripLinking(file) {
  const b = readFileSync(file);
  const leb = (i) => {
    let v = 0, shift = 0, x;
    do { x = b[i++]; v += (x & 0x7f) * 2 ** shift; shift += 7; } while (x & 0x80);
    return [v, i];
  };
  const keep = [b.subarray(0, 8)];
  for (let i = 8; i < b.length; ) {
    const start = i;
    const id = b[i++];
    const [size, body] = leb(i);
    i = body + size;
    if (id === 0) {
      const [n, at] = leb(body);
      const name = b.subarray(at, at + n).toString('utf8');
      if (name === 'linking' || name.startsWith('reloc.')) continue;
    }
    keep.push(b.subarray(start, i));
  }
  writeFileSync(file, Buffer.concat(keep));
}

/** wasm-opt in place (release only; -Oz, or `level`), without debug names or producers (unless KEEP_NAMES). */
function optimize(file, level = '-Oz') {
  if (!release) return;
  // KEEP_NAMES=1 keeps the function names, for profiling (scripts/bench-canvas.mjs --profile).
  const names = process.env.KEEP_NAMES ? ['-g'] : ['--strip-debug', '--strip-producers'];
  run('wasm-opt', [
    level, ...names,
    '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    file, '-o', file,
  ]);
}

if (!process.env.SKIP_WASM) {
  // ---- A. the app, split into chunks ----------------------------------------------------------
  // wasm-split-cli reads the wasm as cargo linked it (with relocations, see .cargo/config.toml),
  // writes the main module (for wasm-bindgen), one .wasm per split point and a JS link module that
  // loads them. Every name is prefixed with Trunk's content-hashed stem, so a release never picks
  // up a chunk of another from an HTTP cache.
  const input = join(wasmDir, 'journey_mapper.wasm');
  const tmp = mkdtempSync(join(tmpdir(), 'jm-split-'));
  run('wasm-split-cli', [input, tmp, '--out-name', stem]);
  const link = `${stem}-split.js`;
  const chunks = readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== `${stem}.wasm`);
  let linkJs = readFileSync(join(tmp, '__wasm_split.js'), 'utf8');
  for (const c of chunks) {
    const named = `${stem}-${c}`;
    linkJs = linkJs.split(`"./${c}"`).join(`"./${named}"`);
    renameSync(join(tmp, c), join(dir, named));
    optimize(join(dir, named));
  }
  writeFileSync(join(dir, link), linkJs);
  run('wasm-bindgen', [join(tmp, `${stem}.wasm`), '--target', 'web', '--no-typescript', '--keep-lld-exports', '--out-dir', tmp, '--out-name', stem]);
  // The chunks reach the main module's function table through the lld exports (--keep-lld-exports).
  // Only the ES import is renamed; the imports object keeps the module name the wasm asks for.
  const mainJs = readFileSync(join(tmp, `${stem}.js`), 'utf8').split('from "./__wasm_split.js"').join(`from "./${link}"`);
  writeFileSync(join(dir, js), mainJs);
  renameSync(join(tmp, `${stem}_bg.wasm`), join(dir, wasm));
  optimize(join(dir, wasm));
  rmSync(tmp, { recursive: true, force: true });
  console.log(`[post-build] app: main ${wasm} (${kb(join(dir, wasm))})`);
  for (const c of chunks) console.log(`[post-build]   chunk ${stem}-${c} (${kb(join(dir, `${stem}-${c}`))})`);

  // ---- B. the engine, its own module ----------------------------------------------------------
  // Built for speed (Cargo.toml's `engine` profile, opt-level 3; ENGINE_PROFILE=release builds it
  // for size as the app is, ENGINE_OPT=-O2 picks wasm-opt's level, to compare).
  const engineProfile = release ? (process.env.ENGINE_PROFILE ?? 'engine') : 'dev';
  run('cargo', ['build', '--target', 'wasm32-unknown-unknown', '-p', 'journey-mapper-engine', '--profile', engineProfile]);
  const engineDir = join(targetDir, 'wasm32-unknown-unknown', engineProfile === 'dev' ? 'debug' : engineProfile);
  const engineWasm = readFileSync(join(engineDir, 'journey_mapper_engine.wasm'));
  const engineStem = `engine-${hashOf(engineWasm)}`;
  for (const f of readdirSync(dir)) if (/^engine-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(f)) rmSync(join(dir, f));
  run('wasm-bindgen', [join(engineDir, 'journey_mapper_engine.wasm'), '--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', engineStem]);
  stripLinking(join(dir, `${engineStem}_bg.wasm`));
  optimize(join(dir, `${engineStem}_bg.wasm`), process.env.ENGINE_OPT ?? (engineProfile === 'engine' ? '-O3' : '-Oz'));
  console.log(`[post-build] engine: ${engineStem}_bg.wasm (${kb(join(dir, `${engineStem}_bg.wasm`))})`);
}
const engineJs = readdirSync(dir).find((f) => /^engine-[0-9a-f]{16}\.js$/.test(f));
if (!engineJs) throw new Error(`post-build: no engine module in ${dir}`);
const engineBg = engineJs.replace(/\.js$/, '_bg.wasm');

// ---- subresource integrity ----------------------------------------------------------------------
// Trunk wrote SRI hashes of the files it made; step A replaced the app's module and wasm, so every
// integrity attribute of index.html is recomputed from the file it names.
{
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8').replace(/<link\b[^>]*>/g, (tag) => {
    const href = tag.match(/href="\.\/([^"]+)"/);
    if (!href || !/integrity="sha384-/.test(tag)) return tag;
    const digest = createHash('sha384').update(readFileSync(join(dir, href[1]))).digest('base64');
    return tag.replace(/integrity="sha384-[^"]*"/, `integrity="sha384-${digest}"`);
  });
  writeFileSync(indexPath, html);
}

// ---- no inline script -----------------------------------------------------------------------------
// Trunk writes its wasm loader as an inline module script; move it to a content-hashed file so the
// page runs under a Content-Security-Policy without 'unsafe-inline' for scripts (see README).
{
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const inline = /<script type="module">([\s\S]*?)<\/script>/;
  const m = html.match(inline);
  if (m) {
    const name = `start-${createHash('sha256').update(m[1]).digest('hex').slice(0, 16)}.js`;
    writeFileSync(join(dir, name), `// Journey Mapper: loads the app's WebAssembly. Moved out of index.html at build time.\n${m[1].trim()}\n`);
    writeFileSync(indexPath, html.replace(inline, `<script type="module" src="./${name}"></script>`));
    console.log(`[post-build] inline loader -> ${name}`);
  }
}

writeFileSync(
  join(dir, 'engine.js'),
  `// Journey Mapper engine: the JS module API (see README). Generated at build time.
import initWasm from './${engineJs}';
export * from './${engineJs}';

/** Loads the engine's WebAssembly. Call (and await) once before any other function. */
export default function init(options) {
  return initWasm(options ?? { module_or_path: new URL('./${engineBg}', import.meta.url) });
}
`,
);
console.log(`[post-build] engine.js -> ${engineJs}, ${engineBg}`);

// ---- the import worker ----------------------------------------------------------------------------
// engine/js/worker.js with the engine's hashed names, under a name hashed from its contents; the app
// finds it through a <meta name="journey-mapper-worker"> in index.html (src/ui/worker.rs), so a page
// never starts a worker of another release.
{
  const src = readFileSync(join(source, 'engine/js/worker.js'), 'utf8')
    .split('ENGINE_MODULE').join(engineJs)
    .split('ENGINE_WASM').join(engineBg);
  for (const f of readdirSync(dir)) if (/^engine-worker-[0-9a-f]{16}\.js$/.test(f)) rmSync(join(dir, f));
  const name = `engine-worker-${hashOf(src)}.js`;
  writeFileSync(join(dir, name), src);
  const indexPath = join(dir, 'index.html');
  const meta = `<meta name="journey-mapper-worker" content="./${name}">`;
  let html = readFileSync(indexPath, 'utf8').replace(/<meta name="journey-mapper-worker"[^>]*>\n?/, '');
  html = html.replace('</head>', `${meta}\n</head>`);
  writeFileSync(indexPath, html);
  console.log(`[post-build] import worker -> ${name}`);
}

// ---- sw.js ----------------------------------------------------------------------------------------

/** Every file under `root` as a sorted list of '/'-separated relative paths. */
function walk(root, dir = root) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(root, path));
    else if (entry.isFile()) out.push(relative(root, path).split(sep).join('/'));
  }
  return out.sort();
}

const SW = 'sw.js';
const built = walk(dir).filter((f) => f !== SW);
if (!built.includes('index.html')) throw new Error(`post-build: no index.html in ${dir}`);
const hash = createHash('sha256');
// This script too: a change to the worker itself also gets a new cache, so an install never writes
// into (or, failing, deletes) the cache the running release uses.
hash.update(readFileSync(new URL(import.meta.url)));
for (const f of built) {
  hash.update(f);
  hash.update('\0');
  hash.update(readFileSync(join(dir, f)));
  hash.update('\0');
}
const cacheName = `journey-mapper-${hash.digest('hex').slice(0, 16)}`;
// The app page is precached as the folder URL ("./"): servers answer it with index.html, and some
// redirect "index.html" to "./", which a service worker must not hand to a navigation.
const urls = built.map((f) => (f === 'index.html' ? './' : f));

writeFileSync(
  join(dir, SW),
  `// Journey Mapper offline service worker. Generated at build time by scripts/post-build.mjs.
const CACHE = ${JSON.stringify(cacheName)};
const PREFIX = 'journey-mapper-';
// Every file of this build, relative to the worker's scope (works from any sub-path).
const FILES = ${JSON.stringify(urls, null, 2)};
const HASHED = /-[0-9a-f]{16}(_bg)?\\.[a-z0-9]+$/;
const SCOPE = new URL('./', self.location).href;
const INDEX = SCOPE;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // All or nothing. Files without a content hash in their name skip the HTTP cache ('reload'),
        // so no file of an older release slips in; hashed ones (the wasm) may come from it, so the
        // first visit does not download them twice.
        await cache.addAll(
          FILES.map((f) => new Request(new URL(f, SCOPE).href, { cache: HASHED.test(f) ? 'default' : 'reload' })),
        );
      } catch (e) {
        await caches.delete(CACHE);
        throw e;
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      // One release at a time: drop every other Journey Mapper cache, never a mix of old and new.
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

/** A cached response as a plain one (a redirected response must not answer a navigation). */
function clean(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function cacheFirst(key, request) {
  // Only this release's cache (caches.match with cacheName never creates a cache).
  const hit = await caches.match(key, { cacheName: CACHE, ignoreSearch: request.mode === 'navigate' });
  if (hit) return clean(hit);
  return fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Never cache or answer for other origins: the browser handles them as usual.
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // The app (the scope's folder or its index.html, with any ?map=… query) comes from the cache.
    const path = url.origin + url.pathname;
    const isApp = path === INDEX || path === SCOPE + 'index.html';
    event.respondWith(cacheFirst(isApp ? INDEX : request, request));
    return;
  }
  event.respondWith(cacheFirst(request, request));
});
`,
);
console.log(`[post-build] ${SW}: ${built.length} files, cache ${cacheName}`);
