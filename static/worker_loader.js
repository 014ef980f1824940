// The evaluation worker: trunk builds worker.js / worker_bg.wasm (no-modules target,
// names not hashed). Its Rust main installs onmessage and posts "Ready".
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
