// Shared set-up for the end-to-end tests: a plain static server over dist/ and Debian's Chromium.
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

export const OUT = '.e2e-out';
mkdirSync(OUT, { recursive: true });

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Serves `dir` with Python's http.server (a plain static server) and resolves to its base URL. */
export async function serve(dir = 'dist') {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, stop: () => proc.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser profile (its own localStorage) with one page open on the app. */
export async function openApp(browser, url, { locale = 'en-US' } = {}) {
  const context = await browser.newContext({ locale, acceptDownloads: true, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(new Error(m.text()));
  });
  await page.goto(url);
  await page.locator('.app-bar').waitFor();
  return { context, page, errors };
}

/** Waits until the autosave has written the latest change. */
export async function saved(page) {
  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
  await page.waitForTimeout(600);
  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
}

/** The app's entries in localStorage, as {key: value}. */
export async function storedEntries(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('journey-mapper:')) out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

export async function shot(page, name) {
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: true });
}

/** Registers before/after hooks that serve dist/ and launch Chromium; returns the live handles. */
export function useServedApp() {
  const app = { server: null, browser: null };
  before(async () => {
    app.server = await serve('dist');
    app.browser = await launch();
  });
  after(async () => {
    await app.browser?.close();
    app.server?.stop();
  });
  return app;
}

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.csv': 'text/csv', '.txt': 'text/plain',
};

/**
 * A plain static server over `dir`, answering only under `prefix` (a sub-path such as
 * `/tools/journey/`), with extra response `headers` (a Content-Security-Policy, say).
 */
export async function serveStatic({ dir = 'dist', prefix = '/', headers = {} } = {}) {
  const { createServer: createHttp } = await import('node:http');
  const { readFile, stat } = await import('node:fs/promises');
  const { extname, join, normalize } = await import('node:path');
  const root = normalize(dir);
  const server = createHttp(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not here');
      return;
    }
    let file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache', ...headers });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, stop: () => server.close() };
}
