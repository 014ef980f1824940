// Starts the app. Trunk's default loader is an inline script, which the page's
// Content-Security-Policy (script-src 'self') forbids; Trunk.toml's pattern_script puts
// this file in its place and tells it the hashed file names.
// The evaluation worker was started earlier, by start_worker.js.
const tag = document.querySelector('script[data-js][data-wasm]');
const base = document.baseURI;
const { default: init } = await import(new URL(tag.dataset.js, base).href);
await init({ module_or_path: new URL(tag.dataset.wasm, base).href });
