//! Nixpad's web playground: a yew app that evaluates Nix in a Web Worker.
//!
//! Pure modules, tested natively: [`engine`] (the worker's logic), [`protocol`] (its
//! messages), [`share`], [`storage`], [`files`], [`editing`], [`highlight`], [`examples`].
//! Browser glue: [`app`] (the yew components) and `worker_main` (the worker's entry).

pub mod app;
pub mod editing;
pub mod engine;
pub mod examples;
pub mod files;
pub mod highlight;
pub mod protocol;
pub mod share;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod worker_main;
