// Registers the offline service worker (sw.js, written at build time by scripts/post-build.mjs).
// Only on the app page itself; the URL is relative, so the app works offline from any sub-path.
if ('serviceWorker' in navigator && document.body?.hasAttribute('data-journey-mapper-app')) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((e) => {
      // Not an app error: e.g. plain http on a non-local host has no service workers.
      console.warn('Journey Mapper: offline use is not available here:', e?.message ?? e);
    });
  });
}
