//! nixpkgs-lite for Nixpad: the package set's files, embedded for the browser, and the
//! rebuild-impact analysis (which packages' `.drv` paths two package sets disagree on, and
//! why) shared by `nixpad impact` and the web app.
//!
//! The package set itself is plain Nix in `nixpkgs-lite/` at the repository root; real Nix
//! evaluates the same files (`-I nixpkgs=nixpkgs-lite`) to the same store paths.
//!
//! Invariants: pure (no I/O; files come embedded or through the evaluator's `EvalIO`),
//! builds for wasm32, never panics on user input (a package that fails to evaluate is
//! reported as such, with its error).

#![forbid(unsafe_code)]

mod impact;
pub mod pack;
mod packages;
pub mod sbom;

pub use impact::{compare, impact, Cause, Change, ChangeKind, Impact};
pub use packages::{list_packages, Package, PackageState};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/nixpkgs_lite_files.rs"));
}

/// Every file of nixpkgs-lite: its path relative to the package set's folder, and bytes.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    embedded::FILES
}

/// Where the browser and the in-process tests put the package set in a `MemoryIO`.
pub const MEMORY_ROOT: &str = "/nixpkgs-lite";

/// Adds every file of nixpkgs-lite under `root` (e.g. [`MEMORY_ROOT`]) of `io`; then
/// `nixpkgs=ROOT` in the search path makes `<nixpkgs>` this package set.
pub fn add_to_memory_io(io: &mut nixpad_eval::MemoryIO, root: &str) {
    for (path, bytes) in files() {
        io.add_file(&format!("{}/{}", root.trim_end_matches('/'), path), *bytes);
    }
}
