// Starts the app. Trunk's default loader is an inline script, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's pattern_script puts
// this file in its place and tells it the hashed file names.
//
// On a first visit to the playground (start_worker.js decides), the page's #boot view
// shows the default example at once, and this script evaluates it with the
// evaluator-only worker (embed-worker, a third of the app's size) before anything else
// is fetched: the first result needs that worker and this page only. Then the app's own
// worker and the app start; the app removes the #boot view when its first answer arrives
// (src/app/client.rs), showing the same program and value, now editable.
const boot = window.nixpadBoot || { shell: false, start() {} };
const view = document.getElementById('boot');

/** Evaluates the #boot view's program and shows its value (or error); never throws. */
function showFirstResult() {
  view.hidden = false;
  const code = view.querySelector('#boot-code').textContent;
  const out = view.querySelector('#boot-result');
  return new Promise((resolve) => {
    let worker;
    try {
      worker = new Worker('embed_worker_loader.js');
    } catch (e) {
      resolve();
      return;
    }
    const finish = () => {
      clearTimeout(timer);
      worker.terminate();
      resolve();
    };
    // The app evaluates the example too: if this worker is slow or fails, it takes over.
    const timer = setTimeout(finish, 4000);
    worker.onmessage = (event) => {
      const message = event.data;
      if (message === 'ready') {
        worker.postMessage({ id: 1, code });
      } else if (message && message.id === 1) {
        out.textContent = message.text;
        out.classList.toggle('boot-error', !message.ok);
        out.removeAttribute('aria-busy');
        performance.mark('nixpad-first-result');
        finish();
      } else if (message && (message.failed || message.panic)) {
        finish();
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
    };
  });
}

if (boot.shell && view) {
  // A route chosen before the app runs is the app's to show.
  addEventListener('hashchange', () => view.remove(), { once: true });
  await showFirstResult();
} else if (view) {
  view.remove();
}
boot.start();
const tag = document.querySelector('script[data-js][data-wasm]');
const base = document.baseURI;
try {
  const { default: init } = await import(new URL(tag.dataset.js, base).href);
  await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
} catch (e) {
  view?.remove();
  throw e;
}
