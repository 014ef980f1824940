// The evaluation worker of embedded blocks (src/bin/embed_worker.rs): trunk builds
// embed-worker.js / embed-worker_bg.wasm (no-modules target, names not hashed). Its Rust
// main installs onmessage and posts "ready"; a wasm that fails to load is reported.
importScripts('./embed-worker.js');
wasm_bindgen({ module_or_path: './embed-worker_bg.wasm' })
  .catch((e) => postMessage({ failed: String(e && e.message || e) }));
