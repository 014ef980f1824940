//! Nixpad's web playground: a yew app that evaluates Nix in a Web Worker.
//!
//! # Bird's-eye view
//! Two wasm binaries come out of this crate (trunk builds both, see `index.html`):
//! - the **page** (`src/main.rs` → [`app`]): editor, output views, REPL, share links,
//!   gallery. It never evaluates Nix; it only lexes for highlighting
//!   (`nixpad_eval::syntax::tokens`, the evaluator's own lexer).
//! - the **worker** (`src/bin/worker.rs` → `worker_main` → [`engine`]): owns the
//!   evaluator and the current result, answers [`protocol::Request`]s.
//!
//! The page talks to the worker through a raw `web_sys::Worker` ([`app::client`]): one
//! time limit per request; on timeout, Stop or a crash (a stack overflow traps the wasm)
//! the worker is terminated and a new one started. Results come back one level at a
//! time ([`protocol::Node`]); deeper levels are asked for when the user opens them, so a
//! big lazy value is never forced whole.
//!
//! # Code map and invariants
//! - [`engine`], [`protocol`], [`share`], [`storage`], [`files`], [`editing`],
//!   [`highlight`], [`examples`]: pure Rust, no browser API, tested natively
//!   (`cargo test -p nixpad-web`). Decoding anything that comes from outside (links,
//!   localStorage) returns an error, never panics.
//! - [`app::state`]: one reducer and one context per concern (files, results, REPL,
//!   settings, lessons, notices); views are small function components reading only the
//!   slices they show.
//! - [`lessons`]: where lesson packs come from; the lessons are fetched on demand
//!   ([`app::packs`]), never compiled in.
//! - [`app::dom`]: the only module that touches browser APIs directly besides the
//!   client and the editor; every call tolerates a missing API.
//! - Text from users, links and the evaluator is always rendered as text (yew escapes),
//!   never as HTML. No inline script or style: the page runs under
//!   `script-src 'self' 'wasm-unsafe-eval'; style-src 'self'` (`static/boot.js`
//!   replaces trunk's inline loader; positions are set through the CSSOM).
//! - Routing is by URL fragment (`#/examples`), so any static server, under any base
//!   path, serves every route; share links use `#/?files=...` and are removed from the
//!   address bar once read.
//!
//! # Tests
//! Native unit tests here (`cargo test -p nixpad-web --lib`); component tests in `tests/components.rs`
//! (wasm-bindgen-test, headless Chromium); end-to-end tests in `tests/e2e/run.mjs`
//! against the release build (`scripts/e2e.sh` runs both).

#![warn(missing_docs)]

pub mod app;
pub mod drv;
pub mod editing;
pub mod engine;
pub mod examples;
pub mod files;
pub mod flake;
pub mod highlight;
pub mod impact;
pub mod lessons;
pub mod options;
pub mod protocol;
pub mod repl;
pub mod share;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod worker_main;
