// Starts the app. Trunk's default loader is an inline script, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's pattern_script puts
// this file in its place and tells it the hashed file names.
//
// The evaluation worker is started here too, so that its wasm loads while the page's
// does; the app adopts it (src/app/client.rs) and replays the messages it sent early.
const early = [];
let worker = null;
try {
  worker = new Worker('worker_loader.js');
  worker.onmessage = (e) => early.push(e.data);
  worker.onerror = (e) => { early.push({ BootError: String(e.message || 'worker error') }); e.preventDefault(); };
} catch (e) {
  worker = null; // the app starts its own and reports the failure
}
window.nixpadBoot = { worker, early };

const tag = document.querySelector('script[data-js][data-wasm]');
const base = document.baseURI;
const { default: init } = await import(new URL(tag.dataset.js, base).href);
await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
