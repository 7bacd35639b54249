// Trunk post_build hook, run on the staging folder before Trunk moves it to dist/:
// 0. moves Trunk's inline wasm loader out of index.html into start-<hash>.js (no inline script, so
//    a strict Content-Security-Policy works);
// 1. writes engine.js, the stable entry of the JS module API. The build's own module and wasm carry
//    content hashes in their names; pages that use the engine import `engine.js` instead and never
//    need to know the hash.
// 2. writes sw.js, the offline service worker, with the exact list of the build's files and a cache
//    name made from a hash of their contents (a new release gets a new cache).
// It can be re-run on a built folder: `TRUNK_STAGING_DIR=dist node scripts/post-build.mjs`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk)');
const files = readdirSync(dir);
const js = files.find((f) => /^journey-mapper(-[0-9a-f]+)?\.js$/.test(f));
const wasm = files.find((f) => /^journey-mapper(-[0-9a-f]+)?_bg\.wasm$/.test(f));
if (!js || !wasm) throw new Error(`post-build: no journey-mapper module in ${dir}: ${files.join(', ')}`);

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
import initWasm from './${js}';
export * from './${js}';

/** Loads the engine's WebAssembly. Call (and await) once before any other function. */
export default function init(options) {
  return initWasm(options ?? { module_or_path: new URL('./${wasm}', import.meta.url) });
}
`,
);
console.log(`[post-build] engine.js -> ${js}, ${wasm}`);

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
