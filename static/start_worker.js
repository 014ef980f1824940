// Starts the evaluation worker while the page is still being parsed: a classic script at
// the top of <head> (no inline script: the CSP forbids it), so the worker's wasm downloads
// and compiles alongside the page's instead of after it. The app adopts this worker
// (src/app/client.rs) and replays the messages it sent before the app was running.
//
// A first visit to the playground is the exception: it opens the default example, which
// the page holds already evaluated-to-be (the #boot view in index.html). boot.js then
// evaluates it with the small evaluator-only worker and shows the result first, and starts
// this worker and the app afterwards (see docs/ARCHITECTURE.md, "The first load").
(function () {
  var early = [];
  var boot = { worker: null, early: early, shell: false, start: start };

  function start() {
    if (boot.worker) return;
    try {
      var worker = new Worker('worker_loader.js');
      worker.onmessage = function (e) { early.push(e.data); };
      worker.onerror = function (e) {
        early.push({ BootError: String(e.message || 'worker error') });
        e.preventDefault();
      };
      boot.worker = worker;
    } catch (e) {
      boot.worker = null; // the app starts its own and reports the failure
    }
  }

  // The playground's default example is what opens: no route, no share link, no saved files.
  function opensDefaultExample() {
    var hash = location.hash;
    if (hash !== '' && hash !== '#' && hash !== '#/') return false;
    try {
      return localStorage.getItem('nixpad:files') === null;
    } catch (e) {
      return true;
    }
  }

  boot.shell = opensDefaultExample();
  window.nixpadBoot = boot;
  if (!boot.shell) start();
})();
