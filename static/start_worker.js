// Starts the evaluation worker while the page is still being parsed: a classic script at
// the top of <head> (no inline script: the CSP forbids it), so the worker's wasm downloads
// and compiles alongside the page's instead of after it. The app adopts this worker
// (src/app/client.rs) and replays the messages it sent before the app was running.
(function () {
  var early = [];
  var worker = null;
  try {
    worker = new Worker('worker_loader.js');
    worker.onmessage = function (e) { early.push(e.data); };
    worker.onerror = function (e) {
      early.push({ BootError: String(e.message || 'worker error') });
      e.preventDefault();
    };
  } catch (e) {
    worker = null; // the app starts its own and reports the failure
  }
  window.nixpadBoot = { worker: worker, early: early };
})();
