// Registers the service worker (sw.js) that keeps Nixpad working offline after one visit.
// A separate file because the page's Content-Security-Policy forbids inline scripts.
// Registration waits for the page's load, so that filling the cache never slows it down.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('sw.js').catch((e) => {
      // Offline use is a bonus: the site works without it (e.g. on plain http).
      console.info(`Nixpad works online only here: ${e.message}`);
    });
  });
}
