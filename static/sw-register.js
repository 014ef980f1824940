// Registers the service worker (sw.js) that keeps Nixpad working offline after one visit.
// A separate file because the page's Content-Security-Policy forbids inline scripts.
// Registration waits for the page's load, and on a first visit for the app to replace the
// first view (#boot, see boot.js), so that filling the cache never slows either down.
if ('serviceWorker' in navigator) {
  const register = () => {
    navigator.serviceWorker.register('sw.js').catch((e) => {
      // Offline use is a bonus: the site works without it (e.g. on plain http).
      console.info(`Nixpad works online only here: ${e.message}`);
    });
  };
  window.addEventListener('load', () => {
    if (!document.getElementById('boot')) {
      register();
      return;
    }
    const watch = new MutationObserver(() => {
      if (!document.getElementById('boot')) {
        watch.disconnect();
        register();
      }
    });
    watch.observe(document.body, { childList: true });
  });
}
